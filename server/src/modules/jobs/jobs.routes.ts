import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '#contracts/common.ts';
import { Job, JobParams } from '#contracts/jobs.ts';
import { requirePrincipal } from '#server/platform/auth/access.ts';
import { isAdmin, type Principal } from '#server/platform/auth/policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import { storedFiles } from '#server/platform/files/files.schema.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { presentJob } from '#server/platform/jobs/job-presenter.ts';
import { jobs } from '#server/platform/jobs/jobs.schema.ts';

/** The job if the user may see it (they asked for it, or they are an administrator). */
async function visibleJob(db: Database, principal: Principal, id: string) {
  const [row] = await db
    .select({ job: jobs, fileName: storedFiles.fileName })
    .from(jobs)
    .leftJoin(storedFiles, eq(storedFiles.id, jobs.resultFileId))
    .where(eq(jobs.id, id));
  if (!row || (row.job.createdBy !== principal.id && !isAdmin(principal))) {
    throw new AppError('NOT_FOUND', 'Không tìm thấy việc đang xử lý này.');
  }
  return row;
}

/** `GET /api/jobs/:id` (how far a long piece of work is) and `GET /api/jobs/:id/file` (its result). */
export function registerJobRoutes(app: FastifyInstance, { db, files }: ModuleContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse };
  api.get(
    '/api/jobs/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['jobs'],
        summary: 'Tiến độ một việc xử lý nền',
        params: JobParams,
        response: { 200: Job, ...errors },
      },
    },
    async (request) => {
      const { job, fileName } = await visibleJob(db, requirePrincipal(request), request.params.id);
      return presentJob(job, fileName ?? null);
    },
  );
  api.get(
    '/api/jobs/:id/file',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['jobs'], summary: 'Tải tệp kết quả của một việc xử lý nền', params: JobParams },
    },
    async (request, reply) => {
      const { job } = await visibleJob(db, requirePrincipal(request), request.params.id);
      const file = job.resultFileId ? await files.load(db, job.resultFileId) : null;
      if (!file) throw new AppError('NOT_FOUND', 'Việc này chưa có tệp kết quả.');
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.data);
    },
  );
}
