import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type AwardCode, type AwardSubject, awardName, type RewardType } from '#contracts/awards.ts';
import { ErrorResponse } from '#contracts/common.ts';
import {
  ConsolidateBody,
  type ConsolidationCandidate,
  ConsolidationCandidatePage,
  ConsolidationCandidateQuery,
} from '#contracts/nomination-consolidation.ts';
import { Nomination, type NominationStatus } from '#contracts/nominees.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { nominationDetail } from '../nominations/nominations.routes.ts';
import { callerOf, IdParams } from '../rounds/rounds.routes.ts';
import type { CandidateRow } from './consolidation.repo.ts';
import { consolidateNominees, searchCandidates } from './consolidation.service.ts';

const errors = {
  400: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

const candidateOf = (row: CandidateRow): ConsolidationCandidate => ({
  id: row.nominee.id,
  nominationId: row.nominee.nominationId,
  nominationTitle: row.nominationTitle,
  proposingUnit: { id: row.proposingUnitId, name: row.proposingName },
  subject: row.nominee.subject as AwardSubject,
  name: row.personName ?? row.unitName ?? row.nominee.householdName ?? '',
  awardCode: row.nominee.awardCode as AwardCode,
  awardName: awardName(row.nominee.awardCode as AwardCode),
  rewardType: row.nominee.rewardType as RewardType,
  periodFrom: row.nominee.periodFrom,
  periodTo: row.nominee.periodTo,
  status: row.nominee.status as NominationStatus,
});

/** Consolidation: lower levels' received nominees into the upper level's own tờ trình. */
export function registerConsolidationRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['nominations'];
  api.get(
    '/api/nominations/:id/consolidation-candidates',
    {
      config: { access: ['tdkt_officer'] },
      schema: {
        tags,
        summary: 'Đối tượng của cấp dưới có thể tổng hợp vào tờ trình',
        params: IdParams,
        querystring: ConsolidationCandidateQuery,
        response: { 200: ConsolidationCandidatePage, ...errors },
      },
    },
    async (request) => {
      const page = await searchCandidates(db, callerOf(request), request.params.id, request.query);
      return { items: page.rows.map(candidateOf), next: page.next, prev: page.prev, total: page.total };
    },
  );
  api.post(
    '/api/nominations/:id/consolidate',
    {
      config: { access: ['tdkt_officer'], idempotent: true },
      schema: {
        tags,
        summary: 'Tổng hợp đối tượng của cấp dưới vào tờ trình (giữ liên kết)',
        params: IdParams,
        body: ConsolidateBody,
        response: { 200: Nomination, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const current = () => nominationDetail(db, caller, request.params.id);
      await withCurrentOnConflict(consolidateNominees(db, caller, request.params.id, request.body), current);
      return current();
    },
  );
}
