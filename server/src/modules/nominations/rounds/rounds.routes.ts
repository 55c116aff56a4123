import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, OkResponse } from '#contracts/common.ts';
import {
  CreateRoundBody,
  Round,
  type RoundAction,
  type RoundKind,
  RoundPage,
  RoundQuery,
  UpdateRoundBody,
} from '#contracts/nominations.ts';
import { resolveScope, type Scope } from '#server/modules/organisation/index.ts';
import { actorOf, requirePrincipal } from '#server/platform/auth/access.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { inScope, reachesBelow, WRITE_ROLES } from '../nominations.policy.ts';
import type { RoundWithNames } from './rounds.repo.ts';
import {
  type Caller,
  createRound,
  deleteRound,
  getVisibleRound,
  searchRounds,
  updateRound,
} from './rounds.service.ts';

export const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
export const IdParams = z.object({ id: z.string().uuid('Mã không hợp lệ') });
export const callerOf = (request: FastifyRequest): Caller => ({
  principal: requirePrincipal(request),
  actor: actorOf(request),
});

/** What an officer may do with a round: edit and delete at its level, nominate from its subtree. */
function roundActions(writeScope: Scope, unitPath: string): RoundAction[] {
  const actions: RoundAction[] = ['view'];
  if (inScope(writeScope, unitPath)) actions.push('edit', 'delete');
  if (reachesBelow(writeScope, unitPath) || inScope(writeScope, unitPath)) actions.push('nominate');
  return actions;
}

/** A round as the API shows it. */
export function presentRound(row: RoundWithNames, writeScope: Scope): Round {
  const { round } = row;
  return {
    id: round.id,
    kind: round.kind as RoundKind,
    title: round.title,
    year: round.year,
    receivingUnit: { id: round.receivingUnitId, name: row.unitName },
    movement: round.movementId ? { id: round.movementId, name: row.movementName ?? '' } : null,
    deadline: round.deadline,
    note: round.note,
    createdAt: round.createdAt.toISOString(),
    actions: roundActions(writeScope, row.unitPath),
    version: round.version,
  };
}

/** Rounds of commendation (đợt khen thưởng): list, open, change, delete. */
export function registerRoundRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['nominations'];
  const officers = { access: ['tdkt_officer'] as const };
  const one = async (caller: Caller, id: string) =>
    presentRound(
      await getVisibleRound(db, caller, id),
      await resolveScope(db, caller.principal, WRITE_ROLES),
    );

  api.get(
    '/api/award-rounds',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Danh sách đợt khen thưởng',
        querystring: RoundQuery,
        response: { 200: RoundPage, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const [page, writeScope] = await Promise.all([
        searchRounds(db, caller, request.query),
        resolveScope(db, caller.principal, WRITE_ROLES),
      ]);
      return { ...page, items: page.rows.map((row) => presentRound(row, writeScope)) };
    },
  );
  api.get(
    '/api/award-rounds/:id',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Đợt khen thưởng', params: IdParams, response: { 200: Round, ...errors } },
    },
    (request) => one(callerOf(request), request.params.id),
  );
  api.post(
    '/api/award-rounds',
    {
      config: { ...officers, idempotent: true },
      schema: {
        tags,
        summary: 'Mở đợt khen thưởng',
        body: CreateRoundBody,
        response: { 201: Round, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const round = await createRound(db, caller, request.body);
      reply.status(201);
      return one(caller, round.id);
    },
  );
  api.patch(
    '/api/award-rounds/:id',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Sửa đợt khen thưởng',
        params: IdParams,
        body: UpdateRoundBody,
        response: { 200: Round, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const current = () => one(caller, request.params.id);
      await withCurrentOnConflict(updateRound(db, caller, request.params.id, request.body), current);
      return current();
    },
  );
  api.delete(
    '/api/award-rounds/:id',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Xóa đợt khen thưởng',
        params: IdParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await deleteRound(db, callerOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
