import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.ts';
import type { FileStore } from '../files/file-store.ts';
import { claimNextJob, failJob, finishJob, type JobRow, reportProgress } from './job-queue.ts';
import { JobFailure, type JobRegistry } from './job-registry.ts';

export interface JobWorkerOptions {
  db: Database;
  files: FileStore;
  registry: JobRegistry;
  log?: Pick<FastifyBaseLogger, 'error' | 'warn'>;
  /** How often an idle worker looks for work (ms). */
  pollMs?: number;
}

const GENERIC_FAILURE = 'Không thực hiện được việc này. Hãy thử lại sau hoặc báo quản trị hệ thống.';

/** Runs one job (if any is waiting); true when it ran one. Exported for tests and the worker loop. */
export async function runNextJob(options: JobWorkerOptions, workerId: string): Promise<boolean> {
  const { db, registry } = options;
  const job = await claimNextJob(db, workerId, registry.kinds());
  if (!job) return false;
  await runJob(options, job, workerId);
  return true;
}

async function runJob(options: JobWorkerOptions, job: JobRow, workerId: string): Promise<void> {
  const { db, files, registry } = options;
  const kind = registry.get(job.kind);
  const lease = setInterval(() => {
    reportProgress(db, job.id, workerId, {}).catch(() => undefined);
  }, 20_000);
  try {
    if (!kind) throw new JobFailure('Loại việc này không còn được hỗ trợ.');
    const payload = kind.payload.safeParse(job.payload);
    if (!payload.success) throw new JobFailure('Dữ liệu của việc này không còn hợp lệ.');
    const outcome = await kind.run({
      db,
      files,
      payload: payload.data,
      job: { id: job.id, createdBy: job.createdBy, attempt: job.attempts },
      progress: async (percent, message) => {
        await reportProgress(db, job.id, workerId, { percent, message });
      },
    });
    const resultFileId = outcome.file
      ? await files.save(db, { ...outcome.file, createdBy: job.createdBy })
      : null;
    await finishJob(db, job.id, workerId, {
      resultFileId,
      result: outcome.result ?? null,
      message: outcome.message ?? 'Đã xong.',
    });
  } catch (error) {
    const final = error instanceof JobFailure;
    if (!final) options.log?.error({ err: error, jobId: job.id, kind: job.kind }, 'job failed');
    await failJob(db, job, workerId, final ? (error as Error).message : GENERIC_FAILURE, final);
  } finally {
    clearInterval(lease);
  }
}

/**
 * Starts this process's worker: it takes one job at a time, any kind the registry knows, and looks
 * again right after a job and every `pollMs` when idle. `stop()` waits for the running job.
 */
export function startJobWorker(options: JobWorkerOptions): { stop(): Promise<void>; workerId: string } {
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    timer = null;
    if (stopped) return;
    running = (async () => {
      let ran = false;
      try {
        ran = await runNextJob(options, workerId);
      } catch (error) {
        options.log?.warn({ err: error }, 'job worker could not take a job');
      }
      if (!stopped) timer = setTimeout(tick, ran ? 0 : pollMs);
    })();
  };
  timer = setTimeout(tick, 0);
  return {
    workerId,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
