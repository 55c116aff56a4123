import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BlocMeetingView, NextBlocView, QuotasBody, QuotasView } from '#contracts/bloc-scoring-meeting.ts';
import { ErrorResponse, Uuid } from '#contracts/common.ts';
import { sendFile } from '#server/modules/movements/movements.routes.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { blocMinutesDocx, blocProposalDocx } from './meeting.docx.ts';
import { createNextBloc, getMeeting } from './meeting.service.ts';
import { getQuotas, setQuotas } from './quotas.service.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const BlocParams = z.object({ id: Uuid, blocId: Uuid });

/** The bloc meeting: a table's proposal quotas, the meeting's record, its minutes and proposal, next year's bloc. */
export function registerBlocMeetingRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['bloc-scoring'];
  const signedIn = { access: 'signed-in' as const };
  const schema = <T extends object>(summary: string, extra: T) => ({ tags, summary, ...extra });

  api.get(
    '/api/scoring-tables/:id/quotas',
    {
      config: signedIn,
      schema: schema('Hạn mức đề nghị khen thưởng của bảng tiêu chí', {
        params: IdParams,
        response: { 200: QuotasView, ...errors },
      }),
    },
    (request) => getQuotas(db, callerOf(request), request.params.id),
  );
  api.put(
    '/api/scoring-tables/:id/quotas',
    {
      config: signedIn,
      schema: schema('Đặt hạn mức đề nghị khen thưởng (trước khi công bố)', {
        params: IdParams,
        body: QuotasBody,
        response: { 200: QuotasView, ...errors },
      }),
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      await withCurrentOnConflict(setQuotas(db, caller, id, request.body), () => getQuotas(db, caller, id));
      return getQuotas(db, caller, id);
    },
  );
  api.get(
    '/api/scoring-tables/:id/blocs/:blocId/meeting',
    {
      config: signedIn,
      schema: schema('Kết quả họp khối/cụm: dự họp, đề nghị khen thưởng, khối trưởng năm sau', {
        params: BlocParams,
        response: { 200: BlocMeetingView, ...errors },
      }),
    },
    (request) => getMeeting(db, callerOf(request), request.params.id, request.params.blocId),
  );
  api.get(
    '/api/scoring-tables/:id/blocs/:blocId/minutes',
    {
      config: signedIn,
      schema: schema('Biên bản họp khối/cụm (DOCX)', { params: BlocParams, response: errors }),
    },
    async (request, reply) =>
      sendFile(reply, await blocMinutesDocx(db, callerOf(request), request.params.id, request.params.blocId)),
  );
  api.get(
    '/api/scoring-tables/:id/blocs/:blocId/proposal',
    {
      config: signedIn,
      schema: schema('Tờ trình đề nghị khen thưởng của khối/cụm (DOCX)', {
        params: BlocParams,
        response: errors,
      }),
    },
    async (request, reply) =>
      sendFile(
        reply,
        await blocProposalDocx(db, callerOf(request), request.params.id, request.params.blocId),
      ),
  );
  api.post(
    '/api/scoring-tables/:id/blocs/:blocId/next-bloc',
    {
      config: { access: 'signed-in', idempotent: true },
      schema: schema('Lập khối/cụm năm sau với khối trưởng, khối phó do hội nghị chọn', {
        params: BlocParams,
        response: { 201: NextBlocView, ...errors },
      }),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createNextBloc(db, callerOf(request), request.params.id, request.params.blocId)),
  );
}
