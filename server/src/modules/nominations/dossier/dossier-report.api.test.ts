import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  awardsReceived,
  initiatives,
  nominationFiles,
  nominations,
  personRatings,
} from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildNominationScene } from '../test-support.ts';
import { draftNomination, pdfBytes, submitNomination, upload } from './dossier-test-support.ts';

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
const documentText = async (bytes: Buffer) =>
  (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';

describe('POST /api/nominations/:id/nominees/:nomineeId/achievement-report', () => {
  it('drafts the báo cáo thành tích from the person’s records and files it as that nominee’s report', async () => {
    const scene = await buildNominationScene(t);
    const [person] = scene.people;
    if (!person) throw new Error('no people');
    const db = t.handle.db;
    await db.insert(personRatings).values({ personId: person.id, year: 2024, rating: 'HTXSNV' });
    await db
      .insert(initiatives)
      .values({ personId: person.id, name: 'Số hóa hồ sơ một cửa', scope: 'unit', year: 2025 });
    await db.insert(awardsReceived).values({
      personId: person.id,
      awardCode: 'GIAY_KHEN',
      year: 2023,
      decisionNumber: '12/QĐ-UBND',
      decisionDate: '2023-12-20',
      decider: 'Chủ tịch UBND huyện',
    });
    const id = await draftNomination(t, scene);
    const detail = (
      await t.app.inject({ url: `/api/nominations/${id}`, headers: scene.communeOfficer.headers })
    ).json();
    const nomineeId = detail.nominees[0].id as string;
    const url = `/api/nominations/${id}/nominees/${nomineeId}/achievement-report`;

    const preview = await t.app.inject({ url, headers: scene.communeOfficer.headers });
    expect(preview.statusCode, preview.body).toBe(200);
    const text = await documentText(preview.rawPayload);
    for (const part of [
      'SƠ LƯỢC LÝ LỊCH',
      'Nguyễn Thị Hoa',
      'THÀNH TÍCH ĐẠT ĐƯỢC',
      'Hoàn thành xuất sắc',
      'Số hóa hồ sơ một cửa',
      '12/QĐ-UBND',
    ])
      expect(text, part).toContain(part);

    const attached = await t.app.inject({ method: 'POST', url, headers: scene.communeOfficer.headers });
    expect(attached.statusCode, attached.body).toBe(201);
    expect(attached.json()).toMatchObject({
      component: 'bao_cao_thanh_tich',
      nomineeId,
      fileName: 'bao-cao-thanh-tich-nguyen-thi-hoa.docx',
    });
    expect(await filesOf(id)).toHaveLength(1);
    expect(await auditOf('nomination_file.generate', attached.json().id)).toHaveLength(1);
    const checklist = (
      await t.app.inject({ url: `/api/nominations/${id}/dossier`, headers: scene.communeOfficer.headers })
    ).json();
    expect(checklist.nominees[0].items).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'bao_cao_thanh_tich', present: true })]),
    );

    const other = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url, headers: scene.otherOfficer.headers }),
    );
    expect(other.statusCode).toBe(403);
    const missing = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: `/api/nominations/${id}/nominees/${crypto.randomUUID()}/achievement-report`,
        headers: scene.communeOfficer.headers,
      }),
    );
    expect(missing.statusCode).toBe(404);
    await submitNomination(t, scene, id);
    const sent = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url, headers: scene.communeOfficer.headers }),
    );
    expect(sent.statusCode).toBe(409);
  });
});

describe('dossier files when the tờ trình changes', () => {
  it('keeps a nominee’s files through an edit of the list and removes (audited) those of a nominee taken off', async () => {
    const scene = await buildNominationScene(t);
    const [first, second] = scene.people;
    if (!first || !second) throw new Error('no people');
    const id = await draftNomination(t, scene);
    const detail = (
      await t.app.inject({ url: `/api/nominations/${id}`, headers: scene.communeOfficer.headers })
    ).json();
    const [a, b] = detail.nominees as { id: string }[];
    const kept = await upload(
      t,
      scene.communeOfficer.headers,
      id,
      `component=bao_cao_thanh_tich&nomineeId=${a?.id}`,
      'a.pdf',
      pdfBytes(),
    );
    const dropped = await upload(
      t,
      scene.communeOfficer.headers,
      id,
      `component=bao_cao_thanh_tich&nomineeId=${b?.id}`,
      'b.pdf',
      pdfBytes(),
    );
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/nominations/${id}`,
      headers: scene.communeOfficer.headers,
      payload: { nominees: [scene.nominee(first.id)], version: 1 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const newId = changed.json().nominees[0].id;
    const rows = await filesOf(id);
    expect(rows).toEqual([expect.objectContaining({ id: kept.json().id, nomineeId: newId })]);
    const [event] = await auditOf('nomination_file.delete', dropped.json().id);
    expect(event?.before).toMatchObject({ fileName: 'b.pdf' });
  });

  it('deletes a draft tờ trình with its dossier files, each audited', async () => {
    const scene = await buildNominationScene(t);
    const id = await draftNomination(t, scene);
    const file = await upload(t, scene.communeOfficer.headers, id, 'component=to_trinh', 'a.pdf', pdfBytes());
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/nominations/${id}?version=1`,
      headers: scene.communeOfficer.headers,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await t.handle.db.select().from(nominations).where(eq(nominations.id, id))).toHaveLength(0);
    expect(await filesOf(id)).toHaveLength(0);
    expect(await auditOf('nomination_file.delete', file.json().id)).toHaveLength(1);
  });
});
