import { and, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Uuid } from '#contracts/common.ts';
import { type ActorContext, recordAudit } from '#server/platform/audit/audit.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { auditEvents, reportCounts, type reportRequests } from '#server/platform/db/schema.ts';
import { enqueueJob } from '#server/platform/jobs/job-queue.ts';
import { JobFailure, type JobKind } from '#server/platform/jobs/job-registry.ts';
import { findRequest, findUnit } from '../reports.repo.ts';

/**
 * A request to more units than `inlineLimit` creates its reports in a job, `batchSize` units per
 * statement; smaller ones at once. Mutable so tests can send small requests through the job.
 */
export const sendSettings = { inlineLimit: 2000, batchSize: 5000 };

/** The units a request asks: its direct subordinates, or every unit of the chosen kinds below it, that exist on `validOn`. */
export function targetsWhere(
  unit: { id: string; path: string },
  targets: { mode: string; kinds?: string[] | undefined },
  validOn: string,
): SQL {
  const who =
    targets.mode === 'children'
      ? sql`u.parent_id = ${unit.id} and u.kind <> 'division'`
      : sql`u.path like ${`${unit.path}%`} and u.id <> ${unit.id} and u.kind in (${sql.join(
          (targets.kinds ?? []).map((kind: string) => sql`${kind}`),
          sql`, `,
        )})`;
  return sql`${who} and (u.valid_to is null or u.valid_to >= ${validOn})`;
}

/** How many units a request would ask. */
export async function countTargets(executor: Executor, where: SQL): Promise<number> {
  const result = await executor.execute(sql`select count(*)::int as n from units u where ${where}`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}

/**
 * Creates the reports of the next `limit` units after `after` (by id); a unit that already has its
 * report is skipped, so a batch run twice (a job taken again after a restart) adds nothing twice.
 * Returns the last unit id of the batch (null when none is left) and the rows it went over.
 */
export async function sendBatch(
  executor: Executor,
  request: { id: string; dueOn: string },
  where: SQL,
  after: string | null,
  limit: number,
): Promise<{ last: string | null; seen: number }> {
  const result = await executor.execute(sql`
    with batch as (
      select u.id from units u
      where ${where} ${after ? sql`and u.id > ${after}::uuid` : sql``}
      order by u.id limit ${limit}),
    added as (
      insert into reports (request_id, unit_id, due_on)
      select ${request.id}, id, ${request.dueOn} from batch
      on conflict (request_id, unit_id) do nothing
      returning 1)
    select (select id::text from batch order by id desc limit 1) as last,
      (select count(*)::int from batch) as seen, (select count(*)::int from added) as added`);
  const row = (result as unknown as { rows: { last: string | null; seen: number }[] }).rows[0];
  return { last: row?.last ?? null, seen: Number(row?.seen ?? 0) };
}

/** The units a stored request asks, as when it was made (its due day, or the day it was made if sooner). */
export async function storedTargets(executor: Executor, request: typeof reportRequests.$inferSelect) {
  const unit = await findUnit(executor, request.unitId);
  if (!unit) return null;
  const madeOn = new Date(request.createdAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  const [validOn] = [request.dueOn, madeOn].sort() as [string];
  return targetsWhere(unit, request.targets, validOn);
}

const count = (n: number) => n.toLocaleString('vi-VN');

const SendPayload = z.object({
  requestId: Uuid,
  actor: z.object({ userId: Uuid.nullable(), username: z.string().nullable() }),
});

/**
 * Sends a large request: creates its reports in batches with progress ("Đang gửi yêu cầu tới
 * 12.345/100.095 đơn vị"), then records `report_request.send` with the number of reports. Taken
 * again after a restart, it goes over the units from the start and adds only the missing reports.
 */
export const sendRequestJob: JobKind<z.infer<typeof SendPayload>> = {
  kind: 'reports.send_request',
  payload: SendPayload,
  maxAttempts: 5,
  async run({ db, payload, progress }) {
    const found = await findRequest(db, payload.requestId);
    if (!found) throw new JobFailure('Yêu cầu báo cáo không còn tồn tại.');
    const { request } = found;
    const where = await storedTargets(db, request);
    if (!where) throw new JobFailure('Đơn vị yêu cầu báo cáo không còn tồn tại.');
    const total = request.targetCount ?? (await countTargets(db, where));
    let done = 0;
    let after: string | null = null;
    await progress(0, `Đang gửi yêu cầu tới 0/${count(total)} đơn vị`);
    for (;;) {
      const batch = await sendBatch(db, request, where, after, sendSettings.batchSize);
      if (!batch.last) break;
      after = batch.last;
      done += batch.seen;
      await progress(
        total ? (99 * Math.min(done, total)) / total : 99,
        `Đang gửi yêu cầu tới ${count(Math.min(done, total))}/${count(total)} đơn vị`,
      );
    }
    const reportCount = await db.transaction(async (tx) => {
      const counted = await tx
        .select({ n: sql<number>`coalesce(sum(${reportCounts.n}), 0)::int` })
        .from(reportCounts)
        .where(eq(reportCounts.requestId, request.id));
      const n = Number(counted[0]?.n ?? 0);
      // A job that died after recording the send (before it was marked done) records it once.
      const [recorded] = await tx
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'report_request.send'), eq(auditEvents.entityId, request.id)))
        .limit(1);
      if (recorded) return n;
      const actor: ActorContext = { ...payload.actor, requestId: null, ip: null };
      await recordAudit(tx, actor, {
        action: 'report_request.send',
        entityType: 'report_request',
        entityId: request.id,
        after: { reportCount: n },
      });
      return n;
    });
    return {
      result: { requestId: request.id, reportCount },
      message: `Đã gửi yêu cầu tới ${count(reportCount)} đơn vị.`,
    };
  },
};

/** Queues `reports.send_request` for a request, in the caller's transaction, recording who asked. */
export const enqueueSendJob = (
  executor: Executor,
  requestId: string,
  actor: Pick<ActorContext, 'userId' | 'username'>,
) =>
  enqueueJob(executor, {
    kind: sendRequestJob.kind,
    payload: { requestId, actor: { userId: actor.userId, username: actor.username } },
    createdBy: actor.userId,
    maxAttempts: sendRequestJob.maxAttempts,
  });
