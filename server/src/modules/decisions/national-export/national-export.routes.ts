import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, Uuid } from '#contracts/common.ts';
import { NationalExportBody } from '#contracts/decision-nominees.ts';
import { Job } from '#contracts/jobs.ts';
import { DocumentError } from '#server/modules/documents/index.ts';
import { resolveScope } from '#server/modules/organisation/index.ts';
import { inScope, WRITE_ROLES } from '#server/modules/organisation/organisation.policy.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { presentJob } from '#server/platform/jobs/job-presenter.ts';
import { enqueueJob } from '#server/platform/jobs/job-queue.ts';
import { JobFailure, type JobKind } from '#server/platform/jobs/job-registry.ts';
import { loadNominationForExport } from './national-documents.ts';
import { assertExportable, buildNationalZip } from './national-export.ts';
import { registerSecretFlagRoute } from './secret-flag.ts';

const Payload = z.object({ nominationId: Uuid, withPdf: z.boolean() });

/** The national export ZIP of a tờ trình, made in the background (PDF conversion takes seconds). */
export const nationalExportJob: JobKind<z.infer<typeof Payload>> = {
  kind: 'decisions.national_export',
  payload: Payload,
  maxAttempts: 2,
  async run({ db, files, payload, progress }) {
    try {
      const zip = await buildNationalZip(db, payload.nominationId, {
        withPdf: payload.withPdf,
        files,
        progress,
      });
      return {
        file: { fileName: zip.fileName, contentType: 'application/zip', data: zip.buffer },
        message: zip.manifest.pdfIncluded
          ? 'Đã tạo xong gói hồ sơ (DOCX và PDF).'
          : 'Đã tạo xong gói hồ sơ (DOCX; máy chủ chưa có LibreOffice để tạo PDF).',
      };
    } catch (error) {
      if (error instanceof DocumentError) throw new JobFailure(error.message);
      if (error instanceof AppError) throw new JobFailure(error.message);
      throw error;
    }
  },
};

/** POST /api/nominations/:id/national-export-jobs: the ZIP for the national dossier system. */
export function registerNationalExportRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db, jobs } = context;
  jobs.register(nationalExportJob);
  registerSecretFlagRoute(app, context);
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/nominations/:id/national-export-jobs',
    {
      config: { access: ['tdkt_officer'], idempotent: true },
      schema: {
        tags: ['decisions'],
        summary: 'Xuất gói hồ sơ điện tử (ZIP) gửi Hệ thống quản lý hồ sơ khen thưởng quốc gia',
        description:
          'Chỉ cho tờ trình đề nghị Thủ tướng Chính phủ hoặc Chủ tịch nước; hồ sơ mật bị từ chối (422). Theo dõi ở GET /api/jobs/:id.',
        params: IdParams,
        body: NationalExportBody,
        response: {
          201: Job,
          400: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const data = await loadNominationForExport(db, request.params.id);
      // The proposing unit's officers and the receiving level's (who forward it upward) may export.
      const scope = await resolveScope(db, caller.principal, WRITE_ROLES);
      const receiving = data.nomination.status !== 'draft' && inScope(scope, data.receivingPath);
      if (!inScope(scope, data.unit.path) && !receiving) throw new AppError('OUT_OF_SCOPE');
      assertExportable(data);
      const job = await enqueueJob(db, {
        kind: nationalExportJob.kind,
        payload: { nominationId: data.nomination.id, withPdf: request.body.withPdf },
        createdBy: caller.principal.id,
        maxAttempts: nationalExportJob.maxAttempts,
      });
      return reply.status(201).send(presentJob(job, null));
    },
  );
}
