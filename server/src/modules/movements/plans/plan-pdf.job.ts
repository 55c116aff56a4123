import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, Uuid } from '#contracts/common.ts';
import { Job } from '#contracts/jobs.ts';
import { DocumentError, renderPdf } from '#server/modules/documents/index.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { presentJob } from '#server/platform/jobs/job-presenter.ts';
import { enqueueJob } from '#server/platform/jobs/job-queue.ts';
import { JobFailure, type JobKind } from '#server/platform/jobs/job-registry.ts';
import { findMovement, findPlanVersion } from '../movements.repo.ts';
import { callerOf } from '../movements.routes.ts';
import { getVisibleMovement } from '../movements.service.ts';
import { composeDocument } from './plan-compose.ts';
import { slug } from './plan-documents.service.ts';

const PlanPdfPayload = z.object({ movementId: Uuid, version: z.number().int().min(1) });

/** A plan version converted to PDF by LibreOffice in the background (it takes seconds). */
export const planPdfJob: JobKind<z.infer<typeof PlanPdfPayload>> = {
  kind: 'movements.plan_pdf',
  payload: PlanPdfPayload,
  maxAttempts: 2,
  async run({ db, payload, progress }) {
    const movement = await findMovement(db, payload.movementId);
    const stored = movement ? await findPlanVersion(db, payload.movementId, payload.version) : null;
    if (!movement || !stored) throw new JobFailure('Kế hoạch không còn tồn tại.');
    await progress(20, 'Đang dựng văn bản theo thể thức Nghị định 30/2020…');
    const document = composeDocument(stored.content);
    await progress(40, 'Đang chuyển sang PDF bằng LibreOffice…');
    try {
      const data = await renderPdf(document);
      return {
        file: {
          fileName: `${slug(movement.movement.name)}-v${stored.version}.pdf`,
          contentType: 'application/pdf',
          data,
        },
        message: 'Đã chuyển xong sang PDF.',
      };
    } catch (error) {
      if (error instanceof DocumentError) throw new JobFailure(error.message);
      throw error;
    }
  },
};

const ExportJobBody = z.strictObject({ version: z.number().int().min(1).max(2_147_483_647).optional() });

/** `POST /api/movements/:id/pdf-jobs`: queues the PDF of the current (or a given) plan version. */
export function registerPlanPdfJob(app: FastifyInstance, { db, jobs }: ModuleContext): void {
  jobs.register(planPdfJob);
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/movements/:id/pdf-jobs',
    {
      config: { access: 'signed-in', idempotent: true },
      schema: {
        tags: ['movements'],
        summary: 'Xuất kế hoạch ra PDF (xử lý nền)',
        description:
          'Tạo việc chuyển kế hoạch sang PDF; theo dõi ở GET /api/jobs/:id, tải tệp ở /api/jobs/:id/file.',
        params: z.object({ id: Uuid }),
        body: ExportJobBody,
        response: {
          201: Job,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const row = await getVisibleMovement(db, caller, request.params.id);
      const version = request.body.version ?? row.movement.currentVersion;
      if (!(await findPlanVersion(db, row.movement.id, version))) {
        throw new AppError('NOT_FOUND', 'Không tìm thấy phiên bản kế hoạch.');
      }
      const job = await enqueueJob(db, {
        kind: planPdfJob.kind,
        payload: { movementId: row.movement.id, version },
        createdBy: caller.principal.id,
        maxAttempts: planPdfJob.maxAttempts,
      });
      return reply.status(201).send(presentJob(job, null));
    },
  );
}
