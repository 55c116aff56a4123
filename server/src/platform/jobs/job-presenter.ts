import type { Job } from '#contracts/jobs.ts';
import type { JobRow } from './job-queue.ts';

/** A job as the API shows it. */
export function presentJob(job: JobRow, fileName: string | null): Job {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status as Job['status'],
    progress: job.progress,
    message: job.message ?? (job.status === 'queued' ? 'Đang chờ xử lý…' : null),
    fileName,
    result: (job.result as Record<string, unknown> | null) ?? null,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
