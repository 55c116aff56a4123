import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '#contracts/common.ts';
import {
  DecisionFromNomineesBody,
  DecisionNomineesAddBody,
  DecisionNomineesDeclineBody,
  NomineeCandidatePage,
  NomineeCandidateQuery,
} from '#contracts/decision-nominees.ts';
import { DecisionView } from '#contracts/decisions.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { getDecision } from '../decisions/decisions.service.ts';
import {
  addNomineesToDecision,
  createDecisionFromNominees,
  declineNominees,
} from './from-nominees.service.ts';
import { listNomineeCandidates } from './nominee-candidates.ts';

const errors = {
  400: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

/** Decisions built from the nominees of the tờ trình a deciding unit receives. */
export function registerFromNomineeRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['decisions'];
  const officers = { access: ['tdkt_officer'] as const };
  const view = (request: Parameters<typeof callerOf>[0], id: string) =>
    getDecision(db, callerOf(request), id);

  api.get(
    '/api/decisions/nominee-candidates',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Đối tượng đề nghị mà đơn vị có thẩm quyền quyết định (từ các tờ trình đã tiếp nhận)',
        querystring: NomineeCandidateQuery,
        response: { 200: NomineeCandidatePage, ...errors },
      },
    },
    (request) => listNomineeCandidates(db, callerOf(request), request.query),
  );
  api.post(
    '/api/decisions/from-nominees',
    {
      config: { ...officers, idempotent: true },
      schema: {
        tags,
        summary: 'Lập dự thảo quyết định từ các đối tượng của tờ trình',
        body: DecisionFromNomineesBody,
        response: { 201: DecisionView, ...errors },
      },
    },
    async (request, reply) => {
      const id = await createDecisionFromNominees(db, callerOf(request), request.body);
      return reply.status(201).send(await view(request, id));
    },
  );
  api.post(
    '/api/decisions/:id/nominees',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Thêm đối tượng của tờ trình vào dự thảo quyết định',
        params: IdParams,
        body: DecisionNomineesAddBody,
        response: { 200: DecisionView, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await withCurrentOnConflict(addNomineesToDecision(db, callerOf(request), id, request.body), () =>
        view(request, id),
      );
      return view(request, id);
    },
  );
  api.post(
    '/api/decisions/:id/decline-nominees',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Không khen thưởng đối tượng được đề nghị (nêu lý do)',
        params: IdParams,
        body: DecisionNomineesDeclineBody,
        response: { 200: DecisionView, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await withCurrentOnConflict(declineNominees(db, callerOf(request), id, request.body), () =>
        view(request, id),
      );
      return view(request, id);
    },
  );
}
