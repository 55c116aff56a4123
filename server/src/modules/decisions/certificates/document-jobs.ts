import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, Uuid } from '#contracts/common.ts';
import { DecisionDocumentBody, DecisionDocumentKind } from '#contracts/decisions.ts';
import { Job } from '#contracts/jobs.ts';
import { DocumentError } from '#server/modules/documents/index.ts';
import { sendFile } from '#server/modules/movements/movements.routes.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { presentJob } from '#server/platform/jobs/job-presenter.ts';
import { enqueueJob } from '#server/platform/jobs/job-queue.ts';
import { JobFailure, type JobKind } from '#server/platform/jobs/job-registry.ts';
import { getDecisionRow } from '../decisions/decisions.repo.ts';
import { assertCanRead } from '../decisions.policy.ts';
import { certificatesPdf, decisionDocx, decisionPdf } from './decision-files.ts';

const Payload = z.object({ decisionId: Uuid, kind: DecisionDocumentKind });

/** A decision's PDF, or its certificates, made in the background (LibreOffice takes seconds). */
export const decisionDocumentJob: JobKind<z.infer<typeof Payload>> = {
  kind: 'decisions.document',
  payload: Payload,
  maxAttempts: 2,
  async run({ db, payload, progress }) {
    await progress(
      20,
      payload.kind === 'certificates'
        ? 'Đang dựng bằng khen, giấy khen…'
        : 'Đang dựng quyết định theo thể thức Nghị định 30/2020…',
    );
    try {
      const file =
        payload.kind === 'certificates'
          ? await certificatesPdf(db, payload.decisionId)
          : payload.kind === 'pdf'
            ? await decisionPdf(db, payload.decisionId)
            : await decisionDocx(db, payload.decisionId);
      return {
        file: { fileName: file.fileName, contentType: file.contentType, data: file.buffer },
        message: 'Đã tạo xong tệp.',
      };
    } catch (error) {
      if (error instanceof DocumentError) throw new JobFailure(error.message);
      if (error instanceof AppError && error.code === 'NOT_FOUND')
        throw new JobFailure('Quyết định không còn tồn tại.');
      throw error;
    }
  },
};

/** The decision's DOCX (at once) and its PDF or certificates (as jobs). */
export function registerDecisionDocumentRoutes(app: FastifyInstance, { db, jobs }: ModuleContext): void {
  jobs.register(decisionDocumentJob);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['decisions'];
  api.get(
    '/api/decisions/:id/document',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Tải quyết định kèm danh sách (DOCX, thể thức Nghị định 30/2020)',
        params: IdParams,
        response: { 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const row = await getDecisionRow(db, request.params.id);
      await assertCanRead(db, callerOf(request).principal, row.unit.path);
      return sendFile(reply, await decisionDocx(db, request.params.id));
    },
  );
  api.post(
    '/api/decisions/:id/document-jobs',
    {
      config: { access: 'signed-in', idempotent: true },
      schema: {
        tags,
        summary: 'Xuất quyết định ra PDF, hoặc in bằng khen, giấy khen (xử lý nền)',
        description: 'Theo dõi ở GET /api/jobs/:id, tải tệp ở /api/jobs/:id/file.',
        params: IdParams,
        body: DecisionDocumentBody,
        response: {
          201: Job,
          400: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const row = await getDecisionRow(db, request.params.id);
      await assertCanRead(db, caller.principal, row.unit.path);
      if (request.body.kind === 'certificates' && row.decision.status !== 'issued')
        throw new AppError('CONFLICT', 'Chỉ in bằng khen, giấy khen của quyết định đã ban hành.');
      const job = await enqueueJob(db, {
        kind: decisionDocumentJob.kind,
        payload: { decisionId: row.decision.id, kind: request.body.kind },
        createdBy: caller.principal.id,
        maxAttempts: decisionDocumentJob.maxAttempts,
      });
      return reply.status(201).send(presentJob(job, null));
    },
  );
}
