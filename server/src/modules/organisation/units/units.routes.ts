import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, OkResponse } from '#contracts/common.ts';
import {
  CreateUnitBody,
  EndUnitBody,
  GrantUnitRoleBody,
  MoveUnitBody,
  type SuccessionKind,
  UnitChildrenQuery,
  UnitDetail,
  UnitListItem,
  UnitPage,
  UnitQuery,
  UnitRootsQuery,
  UpdateUnitBody,
} from '#contracts/organisation.ts';
import { actorOf, requirePrincipal } from '#server/platform/auth/access.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { resolveScope, WRITE_ROLES } from '../organisation.policy.ts';
import { presentUnit } from './units.presenter.ts';
import { findUnitItem } from './units.repo.ts';
import {
  type Caller,
  createUnit,
  endUnit,
  getUnitDetail,
  grantUnitRole,
  listChildUnits,
  listRootUnits,
  moveUnit,
  searchUnits,
  updateUnit,
} from './units.service.ts';

export const IdParams = z.object({ id: z.string().uuid('Mã không hợp lệ') });
const errors = { 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** The caller of a route: principal and audit actor. */
export const callerOf = (request: FastifyRequest): Caller => ({
  principal: requirePrincipal(request),
  actor: actorOf(request),
});

/** The unit tree: search, one level, details, and changes within the caller's scope. */
export function registerUnitRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];

  /** Presents rows with the actions this caller may take on each (write scope loads alongside the page). */
  const present = async (caller: Caller, pending: ReturnType<typeof searchUnits>) => {
    const [page, writeScope] = await Promise.all([pending, resolveScope(db, caller.principal, WRITE_ROLES)]);
    return {
      items: page.rows.map((row) => presentUnit(row, caller.principal, writeScope)),
      next: page.next,
      prev: page.prev,
      total: page.total,
    };
  };
  const presentOne = async (caller: Caller, id: string) => {
    const row = await findUnitItem(db, id);
    if (!row) throw new Error('unit vanished');
    return presentUnit(row, caller.principal, await resolveScope(db, caller.principal, WRITE_ROLES));
  };

  api.get(
    '/api/units',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Tìm đơn vị (không dấu, từ bất kỳ thứ tự), theo phạm vi; phân trang theo vị trí',
        querystring: UnitQuery,
        response: { 200: UnitPage, 400: ErrorResponse },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return present(caller, searchUnits(db, caller, request.query));
    },
  );

  api.get(
    '/api/units/roots',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Các đơn vị gốc trong phạm vi của người dùng',
        querystring: UnitRootsQuery,
        response: { 200: UnitPage },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return present(caller, listRootUnits(db, caller, request.query));
    },
  );

  api.get(
    '/api/units/:id/children',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Đơn vị trực thuộc (một cấp)',
        params: IdParams,
        querystring: UnitChildrenQuery,
        response: { 200: UnitPage, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return present(caller, listChildUnits(db, caller, request.params.id, request.query));
    },
  );

  api.get(
    '/api/units/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Chi tiết đơn vị',
        params: IdParams,
        response: { 200: UnitDetail, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const detail = await getUnitDetail(db, caller, request.params.id);
      const writeScope = await resolveScope(db, caller.principal, WRITE_ROLES);
      return {
        ...presentUnit(detail.item, caller.principal, writeScope),
        ancestors: detail.ancestors,
        predecessors: detail.predecessors.map((link) => ({ ...link, kind: link.kind as SuccessionKind })),
        successors: detail.successors.map((link) => ({ ...link, kind: link.kind as SuccessionKind })),
      };
    },
  );

  api.post(
    '/api/units',
    {
      config: { access: ['tdkt_officer'], idempotent: true },
      schema: {
        tags,
        summary: 'Tạo đơn vị',
        body: CreateUnitBody,
        response: { 201: UnitListItem, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const unit = await createUnit(db, caller, request.body);
      reply.status(201);
      return presentOne(caller, unit.id);
    },
  );

  api.patch(
    '/api/units/:id',
    {
      config: { access: ['tdkt_officer'] },
      schema: {
        tags,
        summary: 'Sửa đơn vị',
        params: IdParams,
        body: UpdateUnitBody,
        response: { 200: UnitListItem, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      await withCurrentOnConflict(updateUnit(db, caller, id, request.body), () => presentOne(caller, id));
      return presentOne(caller, id);
    },
  );

  api.post(
    '/api/units/:id/move',
    {
      config: { access: ['tdkt_officer'] },
      schema: {
        tags,
        summary: 'Chuyển đơn vị (cả cây) sang đơn vị cấp trên khác',
        params: IdParams,
        body: MoveUnitBody,
        response: { 200: UnitListItem, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      await withCurrentOnConflict(moveUnit(db, caller, id, request.body), () => presentOne(caller, id));
      return presentOne(caller, id);
    },
  );

  api.post(
    '/api/units/:id/successions',
    {
      config: { access: ['tdkt_officer'] },
      schema: {
        tags,
        summary: 'Kết thúc đơn vị và ghi đơn vị kế thừa',
        params: IdParams,
        body: EndUnitBody,
        response: { 200: UnitListItem, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      await withCurrentOnConflict(endUnit(db, caller, id, request.body), () => presentOne(caller, id));
      return presentOne(caller, id);
    },
  );

  api.post(
    '/api/units/:id/grants',
    {
      config: { access: ['admin'], idempotent: true },
      schema: {
        tags,
        summary: 'Phân quyền vai trò trên đơn vị',
        params: IdParams,
        body: GrantUnitRoleBody,
        response: { 201: OkResponse, ...errors },
      },
    },
    async (request, reply) => {
      await grantUnitRole(db, callerOf(request), request.params.id, request.body);
      reply.status(201);
      return { ok: true as const };
    },
  );
}
