import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '#contracts/common.ts';
import {
  ExemplarAdvanceBody,
  ExemplarCreateBody,
  ExemplarListQuery,
  ExemplarPage,
  ExemplarReturnBody,
  ExemplarUpdateBody,
  ExemplarVersionBody,
  ExemplarView,
} from '#contracts/exemplars.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { listExemplars } from './lists/exemplar-list.service.ts';
import { getExemplar } from './records/exemplar-view.ts';
import {
  advanceExemplar,
  createExemplar,
  publishExemplar,
  reviewExemplar,
  updateExemplar,
} from './records/exemplars.service.ts';

export const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
export type ExemplarRequest = Parameters<typeof callerOf>[0];

/** A change of an exemplar answered with the exemplar, or 409 with the current one when stale. */
export function changeOf(db: AppContext['db']) {
  const view = (request: ExemplarRequest, id: string) => getExemplar(db, callerOf(request), id);
  return async (request: ExemplarRequest, id: string, work: Promise<unknown>) => {
    await withCurrentOnConflict(work, () => view(request, id));
    return view(request, id);
  };
}

/** Exemplars: list, propose, read, edit, confirm / return / propose again, stages, publication. */
export function registerExemplarRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['exemplars'];
  const signedIn = { access: 'signed-in' as const };
  const officers = { access: ['tdkt_officer' as const] };
  const change = changeOf(db);

  api.get(
    '/api/exemplars',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Điển hình tiên tiến (theo phong trào, đơn vị, giai đoạn, loại; tìm không dấu)',
        querystring: ExemplarListQuery,
        response: { 200: ExemplarPage, ...errors },
      },
    },
    (request) => listExemplars(db, callerOf(request), request.query),
  );
  api.post(
    '/api/exemplars',
    {
      config: { ...officers, idempotent: true },
      schema: {
        tags,
        summary: 'Đơn vị đề xuất điển hình (giai đoạn phát hiện)',
        body: ExemplarCreateBody,
        response: { 201: ExemplarView, ...errors },
      },
    },
    async (request, reply) => {
      const id = await createExemplar(db, callerOf(request), request.body);
      return reply.status(201).send(await getExemplar(db, callerOf(request), id));
    },
  );
  api.get(
    '/api/exemplars/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Một điển hình',
        params: IdParams,
        response: { 200: ExemplarView, ...errors },
      },
    },
    (request) => getExemplar(db, callerOf(request), request.params.id),
  );
  api.patch(
    '/api/exemplars/:id',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Sửa thông tin điển hình',
        params: IdParams,
        body: ExemplarUpdateBody,
        response: { 200: ExemplarView, ...errors },
      },
    },
    (request) =>
      change(
        request,
        request.params.id,
        updateExemplar(db, callerOf(request), request.params.id, request.body),
      ),
  );
  /** The changes that carry only the version: the level above confirms, the unit proposes again, publication. */
  const versionMoves = {
    confirm: 'Cấp trên xác nhận điển hình',
    propose: 'Đề xuất lại điển hình bị trả lại',
    publish: 'Công bố điển hình lên cổng thông tin',
    withdraw: 'Gỡ điển hình khỏi cổng thông tin',
  } as const;
  for (const [move, summary] of Object.entries(versionMoves) as [keyof typeof versionMoves, string][])
    api.post(
      `/api/exemplars/:id/${move}`,
      {
        config: officers,
        schema: {
          tags,
          summary,
          params: IdParams,
          body: ExemplarVersionBody,
          response: { 200: ExemplarView, ...errors },
        },
      },
      (request) => {
        const { id } = request.params;
        const { version } = request.body;
        const caller = callerOf(request);
        const work =
          move === 'publish' || move === 'withdraw'
            ? publishExemplar(db, caller, id, move, version)
            : reviewExemplar(db, caller, id, move, version);
        return change(request, id, work);
      },
    );
  api.post(
    '/api/exemplars/:id/return',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Cấp trên trả lại đề xuất điển hình (kèm lý do)',
        params: IdParams,
        body: ExemplarReturnBody,
        response: { 200: ExemplarView, ...errors },
      },
    },
    (request) => {
      const { id } = request.params;
      const { version, reason } = request.body;
      return change(request, id, reviewExemplar(db, callerOf(request), id, 'return', version, reason));
    },
  );
  api.post(
    '/api/exemplars/:id/advance',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Chuyển điển hình sang giai đoạn kế tiếp',
        params: IdParams,
        body: ExemplarAdvanceBody,
        response: { 200: ExemplarView, ...errors },
      },
    },
    (request) =>
      change(
        request,
        request.params.id,
        advanceExemplar(db, callerOf(request), request.params.id, request.body),
      ),
  );
}
