import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '#contracts/common.ts';
import { DecisionPublicationBody, DecisionView } from '#contracts/decisions.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { getDecision } from '../decisions/decisions.service.ts';
import { type PublicationMove, setDecisionPublication } from './publication.service.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const moves: [string, PublicationMove, string][] = [
  ['publish', 'publish', 'Công bố quyết định đã ban hành trên cổng công khai'],
  ['withdraw-publication', 'withdraw', 'Thôi công bố quyết định trên cổng công khai'],
];

/** Publication of issued decisions on the public portal, and its withdrawal (officers in scope). */
export function registerDecisionPublicationRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  for (const [path, move, summary] of moves)
    api.post(
      `/api/decisions/:id/${path}`,
      {
        config: { access: ['tdkt_officer'] as const },
        schema: {
          tags: ['decisions'],
          summary,
          params: IdParams,
          body: DecisionPublicationBody,
          response: { 200: DecisionView, ...errors },
        },
      },
      async (request) => {
        const { id } = request.params;
        const caller = callerOf(request);
        await withCurrentOnConflict(setDecisionPublication(db, caller, id, move, request.body.version), () =>
          getDecision(db, caller, id),
        );
        return getDecision(db, caller, id);
      },
    );
}
