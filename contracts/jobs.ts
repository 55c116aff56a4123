import { z } from 'zod';
import { Uuid } from './common.ts';

/** Where a long piece of work (PDF conversion, big import, national report) is. */
export const JobStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type JobStatus = z.infer<typeof JobStatus>;
export const jobStatusLabels: Record<JobStatus, string> = {
  queued: 'Đang chờ xử lý',
  running: 'Đang xử lý',
  done: 'Đã xong',
  failed: 'Không thành công',
};

export const Job = z.object({
  id: Uuid,
  kind: z.string(),
  status: JobStatus,
  /** 0–100. */
  progress: z.number().int().min(0).max(100),
  /** A Vietnamese line saying what is happening, or why it failed. */
  message: z.string().nullable(),
  /** The result file's name, when the job made one (download it at /api/jobs/:id/file). */
  fileName: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

export const JobParams = z.object({ id: Uuid });
