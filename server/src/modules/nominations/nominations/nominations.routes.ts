import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AwardCode, type AwardSubject, awardName, type RewardType } from '#contracts/awards.ts';
import { ErrorResponse, OkResponse } from '#contracts/common.ts';
import {
  CreateNominationBody,
  type DeciderTier,
  MoveBody,
  Nomination,
  NominationPage,
  NominationQuery,
  type NominationStatus,
  type NominationSummary,
  ReturnNominationBody,
  UpdateNominationBody,
} from '#contracts/nominees.ts';
import { resolveScope } from '#server/modules/organisation/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { nomineeLinks } from '../consolidation/consolidation.repo.ts';
import { inScope, READ_ROLES } from '../nominations.policy.ts';
import { callerOf, IdParams } from '../rounds/rounds.routes.ts';
import type { Caller } from '../rounds/rounds.service.ts';
import { moveNomination } from '../workflow/moves.service.ts';
import { listNominees, type NominationWithNames } from './nominations.repo.ts';
import {
  createNomination,
  deleteNomination,
  getVisibleNomination,
  movesFor,
  searchNominations,
  updateNomination,
} from './nominations.service.ts';

const errors = {
  400: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

async function summary(db: Database, caller: Caller, row: NominationWithNames): Promise<NominationSummary> {
  const { nomination } = row;
  return {
    id: nomination.id,
    roundId: nomination.roundId,
    roundTitle: row.roundTitle,
    proposingUnit: { id: nomination.proposingUnitId, name: row.unitName },
    receivingUnit: { id: row.receivingUnitId, name: row.receivingName },
    title: nomination.title,
    deciderTier: nomination.deciderTier as DeciderTier,
    status: nomination.status as NominationStatus,
    submittedAt: nomination.submittedAt?.toISOString() ?? null,
    returnDue: nomination.returnDue,
    returnReason: nomination.returnReason,
    secret: nomination.secret,
    nomineeCount: Number(row.nomineeCount),
    actions: await movesFor(db, caller, row),
    version: nomination.version,
  };
}

/** A tờ trình with its nominees, as the API shows it. */
export async function nominationDetail(db: Database, caller: Caller, id: string): Promise<Nomination> {
  const row = await getVisibleNomination(db, caller, id);
  const [head, rows, links, scope] = await Promise.all([
    summary(db, caller, row),
    listNominees(db, id),
    nomineeLinks(db, id),
    resolveScope(db, caller.principal, READ_ROLES),
  ]);
  // The upper tờ trình belongs to this one's receiving unit: open to its readers and those above.
  const canOpen = inScope(scope, row.receivingPath);
  const { nomineeCount: _count, ...rest } = head;
  return {
    ...rest,
    nominees: rows.map(({ nominee, personName, unitName }) => ({
      id: nominee.id,
      subject: nominee.subject as AwardSubject,
      person: nominee.personId ? { id: nominee.personId, fullName: personName ?? '' } : null,
      unit: nominee.unitId ? { id: nominee.unitId, name: unitName ?? '' } : null,
      householdName: nominee.householdName,
      awardCode: nominee.awardCode as AwardCode,
      awardName: awardName(nominee.awardCode as AwardCode),
      rewardType: nominee.rewardType as RewardType,
      periodFrom: nominee.periodFrom,
      periodTo: nominee.periodTo,
      achievements: nominee.achievements,
      status: nominee.status as NominationStatus,
      decisionId: nominee.decisionId,
      source: links.sources.get(nominee.id) ?? null,
      consolidatedInto: (() => {
        const copy = links.copies.get(nominee.id);
        return copy ? { ...copy, status: copy.status as NominationStatus, canOpen } : null;
      })(),
    })),
  };
}

/** Tờ trình: draft, change, delete, and the submit / receive / return moves. */
export function registerNominationCoreRoutes(app: FastifyInstance, { db, files }: ModuleContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['nominations'];
  const officers = { access: ['tdkt_officer'] as const };

  api.get(
    '/api/award-rounds/:id/nominations',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Tờ trình của đợt khen thưởng',
        params: IdParams,
        querystring: NominationQuery,
        response: { 200: NominationPage, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const page = await searchNominations(db, caller, request.params.id, request.query);
      return { ...page, items: await Promise.all(page.rows.map((row) => summary(db, caller, row))) };
    },
  );
  api.get(
    '/api/nominations/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Tờ trình và danh sách đề nghị',
        params: IdParams,
        response: { 200: Nomination, ...errors },
      },
    },
    (request) => nominationDetail(db, callerOf(request), request.params.id),
  );
  api.post(
    '/api/nominations',
    {
      config: { ...officers, idempotent: true },
      schema: {
        tags,
        summary: 'Lập tờ trình',
        body: CreateNominationBody,
        response: { 201: Nomination, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const nomination = await createNomination(db, caller, request.body);
      reply.status(201);
      return nominationDetail(db, caller, nomination.id);
    },
  );
  api.patch(
    '/api/nominations/:id',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Sửa tờ trình đang soạn hoặc bị trả lại',
        params: IdParams,
        body: UpdateNominationBody,
        response: { 200: Nomination, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const current = () => nominationDetail(db, caller, request.params.id);
      await withCurrentOnConflict(
        updateNomination(db, files, caller, request.params.id, request.body),
        current,
      );
      return current();
    },
  );
  api.delete(
    '/api/nominations/:id',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Xóa tờ trình đang soạn',
        params: IdParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await deleteNomination(db, files, callerOf(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
  for (const move of ['submit', 'receive', 'return'] as const) {
    const labels = {
      submit: 'Gửi tờ trình',
      receive: 'Tiếp nhận tờ trình',
      return: 'Trả lại tờ trình (kèm lý do)',
    };
    api.post(
      `/api/nominations/:id/${move}`,
      {
        config: officers,
        schema: {
          tags,
          summary: labels[move],
          params: IdParams,
          body: move === 'return' ? ReturnNominationBody : MoveBody,
          response: { 200: Nomination, ...errors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const current = () => nominationDetail(db, caller, request.params.id);
        await withCurrentOnConflict(
          moveNomination(db, caller, request.params.id, move, request.body),
          current,
        );
        return current();
      },
    );
  }
}
