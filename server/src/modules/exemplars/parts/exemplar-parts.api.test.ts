import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  awardsReceived,
  exemplarAwards,
  exemplarFiles,
  exemplarReplications,
  storedFiles,
} from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { docxBytes, multipart, pdfBytes } from '../../nominations/dossier/dossier-test-support.ts';
import { auditOf, buildExemplarScene, type ExemplarScene, proposeExemplar, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

function upload(
  client: ExemplarScene['communeOfficer'],
  id: string,
  query: string,
  name: string,
  content: Buffer,
) {
  const body = multipart(name, content);
  return t.app.inject({
    method: 'POST',
    url: `/api/exemplars/${id}/files?${query}`,
    headers: { ...client.headers, 'content-type': body.contentType, 'idempotency-key': crypto.randomUUID() },
    payload: body.payload,
  });
}

describe('POST /api/exemplars/:id/files, GET …/content, DELETE', () => {
  it('keeps photos and documents in the file store, served in scope only, removed with their bytes', async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    const view = await proposeExemplar(t, scene);
    const photo = await upload(scene.communeOfficer, view.id, 'kind=photo&version=1', 'anh.png', PNG);
    expect(photo.statusCode, photo.body).toBe(201);
    const document = await upload(
      scene.communeOfficer,
      view.id,
      'kind=document&version=2',
      'bao-cao',
      await docxBytes(),
    );
    expect(document.statusCode, document.body).toBe(201);
    const files = document.json().files as { id: string; fileName: string; contentType: string }[];
    expect(files.map((file) => file.fileName)).toEqual(['anh.png', 'bao-cao.docx']);
    expect(await auditOf(t, 'exemplar.file_add', view.id)).toHaveLength(2);
    const [first] = files;
    const content = await send(
      'GET',
      `/api/exemplars/${view.id}/files/${first?.id}/content`,
      scene.districtStaff,
    );
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/png');
    expect(content.rawPayload.equals(PNG)).toBe(true);
    const hidden = await send(
      'GET',
      `/api/exemplars/${view.id}/files/${first?.id}/content`,
      scene.otherOfficer,
    );
    expect(hidden.statusCode).toBe(403);
    const [row] = await t.handle.db
      .select()
      .from(exemplarFiles)
      .where(eq(exemplarFiles.id, first?.id as string));
    for (const [client, version, status] of [
      [scene.otherOfficer, 3, 403],
      [scene.districtStaff, 3, 403],
      [scene.communeOfficer, 2, 409],
    ] as const) {
      const refused = await expectNothingStored(t.handle, () =>
        send('DELETE', `/api/exemplars/${view.id}/files/${first?.id}?version=${version}`, client),
      );
      expect(refused.statusCode, refused.body).toBe(status);
    }
    const removed = await send(
      'DELETE',
      `/api/exemplars/${view.id}/files/${first?.id}?version=3`,
      scene.communeOfficer,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().files).toHaveLength(1);
    expect(
      await t.handle.db
        .select()
        .from(storedFiles)
        .where(eq(storedFiles.id, row?.fileId as string)),
    ).toEqual([]);
    expect((await auditOf(t, 'exemplar.file_remove', view.id))[0]?.before).toMatchObject({
      fileName: 'anh.png',
    });
  });

  it('refuses a file of the wrong kind, an empty or oversized one, a stale version and outsiders; nothing stored', async () => {
    const scene = await buildExemplarScene(t);
    const view = await proposeExemplar(t, scene);
    const cases = [
      [scene.communeOfficer, 'kind=photo&version=1', pdfBytes(), 415],
      [scene.communeOfficer, 'kind=document&version=1', PNG, 415],
      [scene.communeOfficer, 'kind=document&version=1', Buffer.from('plain text'), 415],
      [scene.communeOfficer, 'kind=document&version=1', Buffer.alloc(0), 400],
      [
        scene.communeOfficer,
        'kind=document&version=1',
        Buffer.concat([pdfBytes(), Buffer.alloc(10 * 1024 * 1024)]),
        413,
      ],
      [scene.communeOfficer, 'kind=document&version=9', pdfBytes(), 409],
      [scene.communeOfficer, 'kind=video&version=1', pdfBytes(), 400],
      [scene.otherOfficer, 'kind=document&version=1', pdfBytes(), 403],
      [scene.districtStaff, 'kind=document&version=1', pdfBytes(), 403],
    ] as const;
    for (const [client, query, content, status] of cases) {
      const reply = await expectNothingStored(t.handle, () =>
        upload(client, view.id, query, 'tep.pdf', content),
      );
      expect(reply.statusCode, `${query} ${reply.body}`).toBe(status);
    }
    const missing = await sender(t)(
      'DELETE',
      `/api/exemplars/${view.id}/files/${crypto.randomUUID()}?version=1`,
      scene.communeOfficer,
    );
    expect(missing.statusCode).toBe(404);
  });
});

describe('POST/DELETE /api/exemplars/:id/replications', () => {
  it('records replicating units once each, not before discovery, audited', async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    const view = await proposeExemplar(t, scene, { confirm: true });
    const added = await send('POST', `/api/exemplars/${view.id}/replications`, scene.districtOfficer, {
      unitId: scene.district.id,
      replicatedOn: '2024-10-01',
      note: 'Áp dụng tại bộ phận một cửa',
      version: 2,
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({
      replicationCount: 1,
      replications: [{ unitName: 'Huyện Văn Hóa' }],
    });
    expect(await auditOf(t, 'exemplar.replication_add', view.id)).toHaveLength(1);
    const body = (extra: object) => ({
      unitId: scene.province.id,
      replicatedOn: '2024-10-01',
      version: 3,
      ...extra,
    });
    const cases = [
      [scene.districtOfficer, body({ unitId: scene.district.id }), 409],
      [scene.districtOfficer, body({ replicatedOn: '2024-01-01' }), 400],
      [scene.districtOfficer, body({ unitId: crypto.randomUUID() }), 400],
      [scene.districtOfficer, body({ version: 2 }), 409],
      [scene.otherOfficer, body({}), 403],
    ] as const;
    for (const [client, payload, status] of cases) {
      const reply = await expectNothingStored(t.handle, () =>
        send('POST', `/api/exemplars/${view.id}/replications`, client, payload),
      );
      expect(reply.statusCode, reply.body).toBe(status);
    }
    const replicationId = added.json().replications[0].id;
    for (const [client, url, status] of [
      [scene.otherOfficer, `${replicationId}?version=3`, 403],
      [scene.communeOfficer, `${replicationId}?version=2`, 409],
      [scene.communeOfficer, `${crypto.randomUUID()}?version=3`, 404],
    ] as const) {
      const refused = await expectNothingStored(t.handle, () =>
        send('DELETE', `/api/exemplars/${view.id}/replications/${url}`, client),
      );
      expect(refused.statusCode, refused.body).toBe(status);
    }
    const removed = await send(
      'DELETE',
      `/api/exemplars/${view.id}/replications/${replicationId}?version=3`,
      scene.communeOfficer,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(
      await t.handle.db
        .select()
        .from(exemplarReplications)
        .where(eq(exemplarReplications.exemplarId, view.id)),
    ).toEqual([]);
    expect(await auditOf(t, 'exemplar.replication_remove', view.id)).toHaveLength(1);
  });
});

describe('GET /api/exemplars/:id/award-options, POST/DELETE …/awards', () => {
  it("links the subject's award records only, audited", async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    const view = await proposeExemplar(t, scene, { confirm: true });
    const [own] = await t.handle.db
      .insert(awardsReceived)
      .values({ personId: scene.person.id, awardCode: 'CSTDCS', year: 2024, decisionNumber: '12/QĐ-UBND' })
      .returning();
    const [foreign] = await t.handle.db
      .insert(awardsReceived)
      .values({ personId: scene.outsider.id, awardCode: 'LDTT', year: 2024 })
      .returning();
    const options = await send('GET', `/api/exemplars/${view.id}/award-options`, scene.communeOfficer);
    expect(options.statusCode, options.body).toBe(200);
    expect(options.json().items).toEqual([
      expect.objectContaining({
        awardReceivedId: own?.id,
        awardName: 'Chiến sĩ thi đua cơ sở',
        recipientName: 'Nguyễn Thị Điển',
      }),
    ]);
    expect(
      (await send('GET', `/api/exemplars/${view.id}/award-options`, scene.otherOfficer)).statusCode,
    ).toBe(403);
    const linked = await send('POST', `/api/exemplars/${view.id}/awards`, scene.communeOfficer, {
      awardReceivedId: own?.id,
      version: 2,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().awards).toMatchObject([{ awardCode: 'CSTDCS', decisionNumber: '12/QĐ-UBND' }]);
    expect(await auditOf(t, 'exemplar.award_link', view.id)).toHaveLength(1);
    for (const [payload, status] of [
      [{ awardReceivedId: foreign?.id, version: 3 }, 400],
      [{ awardReceivedId: own?.id, version: 3 }, 409],
      [{ awardReceivedId: own?.id, version: 1 }, 409],
    ] as const) {
      const reply = await expectNothingStored(t.handle, () =>
        send('POST', `/api/exemplars/${view.id}/awards`, scene.communeOfficer, payload),
      );
      expect(reply.statusCode, reply.body).toBe(status);
    }
    const linkId = linked.json().awards[0].id;
    const refused = await expectNothingStored(t.handle, () =>
      send('DELETE', `/api/exemplars/${view.id}/awards/${linkId}?version=3`, scene.otherOfficer),
    );
    expect(refused.statusCode).toBe(403);
    const unlinked = await send(
      'DELETE',
      `/api/exemplars/${view.id}/awards/${linkId}?version=3`,
      scene.communeOfficer,
    );
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    expect(
      await t.handle.db.select().from(exemplarAwards).where(eq(exemplarAwards.exemplarId, view.id)),
    ).toEqual([]);
    expect(await auditOf(t, 'exemplar.award_unlink', view.id)).toHaveLength(1);
  });
});
