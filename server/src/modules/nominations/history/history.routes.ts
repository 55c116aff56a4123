import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '#contracts/common.ts';
import { NominationHistoryPage, NominationHistoryQuery } from '#contracts/nomination-history.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { DOSSIER_READ_ROLES } from '../dossier/dossier-access.ts';
import { callerOf, IdParams } from '../rounds/rounds.routes.ts';
import { nominationHistory } from './history.service.ts';

/** The history (timeline) of a tờ trình: submitted, returned with the reason, received, appraised, decided. */
export function registerHistoryRoutes(app: FastifyInstance, { db }: ModuleContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/nominations/:id/history',
    {
      config: { access: [...DOSSIER_READ_ROLES] },
      schema: {
        tags: ['nominations'],
        summary: 'Lịch sử xử lý tờ trình',
        params: IdParams,
        querystring: NominationHistoryQuery,
        response: { 200: NominationHistoryPage, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    (request) => nominationHistory(db, callerOf(request), request.params.id, request.query),
  );
}
