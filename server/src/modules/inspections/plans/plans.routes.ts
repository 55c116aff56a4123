import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CursorQuery, ErrorResponse, Uuid } from '#contracts/common.ts';
import {
  InspectionCreateBody,
  InspectionListQuery,
  InspectionPage,
  InspectionUpdateBody,
  InspectionView,
  ItemsFromMovementBody,
  TargetAddBody,
  TargetPage,
  TeamAddBody,
  VersionBody,
  VersionQuery,
} from '#contracts/inspections.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { listPlans, listTargets } from './plan-lists.service.ts';
import { createPlan, getPlan, itemsFromMovement, movePlan, updatePlan } from './plans.service.ts';
import { addTarget, addTeamMember, removeTarget, removeTeamMember } from './team-targets.service.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const TeamParams = z.object({ id: Uuid, memberId: Uuid });
const TargetParams = z.object({ id: Uuid, targetId: Uuid });

/** Inspection plans: list, create, edit, content from a movement, team, targets, approve and complete. */
export function registerInspectionPlanRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inspections'];
  const signedIn = { access: 'signed-in' as const };
  const view = (request: Parameters<typeof callerOf>[0], id: string) => getPlan(db, callerOf(request), id);
  const schema = <T extends object>(summary: string, extra: T) => ({ tags, summary, ...extra });
  /** A change of the plan answered with the plan, or 409 with the current plan when stale. */
  const change = async (request: Parameters<typeof callerOf>[0], id: string, work: Promise<unknown>) => {
    await withCurrentOnConflict(work, () => view(request, id));
    return view(request, id);
  };

  api.get(
    '/api/inspections',
    {
      config: signedIn,
      schema: schema('Kế hoạch kiểm tra', {
        querystring: InspectionListQuery,
        response: { 200: InspectionPage, ...errors },
      }),
    },
    (request) => listPlans(db, callerOf(request), request.query),
  );
  api.post(
    '/api/inspections',
    {
      config: { access: ['tdkt_officer'], idempotent: true },
      schema: schema('Lập kế hoạch kiểm tra', {
        body: InspectionCreateBody,
        response: { 201: InspectionView, ...errors },
      }),
    },
    async (request, reply) => {
      const id = await createPlan(db, callerOf(request), request.body);
      return reply.status(201).send(await view(request, id));
    },
  );
  api.get(
    '/api/inspections/:id',
    {
      config: signedIn,
      schema: schema('Một kế hoạch kiểm tra', {
        params: IdParams,
        response: { 200: InspectionView, ...errors },
      }),
    },
    (request) => view(request, request.params.id),
  );
  api.patch(
    '/api/inspections/:id',
    {
      config: signedIn,
      schema: schema('Sửa kế hoạch kiểm tra (dự thảo)', {
        params: IdParams,
        body: InspectionUpdateBody,
        response: { 200: InspectionView, ...errors },
      }),
    },
    (request) =>
      change(request, request.params.id, updatePlan(db, callerOf(request), request.params.id, request.body)),
  );
  api.post(
    '/api/inspections/:id/items/from-movement',
    {
      config: signedIn,
      schema: schema('Lấy nội dung kiểm tra từ tiêu chí của phong trào', {
        params: IdParams,
        body: ItemsFromMovementBody,
        response: { 200: InspectionView, ...errors },
      }),
    },
    (request) => {
      const { movementId, version } = request.body;
      const { id } = request.params;
      return change(request, id, itemsFromMovement(db, callerOf(request), id, movementId, version));
    },
  );
  for (const move of ['approve', 'complete'] as const)
    api.post(
      `/api/inspections/:id/${move}`,
      {
        config: signedIn,
        schema: schema(move === 'approve' ? 'Phê duyệt kế hoạch kiểm tra' : 'Kết thúc đợt kiểm tra', {
          params: IdParams,
          body: VersionBody,
          response: { 200: InspectionView, ...errors },
        }),
      },
      (request) =>
        change(
          request,
          request.params.id,
          movePlan(db, callerOf(request), request.params.id, move, request.body.version),
        ),
    );
  api.post(
    '/api/inspections/:id/team',
    {
      config: signedIn,
      schema: schema('Thêm thành viên đoàn kiểm tra', {
        params: IdParams,
        body: TeamAddBody,
        response: { 200: InspectionView, ...errors },
      }),
    },
    (request) =>
      change(
        request,
        request.params.id,
        addTeamMember(db, callerOf(request), request.params.id, request.body),
      ),
  );
  api.delete(
    '/api/inspections/:id/team/:memberId',
    {
      config: signedIn,
      schema: schema('Bỏ thành viên khỏi đoàn kiểm tra', {
        params: TeamParams,
        querystring: VersionQuery,
        response: { 200: InspectionView, ...errors },
      }),
    },
    (request) => {
      const { id, memberId } = request.params;
      return change(
        request,
        id,
        removeTeamMember(db, callerOf(request), id, memberId, request.query.version),
      );
    },
  );
  api.get(
    '/api/inspections/:id/targets',
    {
      config: signedIn,
      schema: schema('Đơn vị được kiểm tra', {
        params: IdParams,
        querystring: CursorQuery,
        response: { 200: TargetPage, ...errors },
      }),
    },
    (request) => listTargets(db, callerOf(request), request.params.id, request.query),
  );
  api.post(
    '/api/inspections/:id/targets',
    {
      config: signedIn,
      schema: schema('Thêm đơn vị được kiểm tra', {
        params: IdParams,
        body: TargetAddBody,
        response: { 200: InspectionView, ...errors },
      }),
    },
    (request) =>
      change(request, request.params.id, addTarget(db, callerOf(request), request.params.id, request.body)),
  );
  api.delete(
    '/api/inspections/:id/targets/:targetId',
    {
      config: signedIn,
      schema: schema('Bỏ đơn vị khỏi kế hoạch kiểm tra', {
        params: TargetParams,
        querystring: VersionQuery,
        response: { 200: InspectionView, ...errors },
      }),
    },
    (request) => {
      const { id, targetId } = request.params;
      return change(request, id, removeTarget(db, callerOf(request), id, targetId, request.query.version));
    },
  );
}
