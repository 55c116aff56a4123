import { createHash, createHmac } from 'node:crypto';

/** Where an S3-compatible object store is (MinIO, Ceph, AWS…): path-style URLs `endpoint/bucket/key`. */
export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding as AWS wants it (every byte but unreserved characters). */
const encode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface SignInput {
  method: string;
  /** The path as sent, already in its canonical (encoded) form, e.g. `/bucket/files/abc`. */
  path: string;
  host: string;
  /** Extra headers to sign (lower-case names), besides host, x-amz-date and x-amz-content-sha256. */
  headers?: Record<string, string>;
  payloadHash: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  date: Date;
}

/** AWS Signature Version 4 headers for one request to S3 (no query string). */
export function signS3Request(input: SignInput): Record<string, string> {
  const amzDate = input.date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    host: input.host,
    ...input.headers,
    'x-amz-content-sha256': input.payloadHash,
    'x-amz-date': amzDate,
  };
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((name) => `${name}:${headers[name]?.trim()}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    input.method,
    input.path,
    '',
    canonicalHeaders,
    signedHeaders,
    input.payloadHash,
  ].join('\n');
  const scope = `${day}/${input.region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  const { host: _host, ...sent } = headers;
  return {
    ...sent,
    authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

/** A minimal S3 client: put, get and delete whole objects. */
export function createS3Client(settings: S3Settings) {
  const base = new URL(settings.endpoint);
  const pathOf = (key: string) =>
    `${base.pathname.replace(/\/$/, '')}/${encode(settings.bucket)}/${key.split('/').map(encode).join('/')}`;
  const send = async (method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer, contentType?: string) => {
    const path = pathOf(key);
    const headers = signS3Request({
      method,
      path,
      host: base.host,
      headers: contentType ? { 'content-type': contentType } : {},
      payloadHash: sha256Hex(body ?? ''),
      region: settings.region,
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      date: new Date(),
    });
    const response = await fetch(new URL(path, base), { method, headers, body });
    if (!response.ok) {
      throw new Error(`S3 ${method} ${key}: ${response.status} ${(await response.text()).slice(0, 200)}`);
    }
    return response;
  };
  return {
    async put(key: string, body: Buffer, contentType: string): Promise<void> {
      await send('PUT', key, body, contentType);
    },
    async get(key: string): Promise<Buffer> {
      return Buffer.from(await (await send('GET', key)).arrayBuffer());
    },
    /** Removes the object (S3 answers 204 whether or not it was there). */
    async delete(key: string): Promise<void> {
      await send('DELETE', key);
    },
  };
}
export type S3Client = ReturnType<typeof createS3Client>;
