import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_FILE_MAX_BYTES } from '#contracts/nomination-dossier.ts';
import { auditEvents, nominationFiles, storedFiles } from '#server/platform/db/schema.ts';
import { signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildNominationScene } from '../test-support.ts';
import { docxBytes, draftNomination, pdfBytes, submitNomination, upload } from './dossier-test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const filesOf = (nominationId: string) =>
  t.handle.db.select().from(nominationFiles).where(eq(nominationFiles.nominationId, nominationId));

describe('POST /api/nominations/:id/files', () => {
  it('stores a PDF and a DOCX, audited, and the checklist turns them present', async () => {
    const scene = await buildNominationScene(t);
    const id = await draftNomination(t, scene);
    const before = await t.app.inject({
      url: `/api/nominations/${id}/dossier`,
      headers: scene.communeOfficer.headers,
    });
    expect(before.statusCode, before.body).toBe(200);
    const first = before.json().nominees[0];
    expect(before.json()).toMatchObject({ canEdit: true, ruleSet: { id: expect.any(String) } });
    expect(first.items.map((item: { code: string }) => item.code)).toEqual(
      expect.arrayContaining(['to_trinh', 'bao_cao_thanh_tich', 'bien_ban']),
    );
    expect(first.items.every((item: { present: boolean }) => !item.present)).toBe(true);

    const whole = await upload(
      t,
      scene.communeOfficer.headers,
      id,
      'component=to_trinh',
      'to-trinh.pdf',
      pdfBytes(),
    );
    expect(whole.statusCode, whole.body).toBe(201);
    expect(whole.json()).toMatchObject({
      component: 'to_trinh',
      nomineeId: null,
      fileName: 'to-trinh.pdf',
      contentType: 'application/pdf',
      version: 1,
    });
    const report = await upload(
      t,
      scene.communeOfficer.headers,
      id,
      `component=bao_cao_thanh_tich&nomineeId=${first.nomineeId}`,
      'bao cao.docx',
      await docxBytes(),
    );
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json().contentType).toContain('wordprocessingml');
    const stored = await filesOf(id);
    expect(stored).toHaveLength(2);
    const [bytes] = await t.handle.db
      .select()
      .from(storedFiles)
      .where(eq(storedFiles.id, stored[0]?.fileId ?? ''));
    expect(bytes?.size).toBeGreaterThan(0);
    expect(await auditOf('nomination_file.upload', whole.json().id)).toHaveLength(1);

    const after = (
      await t.app.inject({ url: `/api/nominations/${id}/dossier`, headers: scene.communeOfficer.headers })
    ).json();
    const present = (index: number) =>
      Object.fromEntries(
        after.nominees[index].items.map((item: { code: string; present: boolean }) => [
          item.code,
          item.present,
        ]),
      );
    expect(present(0)).toMatchObject({ to_trinh: true, bao_cao_thanh_tich: true, bien_ban: false });
    expect(present(1)).toMatchObject({ to_trinh: true, bao_cao_thanh_tich: false });
    expect(after.missing).toBeGreaterThan(0);

    const list = await t.app.inject({
      url: `/api/nominations/${id}/files?limit=1`,
      headers: scene.communeOfficer.headers,
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ items: [{ component: 'to_trinh' }], total: { value: 2 } });
    const next = await t.app.inject({
      url: `/api/nominations/${id}/files?limit=1&after=${list.json().next}`,
      headers: scene.communeOfficer.headers,
    });
    expect(next.json().items).toEqual([expect.objectContaining({ component: 'bao_cao_thanh_tich' })]);
  });

  it('refuses a file that is not PDF, DOCX, XLSX, JPEG or PNG by its content with 415, storing nothing', async () => {
    const scene = await buildNominationScene(t);
    const id = await draftNomination(t, scene);
    for (const [name, content] of [
      ['gia-mao.pdf', 'Đây là văn bản thường, không phải PDF'],
      ['chuong-trinh.exe', Buffer.from([0x4d, 0x5a, 0x90, 0x00])],
      ['nen.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])],
    ] as const) {
      const response = await expectNothingStored(t.handle, () =>
        upload(t, scene.communeOfficer.headers, id, 'component=to_trinh', name, content),
      );
      expect(response.statusCode, name).toBe(415);
      expect(response.json()).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringContaining('PDF'),
      });
    }
  });

  it('refuses a file over the size limit with 413, storing nothing', async () => {
    const scene = await buildNominationScene(t);
    const id = await draftNomination(t, scene);
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(DOSSIER_FILE_MAX_BYTES)]);
    const response = await expectNothingStored(t.handle, () =>
      upload(t, scene.communeOfficer.headers, id, 'component=to_trinh', 'lon.pdf', big),
    );
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('MB'),
    });
  });

  it('refuses an officer of another unit (403), a nominee of another tờ trình (400), and a sent tờ trình (409)', async () => {
    const scene = await buildNominationScene(t);
    const id = await draftNomination(t, scene);
    const other = await expectNothingStored(t.handle, () =>
      upload(t, scene.otherOfficer.headers, id, 'component=to_trinh', 'a.pdf', pdfBytes()),
    );
    expect(other.statusCode).toBe(403);
    const foreign = await expectNothingStored(t.handle, () =>
      upload(
        t,
        scene.communeOfficer.headers,
        id,
        `component=bao_cao_thanh_tich&nomineeId=${crypto.randomUUID()}`,
        'a.pdf',
        pdfBytes(),
      ),
    );
    expect(foreign.statusCode).toBe(400);
    const missingNominee = await expectNothingStored(t.handle, () =>
      upload(t, scene.communeOfficer.headers, id, 'component=bao_cao_thanh_tich', 'a.pdf', pdfBytes()),
    );
    expect(missingNominee.statusCode).toBe(400);
    await submitNomination(t, scene, id);
    const sent = await expectNothingStored(t.handle, () =>
      upload(t, scene.communeOfficer.headers, id, 'component=to_trinh', 'a.pdf', pdfBytes()),
    );
    expect(sent.statusCode).toBe(409);
    expect(sent.json().message).toContain('trả lại');
    const receiver = await expectNothingStored(t.handle, () =>
      upload(t, scene.provinceOfficer.headers, id, 'component=to_trinh', 'a.pdf', pdfBytes()),
    );
    expect(receiver.statusCode).toBe(403);
  });
});

describe('GET /api/nominations/:id/files/:fileId/content', () => {
  it('serves the bytes to the proposing unit and, once sent, the receiving level; refuses others', async () => {
    const scene = await buildNominationScene(t);
    const id = await draftNomination(t, scene);
    const content = pdfBytes('noi dung rieng');
    const created = await upload(
      t,
      scene.communeOfficer.headers,
      id,
      'component=to_trinh',
      'tờ trình.pdf',
      content,
    );
    const url = `/api/nominations/${id}/files/${created.json().id}/content`;
    const own = await t.app.inject({ url, headers: scene.communeOfficer.headers });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(content)).toBe(true);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toContain(encodeURIComponent('tờ trình.pdf'));

    await submitNomination(t, scene, id);
    const province = await t.app.inject({ url, headers: scene.provinceOfficer.headers });
    expect(province.statusCode).toBe(200);
    expect((await t.app.inject({ url, headers: scene.otherOfficer.headers })).statusCode).toBe(403);
    const staff = await signInAs(t, 'staff', scene.commune.id);
    expect((await t.app.inject({ url, headers: staff.headers })).statusCode).toBe(403);
    const elsewhere = await draftNomination(t, scene);
    const wrong = await t.app.inject({
      url: `/api/nominations/${elsewhere}/files/${created.json().id}/content`,
      headers: scene.communeOfficer.headers,
    });
    expect(wrong.statusCode).toBe(404);
  });
});

describe('DELETE /api/nominations/:id/files/:fileId', () => {
  it('removes a draft’s file at its version with its bytes, audited; refuses a stale version and a sent tờ trình', async () => {
    const scene = await buildNominationScene(t);
    const id = await draftNomination(t, scene);
    const first = await upload(
      t,
      scene.communeOfficer.headers,
      id,
      'component=to_trinh',
      'a.pdf',
      pdfBytes(),
    );
    const second = await upload(
      t,
      scene.communeOfficer.headers,
      id,
      'component=bien_ban',
      'b.pdf',
      pdfBytes(),
    );
    const stale = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/nominations/${id}/files/${first.json().id}?version=2`,
        headers: scene.communeOfficer.headers,
      }),
    );
    expect(stale.statusCode).toBe(409);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/nominations/${id}/files/${first.json().id}?version=1`,
      headers: scene.communeOfficer.headers,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await filesOf(id)).toHaveLength(1);
    const storedId = (await auditOf('nomination_file.upload', first.json().id))[0]?.after as {
      fileId: string;
    };
    expect(
      await t.handle.db.select().from(storedFiles).where(eq(storedFiles.id, storedId.fileId)),
    ).toHaveLength(0);
    const [event] = await auditOf('nomination_file.delete', first.json().id);
    expect(event?.before).toMatchObject({ component: 'to_trinh', fileName: 'a.pdf' });

    await submitNomination(t, scene, id);
    const sent = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/nominations/${id}/files/${second.json().id}?version=1`,
        headers: scene.communeOfficer.headers,
      }),
    );
    expect(sent.statusCode).toBe(409);
    const other = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/nominations/${id}/files/${second.json().id}?version=1`,
        headers: scene.otherOfficer.headers,
      }),
    );
    expect(other.statusCode).toBe(403);
  });
});
