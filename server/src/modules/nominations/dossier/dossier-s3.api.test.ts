import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#server/platform/config.ts';
import { nominationFiles, storedFiles } from '#server/platform/db/schema.ts';
import { buildApp } from '#server/platform/http/app.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildNominationScene } from '../test-support.ts';
import { draftNomination, pdfBytes, upload } from './dossier-test-support.ts';

/** An in-process S3 stand-in: keeps objects by path and records every request. */
const objects = new Map<string, Buffer>();
const requests: string[] = [];
let server: Server;
let t: TestApp;
let s3t: TestApp;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      requests.push(`${request.method} ${path}`);
      if (request.method === 'PUT') objects.set(path, Buffer.concat(chunks));
      if (request.method === 'DELETE') objects.delete(path);
      response.statusCode = request.method === 'DELETE' ? 204 : 200;
      response.end(request.method === 'GET' ? objects.get(path) : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t = await getTestApp();
  const { port } = server.address() as AddressInfo;
  // The same database as the shared app, with files going to the stand-in bucket.
  const app = await buildApp(
    {
      db: t.handle.db,
      dbKind: t.handle.kind,
      config: loadConfig({
        TDKT_DATA_DIR: '.tmp/unused',
        TDKT_S3_ENDPOINT: `http://127.0.0.1:${port}`,
        TDKT_S3_BUCKET: 'tdkt-dossier',
        TDKT_S3_ACCESS_KEY_ID: 'key',
        TDKT_S3_SECRET_ACCESS_KEY: 'secret',
      }),
    },
    { sessionSecret: 'x'.repeat(40) },
  );
  await app.ready();
  s3t = { app, handle: t.handle };
});
afterAll(async () => {
  await s3t?.app.close();
  server?.close();
});

const objectOf = async (uploaded: { json(): { id: string } }) => {
  const [row] = await t.handle.db
    .select({ id: storedFiles.id, objectKey: storedFiles.objectKey })
    .from(storedFiles)
    .innerJoin(nominationFiles, eq(nominationFiles.fileId, storedFiles.id))
    .where(eq(nominationFiles.id, uploaded.json().id));
  if (!row?.objectKey) throw new Error('no object');
  return { fileId: row.id, path: `/tdkt-dossier/${row.objectKey}` };
};
const storedRow = (id: string) => t.handle.db.select().from(storedFiles).where(eq(storedFiles.id, id));

describe('dossier files kept in S3', () => {
  it('deletes the object only after the file row is gone; a refused delete keeps row and object', async () => {
    const scene = await buildNominationScene(s3t);
    const id = await draftNomination(s3t, scene);
    const uploaded = await upload(
      s3t,
      scene.communeOfficer.headers,
      id,
      'component=to_trinh',
      'a.pdf',
      pdfBytes(),
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const object = await objectOf(uploaded);
    expect(objects.has(object.path)).toBe(true);

    const stale = await expectNothingStored(t.handle, () =>
      s3t.app.inject({
        method: 'DELETE',
        url: `/api/nominations/${id}/files/${uploaded.json().id}?version=7`,
        headers: scene.communeOfficer.headers,
      }),
    );
    expect(stale.statusCode).toBe(409);
    expect(requests).not.toContain(`DELETE ${object.path}`);
    expect(objects.has(object.path)).toBe(true);

    const removed = await s3t.app.inject({
      method: 'DELETE',
      url: `/api/nominations/${id}/files/${uploaded.json().id}?version=1`,
      headers: scene.communeOfficer.headers,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(requests).toContain(`DELETE ${object.path}`);
    expect(objects.has(object.path)).toBe(false);
    expect(await storedRow(object.fileId)).toHaveLength(0);
  });

  it('deletes the objects of a nominee dropped from the list and of a deleted draft', async () => {
    const scene = await buildNominationScene(s3t);
    const id = await draftNomination(s3t, scene);
    const dossier = await s3t.app.inject({
      url: `/api/nominations/${id}/dossier`,
      headers: scene.communeOfficer.headers,
    });
    const [first, second] = dossier.json().nominees as { nomineeId: string }[];
    const upFor = (nomineeId: string | undefined) =>
      upload(
        s3t,
        scene.communeOfficer.headers,
        id,
        `component=bao_cao_thanh_tich&nomineeId=${nomineeId}`,
        'bao-cao.pdf',
        pdfBytes(),
      );
    const kept = await objectOf(await upFor(first?.nomineeId));
    const dropped = await objectOf(await upFor(second?.nomineeId));
    const whole = await objectOf(
      await upload(s3t, scene.communeOfficer.headers, id, 'component=to_trinh', 't.pdf', pdfBytes()),
    );

    const current = await s3t.app.inject({
      url: `/api/nominations/${id}`,
      headers: scene.communeOfficer.headers,
    });
    const [person] = scene.people;
    const updated = await s3t.app.inject({
      method: 'PATCH',
      url: `/api/nominations/${id}`,
      headers: scene.communeOfficer.headers,
      payload: { version: current.json().version, nominees: [scene.nominee(person?.id ?? '')] },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(requests).toContain(`DELETE ${dropped.path}`);
    expect(objects.has(kept.path)).toBe(true);
    expect(await storedRow(dropped.fileId)).toHaveLength(0);

    const deleted = await s3t.app.inject({
      method: 'DELETE',
      url: `/api/nominations/${id}?version=${updated.json().version}`,
      headers: scene.communeOfficer.headers,
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(objects.has(kept.path)).toBe(false);
    expect(objects.has(whole.path)).toBe(false);
    expect(await storedRow(kept.fileId)).toHaveLength(0);
  });
});
