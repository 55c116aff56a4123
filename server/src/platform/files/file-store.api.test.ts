import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { loadConfig } from '../config.ts';
import { createFileStore } from './file-store.ts';
import { storedFiles } from './files.schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

describe('file store', () => {
  it('keeps the bytes in the database row when no object store is configured', async () => {
    const store = createFileStore(loadConfig({}));
    const id = await store.save(t.handle.db, {
      fileName: 'biên bản.pdf',
      contentType: 'application/pdf',
      data: Buffer.from('%PDF-1.7 ô'),
      createdBy: null,
    });
    const [row] = await t.handle.db.select().from(storedFiles).where(eq(storedFiles.id, id));
    expect(row).toMatchObject({ storage: 'database', objectKey: null, size: 11 });
    expect((await store.load(t.handle.db, id))?.data.toString()).toBe('%PDF-1.7 ô');
    await store.delete(t.handle.db, [id]);
    expect(await store.load(t.handle.db, id)).toBeNull();
  });

  it('puts the bytes in the S3 bucket when one is configured, and only the description in the row', async () => {
    const objects = new Map<string, Buffer>();
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.method === 'PUT') objects.set(request.url ?? '', Buffer.concat(chunks));
        if (request.method === 'DELETE') objects.delete(request.url ?? '');
        response.end(request.method === 'GET' ? objects.get(request.url ?? '') : undefined);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const store = createFileStore(
        loadConfig({
          TDKT_S3_ENDPOINT: `http://127.0.0.1:${port}`,
          TDKT_S3_BUCKET: 'tdkt-files',
          TDKT_S3_ACCESS_KEY_ID: 'key',
          TDKT_S3_SECRET_ACCESS_KEY: 'secret',
        }),
      );
      expect(store.storage).toBe('s3');
      const id = await store.save(t.handle.db, {
        fileName: 'minh-chung.png',
        contentType: 'image/png',
        data: Buffer.from([137, 80, 78, 71]),
        createdBy: null,
      });
      const [row] = await t.handle.db.select().from(storedFiles).where(eq(storedFiles.id, id));
      expect(row).toMatchObject({ storage: 's3', objectKey: `files/${id}`, data: null, size: 4 });
      expect([...objects.keys()]).toEqual([`/tdkt-files/files/${id}`]);
      expect([...((await store.load(t.handle.db, id))?.data ?? [])]).toEqual([137, 80, 78, 71]);
      await store.delete(t.handle.db, [id]);
      expect(objects.size).toBe(0);
      expect(await t.handle.db.select().from(storedFiles).where(eq(storedFiles.id, id))).toHaveLength(0);
    } finally {
      server.close();
    }
  });
});
