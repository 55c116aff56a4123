import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OkResponse } from '#contracts/common.ts';
import { PlanDiff } from '#contracts/documents.ts';
import {
  CascadeExportQuery,
  CascadeQuery,
  CascadeResponse,
  DiffQuery,
  DraftPlanQuery,
  MovementExportQuery,
  MyObligationList,
  NotApplicableBody,
  PlanVersion,
  PlanVersionList,
} from '#contracts/movements.ts';
import { DocumentError } from '#server/modules/documents/index.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { getCascade } from '../cascade/cascade.service.ts';
import { markObligationNotApplicable } from '../launch/launch.service.ts';
import { findPlanVersion, listPlanVersions } from '../movements.repo.ts';
import { callerOf, errors, IdParams, officers, sendFile } from '../movements.routes.ts';
import { getVisibleMovement } from '../movements.service.ts';
import { listMyObligations } from '../obligations/my-obligations.ts';
import { diffWithParent, draftPlanFor, exportCascade, exportPlanVersion } from './plan-documents.service.ts';

const VersionParams = IdParams.extend({ version: z.coerce.number().int().min(1) });

/** Plan versions, exports, the draft for a subordinate, the diff, the cascade and the caller's obligations. */
export function registerPlanDocumentRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['movements'];

  api.get(
    '/api/movements/:id/versions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Các phiên bản kế hoạch',
        params: IdParams,
        response: { 200: PlanVersionList, ...errors },
      },
    },
    async (request) => {
      const row = await getVisibleMovement(db, callerOf(request), request.params.id);
      const versions = await listPlanVersions(db, row.movement.id);
      return {
        items: versions.map((version) => ({
          version: version.version,
          createdAt: version.createdAt.toISOString(),
          createdBy: version.createdBy,
          isCurrent: version.version === row.movement.currentVersion,
          number: version.number,
        })),
      };
    },
  );

  api.get(
    '/api/movements/:id/versions/:version',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Một phiên bản kế hoạch',
        params: VersionParams,
        response: { 200: PlanVersion, ...errors },
      },
    },
    async (request) => {
      const row = await getVisibleMovement(db, callerOf(request), request.params.id);
      const version = await findPlanVersion(db, row.movement.id, request.params.version);
      if (!version) throw new AppError('NOT_FOUND', 'Không tìm thấy phiên bản kế hoạch.');
      return {
        version: version.version,
        createdAt: version.createdAt.toISOString(),
        createdBy: version.createdBy,
        isCurrent: version.version === row.movement.currentVersion,
        plan: version.content,
      };
    },
  );

  const exportHandler = async (
    request: { params: { id: string; version?: number }; query: { format: 'docx' | 'pdf' } } & Parameters<
      typeof callerOf
    >[0],
    reply: Parameters<typeof sendFile>[0],
  ) => {
    try {
      const file = await exportPlanVersion(
        db,
        callerOf(request),
        request.params.id,
        request.params.version ?? null,
        request.query.format,
      );
      return sendFile(reply, file);
    } catch (error) {
      if (!(error instanceof DocumentError)) throw error;
      return reply.status(503).send({ code: 'INTERNAL', message: error.message, requestId: request.id });
    }
  };
  api.get(
    '/api/movements/:id/export',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Xuất kế hoạch hiện hành (DOCX/PDF)',
        params: IdParams,
        querystring: MovementExportQuery,
      },
    },
    exportHandler as never,
  );
  api.get(
    '/api/movements/:id/versions/:version/export',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Xuất một phiên bản kế hoạch (DOCX/PDF)',
        params: VersionParams,
        querystring: MovementExportQuery,
      },
    },
    exportHandler as never,
  );

  api.get(
    '/api/movements/:id/draft-plan',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Dự thảo kế hoạch triển khai cho đơn vị cấp dưới (DOCX)',
        params: IdParams,
        querystring: DraftPlanQuery,
      },
    },
    async (request, reply) =>
      sendFile(reply, await draftPlanFor(db, callerOf(request), request.params.id, request.query.unitId)),
  );

  api.get(
    '/api/movements/:id/diff',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'So sánh kế hoạch với kế hoạch cấp trên',
        params: IdParams,
        querystring: DiffQuery,
        response: {
          200: z.object({
            parent: z.object({ id: z.string(), name: z.string() }),
            child: z.object({ id: z.string(), name: z.string() }),
            diff: PlanDiff,
            summary: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      diffWithParent(db, callerOf(request), request.params.id, request.query.againstMovementId),
  );

  api.get(
    '/api/movements/:id/cascade',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Tình hình ban hành kế hoạch triển khai của cấp dưới',
        params: IdParams,
        querystring: CascadeQuery,
        response: { 200: CascadeResponse, ...errors },
      },
    },
    async (request) => {
      const { unitId, ...page } = request.query;
      return getCascade(db, callerOf(request), request.params.id, unitId, page);
    },
  );

  api.get(
    '/api/movements/:id/obligations/mine',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Nghĩa vụ ban hành kế hoạch triển khai của đơn vị mình đối với phong trào',
        params: IdParams,
        response: { 200: MyObligationList, ...errors },
      },
    },
    async (request) => listMyObligations(db, callerOf(request), request.params.id),
  );

  api.get(
    '/api/movements/:id/cascade.xlsx',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Xuất bảng tình hình triển khai (XLSX)',
        params: IdParams,
        querystring: CascadeExportQuery,
      },
    },
    async (request, reply) =>
      sendFile(reply, await exportCascade(db, callerOf(request), request.params.id, request.query.unitId)),
  );

  api.post(
    '/api/obligations/:id/not-applicable',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Đánh dấu đơn vị không phải ban hành kế hoạch (kèm lý do)',
        params: IdParams,
        body: NotApplicableBody,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await markObligationNotApplicable(db, callerOf(request), request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
}
