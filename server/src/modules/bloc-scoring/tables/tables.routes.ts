import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RankingView,
  ScoringTableCopyBody,
  ScoringTableCreateBody,
  ScoringTablePage,
  ScoringTableQuery,
  ScoringTableUpdateBody,
  ScoringTableView,
  SheetPage,
  SheetQuery,
  TargetsBody,
  TargetsQuery,
  TargetsView,
  VersionBody,
  VersionQuery,
} from '#contracts/bloc-scoring.ts';
import { PublishMeetingBody } from '#contracts/bloc-scoring-meeting.ts';
import { ErrorResponse, Uuid } from '#contracts/common.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { receiveUploadedFile } from '#server/platform/http/uploads.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { getRanking, publishBloc } from '../ranking/ranking.service.ts';
import { listSheets, listTables } from './table-list.service.ts';
import { XLSX_TYPE } from './table-xlsx.ts';
import {
  copyTable,
  createTable,
  exportTable,
  getTableView,
  importTable,
  openTable,
  setTargets,
  updateTable,
} from './tables.service.ts';
import { getTargets } from './targets-view.ts';

const sendXlsx = (reply: FastifyReply, file: { buffer: Buffer; fileName: string }) =>
  reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.buffer);

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const BlocParams = z.object({ id: Uuid, blocId: Uuid });

/** Scoring tables: list, draft, edit, copy, open, targets, the sheets, a bloc's ranking and its publication. */
export function registerScoringTableRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['bloc-scoring'];
  const signedIn = { access: 'signed-in' as const };
  const schema = <T extends object>(summary: string, extra: T) => ({ tags, summary, ...extra });
  const view = (request: Parameters<typeof callerOf>[0], id: string) =>
    getTableView(db, callerOf(request), id);
  /** A change of the table answered with the table, or 409 with the current table when stale. */
  const change = async (request: Parameters<typeof callerOf>[0], id: string, work: Promise<unknown>) => {
    await withCurrentOnConflict(work, () => view(request, id));
    return view(request, id);
  };

  api.get(
    '/api/scoring-tables',
    {
      config: signedIn,
      schema: schema('Bảng tiêu chí chấm điểm thi đua khối/cụm', {
        querystring: ScoringTableQuery,
        response: { 200: ScoringTablePage, ...errors },
      }),
    },
    (request) => listTables(db, callerOf(request), request.query),
  );
  api.post(
    '/api/scoring-tables',
    {
      config: { access: ['tdkt_officer'], idempotent: true },
      schema: schema('Lập bảng tiêu chí chấm điểm', {
        body: ScoringTableCreateBody,
        response: { 201: ScoringTableView, ...errors },
      }),
    },
    async (request, reply) => {
      const id = await createTable(db, callerOf(request), request.body);
      return reply.status(201).send(await view(request, id));
    },
  );
  api.get(
    '/api/scoring-tables/:id',
    {
      config: signedIn,
      schema: schema('Một bảng tiêu chí chấm điểm', {
        params: IdParams,
        response: { 200: ScoringTableView, ...errors },
      }),
    },
    (request) => view(request, request.params.id),
  );
  api.patch(
    '/api/scoring-tables/:id',
    {
      config: signedIn,
      schema: schema('Sửa bảng tiêu chí (dự thảo)', {
        params: IdParams,
        body: ScoringTableUpdateBody,
        response: { 200: ScoringTableView, ...errors },
      }),
    },
    (request) =>
      change(request, request.params.id, updateTable(db, callerOf(request), request.params.id, request.body)),
  );
  api.post(
    '/api/scoring-tables/:id/copy',
    {
      config: { access: ['tdkt_officer'], idempotent: true },
      schema: schema('Sao chép bảng tiêu chí sang năm khác', {
        params: IdParams,
        body: ScoringTableCopyBody,
        response: { 201: ScoringTableView, ...errors },
      }),
    },
    async (request, reply) => {
      const id = await copyTable(db, callerOf(request), request.params.id, request.body);
      return reply.status(201).send(await view(request, id));
    },
  );
  api.post(
    '/api/scoring-tables/:id/open',
    {
      config: signedIn,
      schema: schema('Mở chấm điểm (khóa bảng tiêu chí)', {
        params: IdParams,
        body: VersionBody,
        response: { 200: ScoringTableView, ...errors },
      }),
    },
    (request) =>
      change(
        request,
        request.params.id,
        openTable(db, callerOf(request), request.params.id, request.body.version),
      ),
  );
  api.get(
    '/api/scoring-tables/:id/targets',
    {
      config: signedIn,
      schema: schema('Chỉ tiêu giao cho các đơn vị của một khối, cụm', {
        params: IdParams,
        querystring: TargetsQuery,
        response: { 200: TargetsView, ...errors },
      }),
    },
    (request) => getTargets(db, callerOf(request), request.params.id, request.query.blocId),
  );
  api.put(
    '/api/scoring-tables/:id/targets',
    {
      config: signedIn,
      schema: schema('Giao chỉ tiêu cho một đơn vị', {
        params: IdParams,
        body: TargetsBody,
        response: { 200: ScoringTableView, ...errors },
      }),
    },
    (request) =>
      change(request, request.params.id, setTargets(db, callerOf(request), request.params.id, request.body)),
  );
  api.get(
    '/api/scoring-tables/:id/xlsx',
    {
      config: signedIn,
      schema: schema('Tải bảng tiêu chí (XLSX)', {
        params: IdParams,
        response: { 403: ErrorResponse, 404: ErrorResponse },
      }),
    },
    async (request, reply) => sendXlsx(reply, await exportTable(db, callerOf(request), request.params.id)),
  );
  api.post(
    '/api/scoring-tables/:id/xlsx',
    {
      config: signedIn,
      schema: schema('Nhập tiêu chí từ tệp Excel (thay toàn bộ tiêu chí của bảng dự thảo; trường "file")', {
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: VersionQuery,
        response: { 200: ScoringTableView, 413: ErrorResponse, 415: ErrorResponse, ...errors },
      }),
    },
    async (request) => {
      const { id } = request.params;
      const upload = await receiveUploadedFile(request, 'Chưa chọn tệp bảng tiêu chí (trường "file").');
      return change(
        request,
        id,
        importTable(db, callerOf(request), id, request.query.version, upload.buffer),
      );
    },
  );
  api.get(
    '/api/scoring-tables/:id/sheets',
    {
      config: signedIn,
      schema: schema('Bảng điểm của các đơn vị', {
        params: IdParams,
        querystring: SheetQuery,
        response: { 200: SheetPage, ...errors },
      }),
    },
    (request) => listSheets(db, callerOf(request), request.params.id, request.query),
  );
  api.get(
    '/api/scoring-tables/:id/blocs/:blocId/ranking',
    {
      config: signedIn,
      schema: schema('Xếp hạng khối/cụm', { params: BlocParams, response: { 200: RankingView, ...errors } }),
    },
    (request) => getRanking(db, callerOf(request), request.params.id, request.params.blocId),
  );
  api.post(
    '/api/scoring-tables/:id/blocs/:blocId/publish',
    {
      config: signedIn,
      schema: schema('Công bố kết quả xếp hạng khối/cụm', {
        params: BlocParams,
        body: PublishMeetingBody,
        response: { 200: RankingView, ...errors },
      }),
    },
    async (request) => {
      const { id, blocId } = request.params;
      const caller = callerOf(request);
      await withCurrentOnConflict(publishBloc(db, caller, id, blocId, request.body), () => view(request, id));
      return getRanking(db, caller, id, blocId);
    },
  );
}
