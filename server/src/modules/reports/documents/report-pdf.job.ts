import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, Uuid } from '#contracts/common.ts';
import { Job } from '#contracts/jobs.ts';
import { convertDocxToPdf, DocumentError } from '#server/modules/documents/index.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { presentJob } from '#server/platform/jobs/job-presenter.ts';
import { enqueueJob } from '#server/platform/jobs/job-queue.ts';
import { JobFailure, type JobKind } from '#server/platform/jobs/job-registry.ts';
import { getReportFor } from '../reports/reports.service.ts';
import { callerOf, IdParams } from '../reports.routes-support.ts';
import { reportDocx } from './report-documents.service.ts';

const Payload = z.object({ reportId: Uuid });

/** A report's NĐ 30 báo cáo converted to PDF by LibreOffice in the background (it takes seconds). */
export const reportPdfJob: JobKind<z.infer<typeof Payload>> = {
  kind: 'reports.document_pdf',
  payload: Payload,
  maxAttempts: 2,
  async run({ db, payload, progress }) {
    await progress(20, 'Đang dựng báo cáo theo thể thức Nghị định 30/2020…');
    const docx = await reportDocx(db, payload.reportId);
    if (!docx) throw new JobFailure('Báo cáo không còn tồn tại.');
    await progress(40, 'Đang chuyển sang PDF bằng LibreOffice…');
    try {
      return {
        file: {
          fileName: docx.fileName.replace(/\.docx$/, '.pdf'),
          contentType: 'application/pdf',
          data: await convertDocxToPdf(docx.buffer),
        },
        message: 'Đã chuyển xong sang PDF.',
      };
    } catch (error) {
      if (error instanceof DocumentError) throw new JobFailure(error.message);
      throw error;
    }
  },
};

/** `POST /api/reports/:id/pdf-jobs`: queues the report's PDF for a user who may read it. */
export function registerReportPdfJob(app: FastifyInstance, { db, jobs }: ModuleContext): void {
  jobs.register(reportPdfJob);
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/reports/:id/pdf-jobs',
    {
      config: { access: 'signed-in', idempotent: true },
      schema: {
        tags: ['reports'],
        summary: 'Xuất báo cáo ra PDF theo NĐ 30 (xử lý nền)',
        description: 'Theo dõi ở GET /api/jobs/:id, tải tệp ở /api/jobs/:id/file.',
        params: IdParams,
        body: z.strictObject({}),
        response: { 201: Job, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const row = await getReportFor(db, caller, request.params.id);
      const job = await enqueueJob(db, {
        kind: reportPdfJob.kind,
        payload: { reportId: row.report.id },
        createdBy: caller.principal.id,
        maxAttempts: reportPdfJob.maxAttempts,
      });
      return reply.status(201).send(presentJob(job, null));
    },
  );
}
