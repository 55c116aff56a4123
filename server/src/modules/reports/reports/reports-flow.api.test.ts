import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportCounts, reportSources, reports } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import {
  auditOf,
  buildReportingProvince,
  dayFromToday,
  provinceRequest,
  requester,
} from '../test-support.ts';

let t: TestApp;
let http: ReturnType<typeof requester>;
beforeAll(async () => {
  t = await getTestApp();
  http = requester(t);
});

/** A province request to its districts, and the first district's cascade to its commune. */
async function cascaded() {
  const p = await buildReportingProvince(t);
  const { request } = await provinceRequest(t, p);
  const districtReportId = (
    await http.get(`/api/report-requests/${request.id}`, p.districtOfficer.headers)
  ).json().myReportId as string;
  const child = await http.post('/api/report-requests', p.districtOfficer.headers, {
    unitId: p.districtA.id,
    parentRequestId: request.id,
    kind: 'general_yearly',
    title: 'Báo cáo năm 2024 của các xã',
    periodFrom: '2024-01-01',
    periodTo: '2024-12-31',
    dueOn: dayFromToday(20),
    targets: { mode: 'children' },
  });
  expect(child.statusCode).toBe(201);
  const communeReportId = child.json().myReportId
    ? null
    : ((await http.get(`/api/report-requests/${child.json().id}`, p.communeOfficer.headers)).json()
        .myReportId as string);
  return { ...p, request, districtReportId, child: child.json(), communeReportId: communeReportId as string };
}

describe('a report from the commune to the province', () => {
  it('is filled, refused when stale, approved by the head, submitted once, returned, resubmitted', async () => {
    const s = await cascaded();
    const url = `/api/reports/${s.communeReportId}`;
    const loaded = await http.get(url, s.communeOfficer.headers);
    expect(loaded.statusCode).toBe(200);
    expect(loaded.json()).toMatchObject({ status: 'draft', version: 1, actions: ['edit', 'consolidate'] });

    const content = {
      texts: { 'ket-qua': 'Xã đã ban hành kế hoạch.' },
      figures: { 'ke-hoach': 1, 'dien-hinh': 2 },
    };
    const saved = await http.put(url, s.communeOfficer.headers, { version: 1, ...content });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, figures: { 'ke-hoach': 1, 'dien-hinh': 2 } });
    expect(await auditOf(t, 'report.save', s.communeReportId)).toMatchObject([
      { actorId: s.communeOfficer.user.id, entityType: 'report', after: { status: 'draft' } },
    ]);
    const stale = await expectNothingStored(t.handle, () =>
      http.put(url, s.communeOfficer.headers, { version: 1, ...content, figures: { 'ke-hoach': 9 } }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      conflict: { version: 2, current: { version: 2 } },
    });
    const unknown = await expectNothingStored(t.handle, () =>
      http.put(url, s.communeOfficer.headers, { version: 2, texts: {}, figures: { 'khong-co': 1 } }),
    );
    expect(unknown.statusCode).toBe(400);
    const outsider = await expectNothingStored(t.handle, () =>
      http.put(url, s.districtBOfficer.headers, { version: 2, ...content }),
    );
    expect(outsider.statusCode).toBe(404);
    const upper = await expectNothingStored(t.handle, () =>
      http.put(url, s.districtOfficer.headers, { version: 2, ...content }),
    );
    expect(upper.statusCode).toBe(403);

    const early = await expectNothingStored(t.handle, () =>
      http.move(`${url}/submit`, s.communeOfficer.headers),
    );
    expect(early.statusCode).toBe(409);
    const notHead = await expectNothingStored(t.handle, () =>
      http.move(`${url}/approve`, s.communeOfficer.headers),
    );
    expect(notHead.statusCode).toBe(403);
    const approved = await http.move(`${url}/approve`, s.communeHead.headers);
    expect(approved.json()).toMatchObject({ status: 'approved' });
    expect(await auditOf(t, 'report.approve', s.communeReportId)).toMatchObject([
      { actorId: s.communeHead.user.id, before: { status: 'draft' }, after: { status: 'approved' } },
    ]);
    const submitted = await http.move(`${url}/submit`, s.communeOfficer.headers);
    expect(submitted.json()).toMatchObject({ status: 'submitted', bucket: 'on_time' });
    const twice = await expectNothingStored(t.handle, () =>
      http.move(`${url}/submit`, s.communeOfficer.headers),
    );
    expect(twice.statusCode).toBe(409);
    expect(await auditOf(t, 'report.submit', s.communeReportId)).toHaveLength(1);
    const afterSubmit = await expectNothingStored(t.handle, () =>
      http.put(url, s.communeOfficer.headers, { version: 4, ...content }),
    );
    expect(afterSubmit.statusCode).toBe(409);

    const selfReturn = await expectNothingStored(t.handle, () =>
      http.move(`${url}/return`, s.communeOfficer.headers, { reason: 'Tự trả' }),
    );
    expect(selfReturn.statusCode).toBe(403);
    const noReason = await expectNothingStored(t.handle, () =>
      http.move(`${url}/return`, s.districtOfficer.headers, { reason: '' }),
    );
    expect(noReason.statusCode).toBe(400);
    const returned = await http.move(`${url}/return`, s.districtOfficer.headers, {
      reason: 'Bổ sung số liệu điển hình',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: 'Bổ sung số liệu điển hình' });
    expect(await auditOf(t, 'report.return', s.communeReportId)).toMatchObject([
      {
        actorId: s.districtOfficer.user.id,
        reason: 'Bổ sung số liệu điển hình',
        after: { status: 'returned' },
      },
    ]);
    const fixed = await http.put(url, s.communeOfficer.headers, {
      version: returned.json().version,
      ...content,
      figures: { 'ke-hoach': 1, 'dien-hinh': 3 },
    });
    expect(fixed.json()).toMatchObject({ status: 'draft', returnReason: 'Bổ sung số liệu điển hình' });
    await http.move(`${url}/approve`, s.communeHead.headers);
    const resubmitted = await http.move(`${url}/submit`, s.communeOfficer.headers);
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', returnReason: null });
    const accepted = await http.move(`${url}/accept`, s.districtOfficer.headers);
    expect(accepted.json()).toMatchObject({ status: 'accepted', actions: [] });
    expect(await auditOf(t, 'report.accept', s.communeReportId)).toHaveLength(1);
  });

  it('rolls the commune up into the district, sends it to the province, and counts it there', async () => {
    const s = await cascaded();
    const communeUrl = `/api/reports/${s.communeReportId}`;
    const districtUrl = `/api/reports/${s.districtReportId}`;
    const nothingYet = await expectNothingStored(t.handle, () =>
      http.move(`${districtUrl}/consolidate`, s.districtOfficer.headers),
    );
    expect(nothingYet.statusCode).toBe(409);
    await http.put(communeUrl, s.communeOfficer.headers, {
      version: 1,
      texts: { 'ket-qua': 'Xã Bình Lư hoàn thành kế hoạch.', 'de-xuat': 'Tăng kinh phí.' },
      figures: { 'ke-hoach': 1, 'dien-hinh': 2.5 },
    });
    await http.move(`${communeUrl}/approve`, s.communeHead.headers);
    await http.move(`${communeUrl}/submit`, s.communeOfficer.headers);

    const stale = await expectNothingStored(t.handle, () =>
      http.post(`${districtUrl}/consolidate`, s.districtOfficer.headers, { version: 2 }),
    );
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', conflict: { current: { version: 1 } } });
    const consolidated = await http.move(`${districtUrl}/consolidate`, s.districtOfficer.headers);
    expect(consolidated.statusCode).toBe(200);
    expect(consolidated.json()).toMatchObject({
      figures: { 'ke-hoach': 1, 'dien-hinh': 2.5 },
      sourceCount: 1,
    });
    expect(consolidated.json().texts['ket-qua']).toContain(
      'Ủy ban nhân dân xã Bình Lư:\nXã Bình Lư hoàn thành',
    );
    expect(await auditOf(t, 'report.consolidate', s.districtReportId)).toMatchObject([
      { actorId: s.districtOfficer.user.id, after: { sources: [s.communeReportId] } },
    ]);
    const sources = await http.get(`${districtUrl}/sources`, s.provinceOfficer.headers);
    expect(sources.json().items).toMatchObject([
      { reportId: s.communeReportId, unit: { id: s.commune.id }, figures: { 'dien-hinh': 2.5 } },
    ]);
    expect(
      await t.handle.db.select().from(reportSources).where(eq(reportSources.reportId, s.districtReportId)),
    ).toHaveLength(1);

    await http.move(`${districtUrl}/approve`, s.districtHead.headers);
    await http.move(`${districtUrl}/submit`, s.districtOfficer.headers);
    const dashboard = await http.get(`/api/report-requests/${s.request.id}`, s.provinceOfficer.headers);
    expect(dashboard.json().counts).toEqual({
      total: 3,
      submitted: 1,
      onTime: 1,
      late: 0,
      notSubmitted: 2,
      missing: 0,
    });
    const counted = await t.handle.db
      .select()
      .from(reportCounts)
      .where(eq(reportCounts.requestId, s.request.id));
    expect(Object.fromEntries(counted.map((row) => [row.bucket, row.n]))).toEqual({ pending: 2, on_time: 1 });
    const pending = await http.get(
      `/api/report-requests/${s.request.id}/reports?bucket=pending&limit=1`,
      s.provinceOfficer.headers,
    );
    expect(pending.json()).toMatchObject({ total: { value: 2, exact: true }, items: [{ status: 'draft' }] });
    const next = await http.get(
      `/api/report-requests/${s.request.id}/reports?bucket=pending&limit=1&after=${pending.json().next}`,
      s.provinceOfficer.headers,
    );
    expect(next.json().items[0].unit.id).not.toBe(pending.json().items[0].unit.id);
    const xlsx = await http.get(
      `/api/report-requests/${s.request.id}/export.xlsx`,
      s.provinceOfficer.headers,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const docx = await http.get(`${districtUrl}/document?format=docx`, s.provinceOfficer.headers);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const hidden = await http.get(`/api/report-requests/${s.child.id}`, s.districtBOfficer.headers);
    expect(hidden.statusCode).toBe(404);
  });

  it('counts a report sent after the deadline as late, and one never sent as missing', async () => {
    const p = await buildReportingProvince(t);
    const { request } = await provinceRequest(t, p, -2);
    const report = (await http.get(`/api/report-requests/${request.id}`, p.districtOfficer.headers)).json();
    await http.move(`/api/reports/${report.myReportId}/approve`, p.districtHead.headers);
    const late = await http.move(`/api/reports/${report.myReportId}/submit`, p.districtOfficer.headers);
    expect(late.json()).toMatchObject({ bucket: 'late' });
    const [row] = await t.handle.db.select().from(reports).where(eq(reports.id, report.myReportId));
    expect(row?.firstSubmittedOn).toBe(dayFromToday(0));
    const counts = (await http.get(`/api/report-requests/${request.id}`, p.provinceOfficer.headers)).json()
      .counts;
    expect(counts).toEqual({ total: 3, submitted: 1, onTime: 0, late: 1, notSubmitted: 2, missing: 2 });
    const missing = await http.get(
      `/api/report-requests/${request.id}/reports?bucket=missing`,
      p.provinceOfficer.headers,
    );
    expect(missing.json().items).toHaveLength(2);
  });
});
