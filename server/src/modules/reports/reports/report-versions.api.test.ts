import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FILES_MAX } from '#contracts/reports.ts';
import { reportFiles, reports } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildReportingProvince, multipart, provinceRequest, requester } from '../test-support.ts';

let t: TestApp;
let http: ReturnType<typeof requester>;
beforeAll(async () => {
  t = await getTestApp();
  http = requester(t);
});

/** The first district's report of a province request, saved once by its officer (version 2). */
async function savedReport() {
  const p = await buildReportingProvince(t);
  const { request } = await provinceRequest(t, p);
  const id = (await http.get(`/api/report-requests/${request.id}`, p.districtOfficer.headers)).json()
    .myReportId as string;
  const url = `/api/reports/${id}`;
  const saved = await http.put(url, p.districtOfficer.headers, {
    version: 1,
    texts: { 'ket-qua': 'Nội dung cán bộ vừa nhập.' },
    figures: { 'ke-hoach': 4 },
  });
  expect(saved.json()).toMatchObject({ version: 2 });
  return { ...p, id, url };
}

const upload = (url: string, headers: Record<string, string>, file: ReturnType<typeof multipart>) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': file.contentType },
    payload: file.payload,
  });

describe('a report changed after the page loaded it', () => {
  it('refuses a stale approval, return or import (409 with the current report) and stores nothing', async () => {
    const s = await savedReport();
    const stored = async () => (await t.handle.db.select().from(reports).where(eq(reports.id, s.id)))[0];
    for (const [path, client, body] of [
      ['approve', s.districtHead, { version: 1 }],
      ['approve', s.districtHead, {}],
    ] as const) {
      const refused = await expectNothingStored(t.handle, () =>
        http.post(`${s.url}/${path}`, client.headers, body),
      );
      expect(refused.statusCode, `${path} ${refused.body}`).toBe('version' in body ? 409 : 400);
      if ('version' in body)
        expect(refused.json()).toMatchObject({
          code: 'VERSION_CONFLICT',
          conflict: { current: { version: 2 } },
        });
    }
    expect(await auditOf(t, 'report.approve', s.id)).toEqual([]);

    const bao = multipart('bao-cao.txt', 'I. KẾT QUẢ TRIỂN KHAI\n1. Nội dung cũ của tệp.');
    const staleImport = await expectNothingStored(t.handle, () =>
      upload(`${s.url}/import?version=1`, s.districtOfficer.headers, bao),
    );
    expect(staleImport.statusCode, staleImport.body).toBe(409);
    expect(await stored()).toMatchObject({ version: 2, texts: { 'ket-qua': 'Nội dung cán bộ vừa nhập.' } });
    expect(await auditOf(t, 'report.import', s.id)).toEqual([]);

    const approved = await http.post(`${s.url}/approve`, s.districtHead.headers, { version: 2 });
    expect(approved.json()).toMatchObject({ status: 'approved', version: 3 });
    const submitted = await http.post(`${s.url}/submit`, s.districtOfficer.headers, { version: 3 });
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 4 });
    const staleReturn = await expectNothingStored(t.handle, () =>
      http.post(`${s.url}/return`, s.provinceOfficer.headers, { reason: 'Bổ sung', version: 3 }),
    );
    expect(staleReturn.statusCode).toBe(409);
    expect(await stored()).toMatchObject({ status: 'submitted', version: 4 });
  });

  it('attaches a file once for a repeated Idempotency-Key, and refuses a stale attachment', async () => {
    const s = await savedReport();
    const proof = multipart('minh-chung.pdf', '%PDF-1.4 minh chứng');
    const headers = { ...s.districtOfficer.headers, 'idempotency-key': `attach-${s.id}` };
    const first = await upload(`${s.url}/files?version=2`, headers, proof);
    expect(first.statusCode, first.body).toBe(200);
    const again = await upload(`${s.url}/files?version=2`, headers, proof);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().files).toEqual(first.json().files);
    expect(await t.handle.db.select().from(reportFiles).where(eq(reportFiles.reportId, s.id))).toHaveLength(
      1,
    );
    expect(await auditOf(t, 'report.attach', s.id)).toHaveLength(1);

    const stale = await expectNothingStored(t.handle, () =>
      upload(`${s.url}/files?version=2`, s.districtOfficer.headers, proof),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', conflict: { current: { version: 3 } } });

    // A report keeps at most REPORT_FILES_MAX files: its page lists them all.
    const [held] = await t.handle.db.select().from(reportFiles).where(eq(reportFiles.reportId, s.id));
    await t.handle.db.insert(reportFiles).values(
      Array.from({ length: REPORT_FILES_MAX - 1 }, (_, index) => ({
        reportId: s.id,
        fileId: held?.fileId as string,
        fileName: `tep-${index}.pdf`,
      })),
    );
    const full = await expectNothingStored(t.handle, () =>
      upload(`${s.url}/files?version=3`, s.districtOfficer.headers, proof),
    );
    expect(full.statusCode).toBe(409);
    expect(full.json().message).toContain(`${REPORT_FILES_MAX} tệp`);
  });
});
