import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '#contracts/common.ts';
import {
  CopyMovementBody,
  CreateMovementBody,
  CriteriaEdit,
  LaunchMovementBody,
  LaunchWarningsReply,
  MovementDetail,
  MovementPage,
  MovementQuery,
  PlaceLineBody,
  SavePlanBody,
  UpdateMovementBody,
} from '#contracts/movements.ts';
import { DocumentError } from '#server/modules/documents/index.ts';
import { actorOf, requirePrincipal } from '#server/platform/auth/access.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { receiveUploadedFile } from '#server/platform/http/uploads.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { launchMovement } from './launch/launch.service.ts';
import { LaunchWarningsError, launchWarningsReply } from './launch/launch-warnings.ts';
import { presentMovement, presentMovementDetail } from './movements.presenter.ts';
import {
  type Caller,
  createMovement,
  getCurrentPlan,
  getDetailExtras,
  getVisibleMovement,
  savePlan,
  searchMovements,
  updateMovement,
} from './movements.service.ts';
import { copyMovement, implementMovement, importMovement } from './plans/movement-sources.service.ts';
import { applyCriteriaEdit } from './plans/plan-criteria.ts';
import { placeUnclassifiedLine } from './plans/plan-lines.ts';

export const IdParams = z.object({ id: z.string().uuid('Mã không hợp lệ') });
export const errors = { 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
export const officers = { access: ['tdkt_officer'] as const };
/** Officers' routes that create a record: a repeated idempotency key gets the first reply. */
export const officerCreates = { ...officers, idempotent: true };
const ImportQuery = z.object({
  launchingUnitId: z.string().uuid(),
  parentMovementId: z.string().uuid().optional(),
  /** "true" once the user saw the warnings of this file (409 LAUNCH_WARNINGS) and imports it anyway. */
  confirmWarnings: z.enum(['true', 'false']).optional(),
});

/** The caller of a route: principal and audit actor. */
export const callerOf = (request: FastifyRequest): Caller => ({
  principal: requirePrincipal(request),
  actor: actorOf(request),
});

/** Sends a generated file. */
export const sendFile = (
  reply: FastifyReply,
  file: { buffer: Buffer; contentType: string; fileName: string },
) =>
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.buffer);

/** Movements and their plans: list, create (by hand, import, copy, implement), edit, launch. */
export function registerMovementCoreRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['movements'];

  const detail = async (caller: Caller, id: string) => {
    const row = await getVisibleMovement(db, caller, id);
    const plan = await getCurrentPlan(db, row);
    return presentMovementDetail(row, caller.principal, await getDetailExtras(db, row, plan));
  };

  api.get(
    '/api/movements',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Danh sách phong trào trong phạm vi (tìm không dấu)',
        querystring: MovementQuery,
        response: { 200: MovementPage },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const page = await searchMovements(db, caller, request.query);
      return {
        total: page.total,
        next: page.next,
        prev: page.prev,
        items: page.rows.map((row) => presentMovement(row, caller.principal)),
      };
    },
  );

  api.post(
    '/api/movements',
    {
      config: officerCreates,
      schema: {
        tags,
        summary: 'Tạo phong trào (nhập tay)',
        body: CreateMovementBody,
        response: { 201: MovementDetail, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const movement = await createMovement(db, caller, request.body);
      reply.status(201);
      return detail(caller, movement.id);
    },
  );

  api.post(
    '/api/movements/import',
    {
      config: officerCreates,
      schema: {
        tags,
        summary: 'Tạo phong trào từ tệp kế hoạch (.txt, .md, .docx; trường "file")',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: { 201: MovementDetail, 422: ErrorResponse, ...errors, 409: LaunchWarningsReply },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const file = await receiveUploadedFile(request, 'Chưa chọn tệp kế hoạch (trường "file").');
      const { confirmWarnings, ...query } = request.query;
      try {
        const movement = await importMovement(db, caller, {
          ...file,
          ...query,
          confirmWarnings: confirmWarnings === 'true',
        });
        reply.status(201);
        return detail(caller, movement.id);
      } catch (error) {
        if (error instanceof LaunchWarningsError)
          return reply.status(409).send(launchWarningsReply(error, request.id));
        if (!(error instanceof DocumentError)) throw error;
        return reply.status(422).send({
          code: 'DOCUMENT_INVALID',
          message: `Không đọc được tệp kế hoạch: ${error.message}`,
          requestId: request.id,
        });
      }
    },
  );

  for (const [path, summary, run] of [
    ['copy', 'Sao chép phong trào thành dự thảo của đơn vị', copyMovement],
    ['implement', 'Triển khai phong trào cấp trên (sao chép kế hoạch, thay tên đơn vị)', implementMovement],
  ] as const) {
    api.post(
      `/api/movements/:id/${path}`,
      {
        config: officerCreates,
        schema: {
          tags,
          summary,
          params: IdParams,
          body: CopyMovementBody,
          response: { 201: MovementDetail, ...errors },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const movement = await run(db, caller, request.params.id, request.body);
        reply.status(201);
        return detail(caller, movement.id);
      },
    );
  }

  api.get(
    '/api/movements/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Chi tiết phong trào và kế hoạch hiện hành',
        params: IdParams,
        response: { 200: MovementDetail, ...errors },
      },
    },
    async (request) => detail(callerOf(request), request.params.id),
  );

  api.patch(
    '/api/movements/:id',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Sửa thông tin phong trào',
        params: IdParams,
        body: UpdateMovementBody,
        response: { 200: MovementDetail, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      await withCurrentOnConflict(updateMovement(db, caller, id, request.body), () => detail(caller, id));
      return detail(caller, id);
    },
  );

  api.put(
    '/api/movements/:id/plan',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Lưu kế hoạch (sau phát động: tạo phiên bản mới)',
        params: IdParams,
        body: SavePlanBody,
        response: { 200: MovementDetail, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      const { version, ...plan } = request.body;
      await withCurrentOnConflict(
        savePlan(db, caller, id, version, 'plan.update', () => plan),
        () => detail(caller, id),
      );
      return detail(caller, id);
    },
  );

  api.post(
    '/api/movements/:id/plan/criteria',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Sửa cây tiêu chí (thêm, chuyển, xóa, sửa lời, điểm)',
        params: IdParams,
        body: CriteriaEdit,
        response: { 200: MovementDetail, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      const edit = request.body;
      const save = savePlan(
        db,
        caller,
        id,
        edit.version,
        'plan.criteria',
        (plan) => ({ ...plan, criteria: applyCriteriaEdit(plan.criteria, edit) }),
        edit,
      );
      await withCurrentOnConflict(save, () => detail(caller, id));
      return detail(caller, id);
    },
  );

  api.post(
    '/api/movements/:id/plan/unclassified/:line',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Xếp một dòng chưa phân loại vào mục/trường, hoặc bỏ',
        params: IdParams.extend({ line: z.coerce.number().int().min(1) }),
        body: PlaceLineBody,
        response: { 200: MovementDetail, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id, line } = request.params;
      const save = savePlan(
        db,
        caller,
        id,
        request.body.version,
        'plan.place_line',
        (plan) => placeUnclassifiedLine(plan, line, request.body),
        { line, ...request.body },
      );
      await withCurrentOnConflict(save, () => detail(caller, id));
      return detail(caller, id);
    },
  );

  api.post(
    '/api/movements/:id/launch',
    {
      config: officers,
      schema: {
        tags,
        summary:
          'Phát động phong trào (một lần); 409 LAUNCH_WARNINGS khi còn cảnh báo chưa được xác nhận (confirmedWarnings)',
        params: IdParams,
        body: LaunchMovementBody,
        response: { 200: MovementDetail, ...errors, 409: LaunchWarningsReply },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      try {
        await launchMovement(db, caller, request.params.id, request.body);
      } catch (error) {
        if (error instanceof LaunchWarningsError)
          return reply.status(409).send(launchWarningsReply(error, request.id));
        throw error;
      }
      return detail(caller, request.params.id);
    },
  );
}
