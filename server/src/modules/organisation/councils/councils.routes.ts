import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, OkResponse } from '#contracts/common.ts';
import {
  CouncilDetail,
  CouncilMemberBody,
  CouncilPage,
  CouncilQuery,
  type CouncilRole,
  CreateCouncilBody,
  type RecordAction,
  UpdateCouncilBody,
  UpdateCouncilMemberBody,
} from '#contracts/organisation.ts';
import type { Database } from '#server/platform/db/client.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { inScope, resolveScope, type Scope, WRITE_ROLES } from '../organisation.policy.ts';
import { callerOf, IdParams } from '../units/units.routes.ts';
import type { Caller } from '../units/units.service.ts';
import {
  addCouncilMember,
  createCouncil,
  deleteCouncil,
  getScopedCouncil,
  listCouncilMembers,
  listCouncils,
  removeCouncilMember,
  updateCouncil,
  updateCouncilMember,
} from './councils.service.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const MemberParams = IdParams.extend({ memberId: z.string().uuid('Mã không hợp lệ') });
type CouncilRow = Awaited<ReturnType<typeof getScopedCouncil>>;

/** Actions on a record owned by a unit: officers of the unit edit and delete. */
export const recordActions = (writeScope: Scope, unitPath: string): RecordAction[] =>
  inScope(writeScope, unitPath) ? ['view', 'edit', 'delete'] : ['view'];

function presentCouncil(row: CouncilRow, writeScope: Scope) {
  return {
    id: row.council.id,
    unitId: row.council.unitId,
    unitName: row.unitName,
    name: row.council.name,
    standingUnitId: row.council.standingUnitId,
    standingUnitName: row.standingUnitName,
    memberCount: Number(row.memberCount),
    actions: recordActions(writeScope, row.unitPath),
    version: row.council.version,
  };
}

async function councilDetail(db: Database, caller: Caller, id: string) {
  const row = await getScopedCouncil(db, caller, id);
  const members = await listCouncilMembers(db, id);
  return {
    ...presentCouncil(row, await resolveScope(db, caller.principal, WRITE_ROLES)),
    members: members.map((member) => ({
      id: member.id,
      personId: member.personId,
      personName: member.personName,
      position: member.position,
      role: member.role as CouncilRole,
      termFrom: member.termFrom,
      termTo: member.termTo,
      version: member.version,
    })),
  };
}

/** Councils (Hội đồng TĐKT) and their members. */
export function registerCouncilRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];
  const config = { access: ['tdkt_officer'] as const };
  const creates = { ...config, idempotent: true };

  api.get(
    '/api/councils',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Danh sách hội đồng TĐKT',
        querystring: CouncilQuery,
        response: { 200: CouncilPage },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const [page, writeScope] = await Promise.all([
        listCouncils(db, caller, request.query),
        resolveScope(db, caller.principal, WRITE_ROLES),
      ]);
      return { total: page.total, items: page.rows.map((row) => presentCouncil(row, writeScope)) };
    },
  );
  api.get(
    '/api/councils/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Hội đồng và thành viên',
        params: IdParams,
        response: { 200: CouncilDetail, ...errors },
      },
    },
    (request) => councilDetail(db, callerOf(request), request.params.id),
  );
  api.post(
    '/api/councils',
    {
      config: creates,
      schema: {
        tags,
        summary: 'Thành lập hội đồng',
        body: CreateCouncilBody,
        response: { 201: CouncilDetail, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const council = await createCouncil(db, caller, request.body);
      reply.status(201);
      return councilDetail(db, caller, council.id);
    },
  );
  api.patch(
    '/api/councils/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Sửa hội đồng',
        params: IdParams,
        body: UpdateCouncilBody,
        response: { 200: CouncilDetail, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      const current = () => councilDetail(db, caller, id);
      await withCurrentOnConflict(updateCouncil(db, caller, id, request.body), current);
      return current();
    },
  );
  api.delete(
    '/api/councils/:id',
    {
      config,
      schema: { tags, summary: 'Xóa hội đồng', params: IdParams, response: { 200: OkResponse, ...errors } },
    },
    async (request) => {
      await deleteCouncil(db, callerOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  api.post(
    '/api/councils/:id/members',
    {
      config: creates,
      schema: {
        tags,
        summary: 'Thêm thành viên hội đồng',
        params: IdParams,
        body: CouncilMemberBody,
        response: { 201: CouncilDetail, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await addCouncilMember(db, caller, request.params.id, request.body);
      reply.status(201);
      return councilDetail(db, caller, request.params.id);
    },
  );
  api.patch(
    '/api/councils/:id/members/:memberId',
    {
      config,
      schema: {
        tags,
        summary: 'Sửa vai trò, nhiệm kỳ thành viên',
        params: MemberParams,
        body: UpdateCouncilMemberBody,
        response: { 200: CouncilDetail, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id, memberId } = request.params;
      const current = () => councilDetail(db, caller, id);
      await withCurrentOnConflict(updateCouncilMember(db, caller, id, memberId, request.body), current);
      return current();
    },
  );
  api.delete(
    '/api/councils/:id/members/:memberId',
    {
      config,
      schema: {
        tags,
        summary: 'Bỏ thành viên hội đồng',
        params: MemberParams,
        response: { 200: CouncilDetail, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await removeCouncilMember(db, caller, request.params.id, request.params.memberId);
      return councilDetail(db, caller, request.params.id);
    },
  );
}
