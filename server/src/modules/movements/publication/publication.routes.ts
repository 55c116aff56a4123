import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '#contracts/common.ts';
import { MovementDetail, MovementPublicationBody } from '#contracts/movements.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { presentMovementDetail } from '../movements.presenter.ts';
import { callerOf, IdParams, officers } from '../movements.routes.ts';
import { type Caller, getCurrentPlan, getDetailExtras, getVisibleMovement } from '../movements.service.ts';
import { type MovementPublicationMove, setMovementPublication } from './publication.service.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const moves: [string, MovementPublicationMove, string][] = [
  ['publish', 'publish', 'Công bố phong trào đã phát động và kế hoạch trên cổng công khai'],
  ['withdraw-publication', 'withdraw', 'Thôi công bố phong trào trên cổng công khai'],
];

/** Publication of launched movements on the public portal, and its withdrawal (managers). */
export function registerMovementPublicationRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const detail = async (caller: Caller, id: string) => {
    const row = await getVisibleMovement(db, caller, id);
    const plan = await getCurrentPlan(db, row);
    return presentMovementDetail(row, caller.principal, await getDetailExtras(db, row, plan));
  };
  for (const [path, move, summary] of moves)
    api.post(
      `/api/movements/:id/${path}`,
      {
        config: officers,
        schema: {
          tags: ['movements'],
          summary,
          params: IdParams,
          body: MovementPublicationBody,
          response: { 200: MovementDetail, ...errors },
        },
      },
      async (request) => {
        const { id } = request.params;
        const caller = callerOf(request);
        await withCurrentOnConflict(setMovementPublication(db, caller, id, move, request.body.version), () =>
          detail(caller, id),
        );
        return detail(caller, id);
      },
    );
}
