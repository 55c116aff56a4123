import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse, OkResponse } from '#contracts/common.ts';
import {
  BlocDetail,
  type BlocKind,
  type BlocMemberRole,
  BlocPage,
  BlocQuery,
  BlocYears,
  BlocYearsQuery,
  CopyBlocYearBody,
  CopyBlocYearResult,
  CreateBlocBody,
  UpdateBlocBody,
} from '#contracts/organisation.ts';
import type { Database } from '#server/platform/db/client.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { resolveScope, type Scope, WRITE_ROLES } from '../organisation.policy.ts';
import { callerOf, IdParams } from '../units/units.routes.ts';
import type { Caller } from '../units/units.service.ts';
import {
  copyBlocYear,
  createBloc,
  deleteBloc,
  getScopedBloc,
  listBlocMembers,
  listBlocs,
  listBlocYears,
  updateBloc,
} from './blocs.service.ts';
import { recordActions } from './councils.routes.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
type BlocRow = Awaited<ReturnType<typeof getScopedBloc>>;

function presentBloc(row: BlocRow, writeScope: Scope) {
  return {
    id: row.bloc.id,
    councilId: row.bloc.councilId,
    year: row.bloc.year,
    name: row.bloc.name,
    kind: row.bloc.kind as BlocKind,
    headUnitName: row.headUnitName,
    deputyUnitNames: row.deputyUnitNames ?? [],
    supervisorMemberId: row.bloc.supervisorMemberId,
    supervisorName: row.supervisorName,
    memberCount: Number(row.memberCount),
    actions: recordActions(writeScope, row.unitPath),
    version: row.bloc.version,
  };
}

async function blocDetail(db: Database, caller: Caller, id: string) {
  const row = await getScopedBloc(db, caller, id);
  const members = await listBlocMembers(db, id);
  return {
    ...presentBloc(row, await resolveScope(db, caller.principal, WRITE_ROLES)),
    members: members.map((member) => ({ ...member, role: member.role as BlocMemberRole })),
  };
}

/** Emulation blocs (khối / cụm thi đua) per council and year. */
export function registerBlocRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];
  const config = { access: ['tdkt_officer'] as const };
  const creates = { ...config, idempotent: true };

  api.get(
    '/api/blocs',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Danh sách khối/cụm thi đua',
        querystring: BlocQuery,
        response: { 200: BlocPage },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const [page, writeScope] = await Promise.all([
        listBlocs(db, caller, request.query),
        resolveScope(db, caller.principal, WRITE_ROLES),
      ]);
      return { total: page.total, items: page.rows.map((row) => presentBloc(row, writeScope)) };
    },
  );
  api.get(
    '/api/blocs/years',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Các năm đã có khối/cụm thi đua (mới nhất trước)',
        querystring: BlocYearsQuery,
        response: { 200: BlocYears },
      },
    },
    async (request) => ({ years: await listBlocYears(db, callerOf(request), request.query) }),
  );
  api.get(
    '/api/blocs/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Khối/cụm và đơn vị thành viên',
        params: IdParams,
        response: { 200: BlocDetail, ...errors },
      },
    },
    (request) => blocDetail(db, callerOf(request), request.params.id),
  );
  api.post(
    '/api/blocs',
    {
      config: creates,
      schema: {
        tags,
        summary: 'Tạo khối/cụm thi đua',
        body: CreateBlocBody,
        response: { 201: BlocDetail, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const bloc = await createBloc(db, caller, request.body);
      reply.status(201);
      return blocDetail(db, caller, bloc.id);
    },
  );
  api.post(
    '/api/blocs/copy-year',
    {
      config: creates,
      schema: {
        tags,
        summary: 'Sao chép khối/cụm sang năm sau, luân phiên trưởng khối',
        body: CopyBlocYearBody,
        response: { 201: CopyBlocYearResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await copyBlocYear(db, callerOf(request), request.body.councilId, request.body.fromYear);
      reply.status(201);
      return result;
    },
  );
  api.patch(
    '/api/blocs/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Sửa khối/cụm',
        params: IdParams,
        body: UpdateBlocBody,
        response: { 200: BlocDetail, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      const current = () => blocDetail(db, caller, id);
      await withCurrentOnConflict(updateBloc(db, caller, id, request.body), current);
      return current();
    },
  );
  api.delete(
    '/api/blocs/:id',
    {
      config,
      schema: { tags, summary: 'Xóa khối/cụm', params: IdParams, response: { 200: OkResponse, ...errors } },
    },
    async (request) => {
      await deleteBloc(db, callerOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
