import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobs, reportRequests } from '#server/platform/db/schema.ts';
import { claimNextJob, failJob } from '#server/platform/jobs/job-queue.ts';
import { signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import {
  auditOf,
  buildReportingProvince,
  drainJobs,
  reportsOf as reportsOfRequest,
  requester,
  wideRequestSetting,
} from '../test-support.ts';
import { sendBatch, sendSettings, storedTargets } from './request-send.ts';

let t: TestApp;
let http: ReturnType<typeof requester>;
beforeAll(async () => {
  t = await getTestApp();
  http = requester(t);
});
const defaults = { ...sendSettings };
afterEach(() => Object.assign(sendSettings, defaults));

const reportsOf = (requestId: string) => reportsOfRequest(t, requestId);
const sendJobsOf = (requestId: string) =>
  t.handle.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, 'reports.send_request'), sql`${jobs.payload}->>'requestId' = ${requestId}`));
const drain = () => drainJobs(t);

/**
 * A province's request to its three districts and its commune, sent by a job that created two of
 * the four reports and then failed for good.
 */
async function failedRequest() {
  const { p, body } = await wideRequestSetting(t);
  sendSettings.inlineLimit = 1;
  const created = await http.post('/api/report-requests', p.provinceOfficer.headers, body);
  expect(created.statusCode, created.body).toBe(201);
  const request = created.json();
  const job = await claimNextJob(t.handle.db, 'worker-a', ['reports.send_request']);
  if (!job || job.id !== request.sending.jobId) throw new Error('the send job was not claimed');
  const [row] = await t.handle.db.select().from(reportRequests).where(eq(reportRequests.id, request.id));
  const where = row && (await storedTargets(t.handle.db, row));
  if (!row || !where) throw new Error('request not stored');
  expect((await sendBatch(t.handle.db, row, where, null, 2)).seen).toBe(2);
  await failJob(t.handle.db, job, 'worker-a', 'Mất kết nối tới cơ sở dữ liệu.', true);
  // The officer of a unit that has its report: they see the request, it is not theirs.
  const [asked] = await reportsOf(request.id);
  const askedOfficer = await signInAs(t, 'tdkt_officer', asked?.unitId);
  return { p, request, failedJobId: job.id, askedOfficer };
}

describe('POST /api/report-requests/:id/resend', () => {
  it('queues the failed sending job once for a double click, and the job adds only the missing reports', async () => {
    const { p, request, failedJobId, askedOfficer } = await failedRequest();
    const shown = await http.get(`/api/report-requests/${request.id}`, p.provinceOfficer.headers);
    expect(shown.json()).toMatchObject({
      counts: { total: 2 },
      sending: { jobId: failedJobId, status: 'failed', message: 'Mất kết nối tới cơ sở dữ liệu.' },
      actions: ['resend'],
    });
    // Asked units see the error but cannot send the province's request again.
    const asked = await http.get(`/api/report-requests/${request.id}`, askedOfficer.headers);
    expect(asked.json()).toMatchObject({ sending: { status: 'failed' }, actions: [] });

    const url = `/api/report-requests/${request.id}/resend`;
    const [first, second] = await Promise.all([
      http.post(url, p.provinceOfficer.headers),
      http.post(url, p.provinceOfficer.headers),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode, second.body).toBe(200);
    const jobsNow = await sendJobsOf(request.id);
    expect(jobsNow).toHaveLength(2);
    const queued = jobsNow.find((job) => job.id !== failedJobId);
    expect(queued).toMatchObject({ status: 'queued', createdBy: p.provinceOfficer.user.id });
    for (const answer of [first, second])
      expect(answer.json()).toMatchObject({
        sending: { jobId: queued?.id, status: 'queued' },
        actions: [],
      });
    const [stored] = await t.handle.db.select().from(reportRequests).where(eq(reportRequests.id, request.id));
    expect(stored?.sendJobId).toBe(queued?.id);
    expect(await auditOf(t, 'report_request.resend', request.id)).toMatchObject([
      {
        actorId: p.provinceOfficer.user.id,
        entityType: 'report_request',
        before: { sendJobId: failedJobId, message: 'Mất kết nối tới cơ sở dữ liệu.' },
        after: { sendJobId: queued?.id },
      },
    ]);

    await drain();
    const rows = await reportsOf(request.id);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((row) => row.unitId)).size).toBe(4);
    const done = await http.get(`/api/report-requests/${request.id}`, p.provinceOfficer.headers);
    expect(done.json()).toMatchObject({ sending: null, actions: [], counts: { total: 4 } });
    expect(await auditOf(t, 'report_request.send', request.id)).toMatchObject([
      { actorId: p.provinceOfficer.user.id, after: { reportCount: 4 } },
    ]);
  });

  it('refuses anyone but the requesting unit’s officer, and a request with nothing to send again', async () => {
    const { p, request, askedOfficer } = await failedRequest();
    const url = `/api/report-requests/${request.id}/resend`;
    const councilMember = await signInAs(t, 'council_member', p.province.id);
    for (const client of [askedOfficer, councilMember]) {
      const refused = await expectNothingStored(t.handle, () => http.post(url, client.headers));
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toBeTruthy();
    }
    const stranger = await signInAs(t, 'tdkt_officer', (await buildReportingProvince(t)).province.id);
    const hidden = await expectNothingStored(t.handle, () => http.post(url, stranger.headers));
    expect(hidden.statusCode).toBe(404);
    expect(await sendJobsOf(request.id)).toHaveLength(1);
    expect(await auditOf(t, 'report_request.resend', request.id)).toHaveLength(0);

    // Sent again and finished: nothing is left to send.
    expect((await http.post(url, p.provinceOfficer.headers)).statusCode).toBe(200);
    await drain();
    const finished = await expectNothingStored(t.handle, () => http.post(url, p.provinceOfficer.headers));
    expect(finished.statusCode).toBe(409);
    expect(finished.json().message).toBe('Yêu cầu đã được gửi tới tất cả các đơn vị, không cần gửi lại.');
    expect(await sendJobsOf(request.id)).toHaveLength(2);
    expect(await auditOf(t, 'report_request.resend', request.id)).toHaveLength(1);
  });
});
