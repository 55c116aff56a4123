import { eq } from 'drizzle-orm';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { jobs, reportRequests } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { mayResendRequest } from '../reports.policy.ts';
import type { Caller } from '../reports.repo.ts';
import { enqueueSendJob } from './request-send.ts';
import { getRequestFor } from './requests.service.ts';

/**
 * Queues the sending job of a request again after it failed (the requesting unit's officer only).
 * The request row is locked, so a double click queues one job: the second finds the new job queued
 * and changes nothing. The job adds only the reports still missing. Nothing to send again → 409.
 */
export async function resendRequest(db: Database, caller: Caller, id: string) {
  const { row } = await getRequestFor(db, caller, id);
  if (!mayResendRequest(caller.principal, row.request))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ thi đua của đơn vị gửi yêu cầu mới gửi lại được.');
  await db.transaction(async (tx) => {
    const [request] = await tx.select().from(reportRequests).where(eq(reportRequests.id, id)).for('update');
    const [job] = request?.sendJobId
      ? await tx.select().from(jobs).where(eq(jobs.id, request.sendJobId))
      : [];
    if (!request || !job || job.status === 'done')
      throw new AppError('CONFLICT', 'Yêu cầu đã được gửi tới tất cả các đơn vị, không cần gửi lại.');
    // Queued or running: a click before this one has already sent it again.
    if (job.status !== 'failed') return;
    const queued = await enqueueSendJob(tx, request.id, caller.actor);
    await tx.update(reportRequests).set({ sendJobId: queued.id }).where(eq(reportRequests.id, request.id));
    await recordAudit(tx, caller.actor, {
      action: 'report_request.resend',
      entityType: 'report_request',
      entityId: request.id,
      before: { sendJobId: job.id, message: job.message },
      after: { sendJobId: queued.id },
    });
  });
}
