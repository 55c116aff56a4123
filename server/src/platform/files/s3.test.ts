import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createS3Client, signS3Request } from './s3.ts';

describe('S3 signature version 4', () => {
  it('matches the GET Object example of the AWS documentation', () => {
    // docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html, "Example: GET Object".
    const headers = signS3Request({
      method: 'GET',
      path: '/test.txt',
      host: 'examplebucket.s3.amazonaws.com',
      headers: { range: 'bytes=0-9' },
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      date: new Date('2013-05-24T00:00:00Z'),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('puts and gets an object over HTTP with signed, path-style requests', async () => {
    const objects = new Map<string, Buffer>();
    const seen: string[] = [];
    const server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url} ${String(request.headers.authorization).slice(0, 16)}`);
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.method === 'PUT') objects.set(request.url ?? '', Buffer.concat(chunks));
        const body = request.method === 'GET' ? objects.get(request.url ?? '') : undefined;
        response.statusCode = request.method === 'GET' && !body ? 404 : 200;
        response.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createS3Client({
        endpoint: `http://127.0.0.1:${port}`,
        bucket: 'tdkt',
        region: 'us-east-1',
        accessKeyId: 'key',
        secretAccessKey: 'secret',
      });
      await client.put('files/a b.pdf', Buffer.from('%PDF-1.7'), 'application/pdf');
      expect((await client.get('files/a b.pdf')).toString()).toBe('%PDF-1.7');
      await expect(client.get('files/missing')).rejects.toThrow(/404/);
      expect(seen[0]).toBe('PUT /tdkt/files/a%20b.pdf AWS4-HMAC-SHA256');
    } finally {
      server.close();
    }
  });
});
