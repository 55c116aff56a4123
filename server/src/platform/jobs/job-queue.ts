import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.ts';
import { jobs } from './jobs.schema.ts';

export type JobRow = typeof jobs.$inferSelect;

/** How long a running job's lease lasts; the worker renews it while the job runs. */
export const LEASE_SECONDS = 60;

/** Queues a job (in the caller's transaction, so it exists only if the request's writes commit). */
export async function enqueueJob(
  db: Executor,
  job: { kind: string; payload: unknown; createdBy: string | null; maxAttempts?: number },
): Promise<JobRow> {
  const [row] = await db
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload,
      createdBy: job.createdBy,
      maxAttempts: job.maxAttempts ?? 3,
    })
    .returning();
  if (!row) throw new Error('job not queued');
  return row;
}

/**
 * Takes the oldest job that is waiting, or whose lease ran out (its process died or restarted), for
 * `workerId`; `SKIP LOCKED` lets many processes take jobs at once without taking the same one.
 */
export async function claimNextJob(db: Database, workerId: string, kinds: string[]): Promise<JobRow | null> {
  if (!kinds.length) return null;
  const result = await db.execute(sql`
    update jobs set status = 'running', worker_id = ${workerId}, attempts = attempts + 1,
      lease_until = now() + make_interval(secs => ${LEASE_SECONDS}), started_at = coalesce(started_at, now())
    where id = (
      select id from jobs
      where (status = 'queued' or (status = 'running' and lease_until < now()))
        and kind = any(string_to_array(${kinds.join(',')}, ','))
      order by created_at, id
      for update skip locked
      limit 1)
    returning id`);
  const id = (result as unknown as { rows: { id: string }[] }).rows[0]?.id;
  if (!id) return null;
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}

/** Keeps the lease and records progress; false when the job is no longer this worker's. */
export async function reportProgress(
  db: Database,
  id: string,
  workerId: string,
  progress: { percent?: number; message?: string },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      leaseUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
      ...(progress.percent !== undefined
        ? { progress: Math.max(0, Math.min(100, Math.round(progress.percent))) }
        : {}),
      ...(progress.message !== undefined ? { message: progress.message } : {}),
    })
    .where(and(eq(jobs.id, id), eq(jobs.workerId, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Marks the job done with its result file and result. */
export async function finishJob(
  db: Executor,
  id: string,
  workerId: string,
  outcome: { resultFileId: string | null; result: Record<string, unknown> | null; message: string },
): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: 'done',
      progress: 100,
      message: outcome.message,
      resultFileId: outcome.resultFileId,
      result: outcome.result,
      leaseUntil: null,
      finishedAt: sql`now()`,
    })
    .where(and(eq(jobs.id, id), eq(jobs.workerId, workerId)));
}

/** A failed attempt: queued again while attempts remain (unless `final`), else failed with the message. */
export async function failJob(db: Database, job: JobRow, workerId: string, message: string, final: boolean) {
  const retry = !final && job.attempts < job.maxAttempts;
  await db
    .update(jobs)
    .set(
      retry
        ? { status: 'queued', leaseUntil: null, message: `Lần ${job.attempts} không thành công; sẽ thử lại.` }
        : { status: 'failed', leaseUntil: null, error: message, message, finishedAt: sql`now()` },
    )
    .where(and(eq(jobs.id, job.id), eq(jobs.workerId, workerId)));
}
