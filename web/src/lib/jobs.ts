import { Job } from '../../../contracts/jobs.ts';
import { ApiError, api } from './api-client.ts';
import { downloadFile } from './download.ts';

const POLL_MS = 1000;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a background job on the server (PDF conversion, a big import, a national report), reports
 * its progress as it goes, and downloads the file it made when it is done. A failed job throws an
 * ApiError with the server's Vietnamese message.
 */
export async function runJobAndDownload(
  createPath: string,
  body: unknown,
  options: { idempotencyKey: string; fallbackName: string; onProgress: (job: Job) => void },
): Promise<Job> {
  let job = await api.create(createPath, body, { schema: Job, idempotencyKey: options.idempotencyKey });
  options.onProgress(job);
  while (job.status === 'queued' || job.status === 'running') {
    await wait(POLL_MS);
    job = await api.get(`/api/jobs/${job.id}`, { schema: Job });
    options.onProgress(job);
  }
  if (job.status === 'failed') {
    throw new ApiError(422, { code: 'JOB_FAILED', message: job.message ?? 'Không thực hiện được việc này.' });
  }
  if (job.fileName) await downloadFile(`/api/jobs/${job.id}/file`, {}, options.fallbackName);
  return job;
}
