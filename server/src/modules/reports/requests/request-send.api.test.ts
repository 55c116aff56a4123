import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobs, reportRequests } from '#server/platform/db/schema.ts';
import type { FileStore } from '#server/platform/files/file-store.ts';
import { claimNextJob } from '#server/platform/jobs/job-queue.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import {
  auditOf,
  drainJobs,
  reportsOf as reportsOfRequest,
  requester,
  wideRequestSetting,
} from '../test-support.ts';
import { sendBatch, sendRequestJob, sendSettings, storedTargets } from './request-send.ts';

let t: TestApp;
let http: ReturnType<typeof requester>;
beforeAll(async () => {
  t = await getTestApp();
  http = requester(t);
});
const defaults = { ...sendSettings };
afterEach(() => Object.assign(sendSettings, defaults));

const setting = () => wideRequestSetting(t);
const reportsOf = (requestId: string) => reportsOfRequest(t, requestId);
const jobOf = async (id: string) => (await t.handle.db.select().from(jobs).where(eq(jobs.id, id)))[0];
const drain = () => drainJobs(t);

describe('a large report request is sent by a job', () => {
  it('answers at once, shows the progress, then creates one report per unit and records the send', async () => {
    const { p, body } = await setting();
    sendSettings.inlineLimit = 3;
    sendSettings.batchSize = 2;
    const created = await http.post('/api/report-requests', p.provinceOfficer.headers, body);
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json();
    expect(request).toMatchObject({
      targetCount: 4,
      counts: { total: 0 },
      sending: { status: 'queued', progress: 0, message: 'Đang chờ gửi yêu cầu…' },
    });
    expect(await reportsOf(request.id)).toHaveLength(0);
    const [stored] = await t.handle.db.select().from(reportRequests).where(eq(reportRequests.id, request.id));
    expect(stored).toMatchObject({ targetCount: 4, sendJobId: request.sending.jobId });
    expect(await jobOf(request.sending.jobId)).toMatchObject({
      kind: 'reports.send_request',
      status: 'queued',
      createdBy: p.provinceOfficer.user.id,
    });
    expect(await auditOf(t, 'report_request.create', request.id)).toMatchObject([
      { actorId: p.provinceOfficer.user.id, after: { reportCount: null, targetCount: 4 } },
    ]);

    await drain();
    expect(await jobOf(request.sending.jobId)).toMatchObject({
      status: 'done',
      progress: 100,
      message: 'Đã gửi yêu cầu tới 4 đơn vị.',
      result: { requestId: request.id, reportCount: 4 },
    });
    const units = (await reportsOf(request.id)).map((row) => row.unitId).sort();
    expect(units).toEqual([p.districtA.id, p.districtB.id, p.districtC.id, p.commune.id].sort());
    const read = await http.get(`/api/report-requests/${request.id}`, p.provinceOfficer.headers);
    expect(read.json()).toMatchObject({ sending: null, counts: { total: 4, notSubmitted: 4 } });
    expect(await auditOf(t, 'report_request.send', request.id)).toMatchObject([
      { actorId: p.provinceOfficer.user.id, entityType: 'report_request', after: { reportCount: 4 } },
    ]);
  });

  it('finishes without a duplicate when taken again after a restart mid-way', async () => {
    const { p, body } = await setting();
    sendSettings.inlineLimit = 1;
    sendSettings.batchSize = 1;
    const created = await http.post('/api/report-requests', p.provinceOfficer.headers, body);
    expect(created.statusCode, created.body).toBe(201);
    const { id, sending } = created.json();
    // A process takes the job, creates two of the reports and dies (its lease runs out).
    const claimed = await claimNextJob(t.handle.db, 'dead-worker', ['reports.send_request']);
    expect(claimed?.id).toBe(sending.jobId);
    const [row] = await t.handle.db.select().from(reportRequests).where(eq(reportRequests.id, id));
    if (!row) throw new Error('request not stored');
    const where = await storedTargets(t.handle.db, row);
    if (!where) throw new Error('no targets');
    const first = await sendBatch(t.handle.db, row, where, null, 2);
    expect(first.seen).toBe(2);
    await t.handle.db
      .update(jobs)
      .set({ message: 'Đang gửi yêu cầu tới 2/4 đơn vị', progress: 49 })
      .where(eq(jobs.id, sending.jobId));
    const midway = await http.get(`/api/report-requests/${id}`, p.provinceOfficer.headers);
    expect(midway.json()).toMatchObject({
      counts: { total: 2 },
      sending: { status: 'running', progress: 49, message: 'Đang gửi yêu cầu tới 2/4 đơn vị' },
    });
    await t.handle.db
      .update(jobs)
      .set({ leaseUntil: sql`now() - interval '1 second'` })
      .where(eq(jobs.id, sending.jobId));

    await drain();
    expect(await jobOf(sending.jobId)).toMatchObject({ status: 'done', attempts: 2 });
    const rows = await reportsOf(id);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((report) => report.unitId)).size).toBe(4);
    const read = await http.get(`/api/report-requests/${id}`, p.provinceOfficer.headers);
    expect(read.json()).toMatchObject({ sending: null, counts: { total: 4 } });
    expect(await auditOf(t, 'report_request.send', id)).toMatchObject([{ after: { reportCount: 4 } }]);
    // The job run once more (taken again after dying before it was marked done) adds nothing.
    const again = await sendRequestJob.run({
      db: t.handle.db,
      files: undefined as unknown as FileStore, // the job stores no file
      payload: { requestId: id, actor: { userId: null, username: null } },
      job: { id: sending.jobId, createdBy: null, attempt: 3 },
      progress: async () => undefined,
    });
    expect(again.result).toEqual({ requestId: id, reportCount: 4 });
    expect(await reportsOf(id)).toHaveLength(4);
    expect(await auditOf(t, 'report_request.send', id)).toHaveLength(1);
  });

  it('refuses a request no unit answers and queues nothing', async () => {
    const { p, body } = await setting();
    sendSettings.inlineLimit = 0;
    const refused = await expectNothingStored(t.handle, () =>
      http.post('/api/report-requests', p.provinceOfficer.headers, {
        ...body,
        targets: { mode: 'kinds', kinds: ['central'] },
      }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe('Không có đơn vị nào thuộc diện được yêu cầu báo cáo.');
  });
});
