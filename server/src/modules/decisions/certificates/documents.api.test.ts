import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocumentText } from '#server/modules/documents/index.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { decisionSetting, draftFor, issued, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
const drain = async () => {
  while (await t.app.jobs.runNext()) {}
};

describe('decision documents', () => {
  it('downloads a draft as an NĐ 30 DOCX with the attached list, and refuses a stranger', async () => {
    const { province, person, second, officer, stranger } = await decisionSetting(t);
    const draft = await draftFor(t, officer.headers, province.id, [person.id, second.id]);
    const reply = await sender(t)('GET', `/api/decisions/${draft.id}/document`, officer.headers);
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.headers['content-disposition']).toContain('quyet-dinh-du-thao.docx');
    const text = await readDocumentText(reply.rawPayload, 'x.docx');
    for (const expected of [
      'QUYẾT ĐỊNH',
      '/QĐ-UBND',
      'Về việc tặng Bằng khen',
      'QUYẾT ĐỊNH:',
      'Điều 1.',
      '02 cá nhân',
      'DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG',
      person.fullName,
      second.fullName,
      '3.510.000',
      'PHÓ CHỦ TỊCH',
    ])
      expect(text).toContain(expected);
    const refused = await sender(t)('GET', `/api/decisions/${draft.id}/document`, stranger.headers);
    expect(refused.statusCode).toBe(403);
  });

  it('prints certificates of an issued decision as one PDF with a page per recipient, through a job', async () => {
    const { province, person, second, officer, stranger } = await decisionSetting(t);
    const draft = await draftFor(t, officer.headers, province.id, [person.id, second.id]);
    const early = await expectNothingStored(t.handle, () =>
      sender(t)(
        'POST',
        `/api/decisions/${draft.id}/document-jobs`,
        { ...officer.headers, 'idempotency-key': randomUUID() },
        { kind: 'certificates' },
      ),
    );
    expect(early.statusCode).toBe(409);
    const outside = await expectNothingStored(t.handle, () =>
      sender(t)(
        'POST',
        `/api/decisions/${draft.id}/document-jobs`,
        { ...stranger.headers, 'idempotency-key': randomUUID() },
        { kind: 'pdf' },
      ),
    );
    expect(outside.statusCode).toBe(403);
    const decision = await issued(t, officer.headers, draft);
    const queued = await sender(t)(
      'POST',
      `/api/decisions/${decision.id}/document-jobs`,
      { ...officer.headers, 'idempotency-key': randomUUID() },
      { kind: 'certificates' },
    );
    expect(queued.statusCode, queued.body).toBe(201);
    expect(queued.json()).toMatchObject({ kind: 'decisions.document', status: 'queued' });
    await drain();
    const done = await sender(t)('GET', `/api/jobs/${queued.json().id}`, officer.headers);
    expect(done.json(), done.body).toMatchObject({ status: 'done', message: 'Đã tạo xong tệp.' });
    expect(done.json().fileName).toMatch(/^bang-giay-khen-\d+-QD-UBND\.pdf$/);
    const file = await sender(t)('GET', `/api/jobs/${queued.json().id}/file`, officer.headers);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = file.rawPayload.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(2);

    const pdf = await sender(t)(
      'POST',
      `/api/decisions/${decision.id}/document-jobs`,
      { ...officer.headers, 'idempotency-key': randomUUID() },
      { kind: 'pdf' },
    );
    await drain();
    const pdfDone = await sender(t)('GET', `/api/jobs/${pdf.json().id}`, officer.headers);
    expect(pdfDone.json()).toMatchObject({ status: 'done' });
    expect(pdfDone.json().fileName).toBe(`quyet-dinh-${decision.number.replace('/QĐ-', '-QD-')}.pdf`);
  }, 240_000);
});
