import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { blocMembers, blocs, councilMembers, jobs, reports } from '#server/platform/db/schema.ts';
import { buildCouncil, buildPerson, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildReportingProvince, multipart, provinceRequest, requester } from '../test-support.ts';

let t: TestApp;
let http: ReturnType<typeof requester>;
beforeAll(async () => {
  t = await getTestApp();
  http = requester(t);
});

/** A province's 2024 request; district A's report with a file; a council member supervising a 2024 bloc holding district A. */
async function scene() {
  const p = await buildReportingProvince(t);
  const { request } = await provinceRequest(t, p, 10);
  const reportOf = async (unitId: string) =>
    (await t.handle.db.select().from(reports).where(eq(reports.requestId, request.id))).find(
      (row) => row.unitId === unitId,
    )?.id as string;
  const reportA = await reportOf(p.districtA.id);
  const reportB = await reportOf(p.districtB.id);
  const proof = multipart('biên-bản-kiểm-tra.pdf', '%PDF-1.4 minh chứng');
  const attached = await t.app.inject({
    method: 'POST',
    url: `/api/reports/${reportA}/files?version=1`,
    headers: { ...p.districtOfficer.headers, 'content-type': proof.contentType },
    payload: proof.payload,
  });
  expect(attached.statusCode, attached.body).toBe(200);
  const fileId = attached.json().files[0].id as string;

  const db = t.handle.db;
  const elsewhere = await buildUnit(db, { name: 'Sở Nội vụ tỉnh khác', kind: 'department' });
  const council = await buildCouncil(db, { unitId: p.province.id });
  const member = async (withBloc: boolean) => {
    const client = await signInAs(t, 'council_member', elsewhere.id);
    const person = await buildPerson(db, { unitId: elsewhere.id, userId: client.user.id });
    const [seat] = await db
      .insert(councilMembers)
      .values({ councilId: council.id, personId: person.id, role: 'member', termFrom: '2021-01-01' })
      .returning();
    if (withBloc) {
      const [bloc] = await db
        .insert(blocs)
        .values({ councilId: council.id, year: 2024, name: 'Khối huyện', supervisorMemberId: seat?.id })
        .returning();
      await db
        .insert(blocMembers)
        .values({ blocId: bloc?.id as string, unitId: p.districtA.id, position: 1 });
    }
    return client;
  };
  return {
    ...p,
    request,
    reportA,
    reportB,
    fileId,
    supervisor: await member(true),
    seated: await member(false),
  };
}

describe('report access', () => {
  it('lets the supervisor of a bloc read its units’ reports, and nothing more', async () => {
    const s = await scene();
    const read = await http.get(`/api/reports/${s.reportA}`, s.supervisor.headers);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ unit: { id: s.districtA.id }, actions: [] });
    const file = await http.get(`/api/reports/${s.reportA}/files/${s.fileId}`, s.supervisor.headers);
    expect(file.statusCode).toBe(200);

    const other = await http.get(`/api/reports/${s.reportB}`, s.supervisor.headers);
    expect(other.statusCode).toBe(404);
    const notSupervising = await http.get(`/api/reports/${s.reportA}`, s.seated.headers);
    expect(notSupervising.statusCode).toBe(404);

    const version = read.json().version;
    for (const [url, body] of [
      [`/api/reports/${s.reportA}`, { version, texts: { 'ket-qua': 'Sửa' }, figures: {} }],
      [`/api/reports/${s.reportA}/submit`, { version }],
      [`/api/reports/${s.reportA}/accept`, { version }],
    ] as const) {
      const refused = await expectNothingStored(t.handle, () =>
        url.endsWith(s.reportA)
          ? http.put(url, s.supervisor.headers, body)
          : http.post(url, s.supervisor.headers, body),
      );
      expect(refused.statusCode, url).toBe(403);
    }
    const [row] = await t.handle.db.select().from(reports).where(eq(reports.id, s.reportA));
    expect(row).toMatchObject({ status: 'draft', version });
    expect(await auditOf(t, 'report.save', s.reportA)).toHaveLength(1); // the attachment only
  });

  it('serves an attached file to those who read the report and refuses others', async () => {
    const s = await scene();
    const url = `/api/reports/${s.reportA}/files/${s.fileId}`;
    for (const client of [s.districtOfficer, s.provinceOfficer]) {
      const file = await http.get(url, client.headers);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent('biên-bản-kiểm-tra.pdf')}`,
      );
      expect(file.rawPayload.toString()).toBe('%PDF-1.4 minh chứng');
    }
    const stranger = await http.get(url, s.districtBOfficer.headers);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().message).toBeTruthy();
    const wrongReport = await http.get(
      `/api/reports/${s.reportB}/files/${s.fileId}`,
      s.provinceOfficer.headers,
    );
    expect(wrongReport.statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(401);
  });

  it('makes the PDF in a job for a reader, and queues nothing for others', async () => {
    const s = await scene();
    const refused = await expectNothingStored(t.handle, () =>
      http.post(`/api/reports/${s.reportA}/pdf-jobs`, s.districtBOfficer.headers, {}),
    );
    expect(refused.statusCode).toBe(404);
    const created = await http.post(`/api/reports/${s.reportA}/pdf-jobs`, s.provinceOfficer.headers, {});
    expect(created.statusCode, created.body).toBe(201);
    const job = created.json();
    expect(job).toMatchObject({ kind: 'reports.document_pdf', status: 'queued' });
    const [row] = await t.handle.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(row).toMatchObject({ createdBy: s.provinceOfficer.user.id, payload: { reportId: s.reportA } });
    while (await t.app.jobs.runNext()) {}
    const done = await http.get(`/api/jobs/${job.id}`, s.provinceOfficer.headers);
    expect(done.json()).toMatchObject({ status: 'done', message: 'Đã chuyển xong sang PDF.' });
    expect(done.json().fileName).toMatch(/^bao-cao-.*\.pdf$/);
    const file = await http.get(`/api/jobs/${job.id}/file`, s.provinceOfficer.headers);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);
});
