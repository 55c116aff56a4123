import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '#contracts/common.ts';
import {
  AppraisalOpinion,
  FinishAppraisalBody,
  NominationAppraisal,
  SaveAppraisalBody,
} from '#contracts/nomination-appraisal.ts';
import { Nomination } from '#contracts/nominees.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { nominationDetail } from '../nominations/nominations.routes.ts';
import { callerOf, IdParams } from '../rounds/rounds.routes.ts';
import { finishAppraisal } from './appraisal-finish.service.ts';
import { saveAppraisal } from './appraisal-save.service.ts';
import { appraisalView } from './appraisal-view.service.ts';

const errors = {
  400: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

/** Appraisal (thẩm định) of a received tờ trình by the receiving level's standing body. */
export function registerAppraisalRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['nominations'];

  api.get(
    '/api/nominations/:id/appraisal',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Thẩm định tờ trình: điều kiện, cảnh báo, ý kiến từng đối tượng',
        params: IdParams,
        response: { 200: NominationAppraisal, ...errors },
      },
    },
    (request) => {
      const caller = callerOf(request);
      return appraisalView(db, caller, request.params.id, () =>
        nominationDetail(db, caller, request.params.id),
      );
    },
  );
  api.put(
    '/api/nominees/:id/appraisal',
    {
      config: { access: ['tdkt_officer'] },
      schema: {
        tags,
        summary: 'Ghi ý kiến và đề xuất thẩm định một đối tượng',
        params: IdParams,
        body: SaveAppraisalBody,
        response: { 200: AppraisalOpinion, ...errors },
      },
    },
    (request) => saveAppraisal(db, callerOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/nominations/:id/appraise',
    {
      config: { access: ['tdkt_officer'] },
      schema: {
        tags,
        summary: 'Hoàn tất thẩm định tờ trình',
        params: IdParams,
        body: FinishAppraisalBody,
        response: { 200: Nomination, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await finishAppraisal(db, caller, request.params.id, request.body.version);
      return nominationDetail(db, caller, request.params.id);
    },
  );
}
