import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CursorQuery, ErrorResponse } from '#contracts/common.ts';
import {
  Report,
  ReportMoveBody,
  ReportSources,
  ReportUploadQuery,
  ReturnReportBody,
  SaveReportBody,
  SupervisedReportPage,
} from '#contracts/reports.ts';
import { DocumentError } from '#server/modules/documents/index.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { receiveUploadedFile } from '#server/platform/http/uploads.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { reportDocument } from '../documents/report-documents.service.ts';
import { presentReport } from '../reports.presenter.ts';
import { readReportExtras } from '../reports.repo.ts';
import { callerOf, errors, IdParams, sendFile } from '../reports.routes-support.ts';
import { consolidateReport, reportSourcesOf } from '../rollup/rollup.service.ts';
import {
  attachFile,
  getReportFor,
  importReport,
  moveReport,
  reportAttachment,
  saveReport,
} from './reports.service.ts';
import { listSupervisedReports } from './supervised-reports.ts';

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain; charset=utf-8',
};
/** The type of an attached file, by its extension (anything else is sent as bytes). */
const contentTypeOf = (fileName: string) =>
  CONTENT_TYPES[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

const uploadErrors = { ...errors, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse };

/** Reports: read, autosave, import a DOCX, attach, approve, submit, return, accept, consolidate, export. */
export function registerReportRoutes(app: FastifyInstance, { db, files }: ModuleContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const one = async (request: FastifyRequest, id: string) => {
    const row = await getReportFor(db, callerOf(request), id);
    return presentReport(row, callerOf(request).principal, await readReportExtras(db, id));
  };
  const signedIn = { access: 'signed-in' } as const;
  /** A change of the report answered with the report, or 409 with the current one when stale. */
  const change = async (request: FastifyRequest, id: string, work: Promise<unknown>) => {
    await withCurrentOnConflict(work, () => one(request, id));
    return one(request, id);
  };

  api.get(
    '/api/reports/supervised',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Báo cáo của các đơn vị thuộc khối thi đua mình giám sát (thành viên Hội đồng)',
        querystring: CursorQuery,
        response: { 200: SupervisedReportPage, ...errors },
      },
    },
    async (request) => {
      const { principal } = callerOf(request);
      const page = await listSupervisedReports(db, principal.id, request.query);
      return { total: page.total, next: page.next, prev: page.prev, items: page.rows };
    },
  );
  api.get(
    '/api/reports/:id',
    {
      config: signedIn,
      schema: { tags, summary: 'Một báo cáo', params: IdParams, response: { 200: Report, ...errors } },
    },
    async (request) => one(request, request.params.id),
  );
  api.put(
    '/api/reports/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Lưu nội dung báo cáo (tự động lưu khi gõ)',
        params: IdParams,
        body: SaveReportBody,
        response: { 200: Report, ...errors },
      },
    },
    async (request) =>
      change(request, request.params.id, saveReport(db, callerOf(request), request.params.id, request.body)),
  );
  for (const [move, summary] of [
    ['approve', 'Thủ trưởng duyệt báo cáo'],
    ['submit', 'Gửi báo cáo lên cấp trên'],
    ['accept', 'Tiếp nhận báo cáo'],
  ] as const) {
    api.post(
      `/api/reports/:id/${move}`,
      {
        config: signedIn,
        schema: {
          tags,
          summary,
          params: IdParams,
          body: ReportMoveBody,
          response: { 200: Report, ...errors },
        },
      },
      async (request) => {
        const { id } = request.params;
        const expectedVersion = request.body.version;
        return change(request, id, moveReport(db, callerOf(request), id, move, { expectedVersion }));
      },
    );
  }
  api.post(
    '/api/reports/:id/return',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Trả lại báo cáo (kèm lý do)',
        params: IdParams,
        body: ReturnReportBody,
        response: { 200: Report, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { reason, version } = request.body;
      return change(
        request,
        id,
        moveReport(db, callerOf(request), id, 'return', { reason, expectedVersion: version }),
      );
    },
  );
  api.post(
    '/api/reports/:id/consolidate',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Tổng hợp báo cáo từ báo cáo đã gửi của đơn vị cấp dưới',
        params: IdParams,
        body: ReportMoveBody,
        response: { 200: Report, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      return change(request, id, consolidateReport(db, callerOf(request), id, request.body.version));
    },
  );
  api.get(
    '/api/reports/:id/sources',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Số liệu của từng đơn vị cấp dưới trong báo cáo tổng hợp',
        params: IdParams,
        response: { 200: ReportSources, ...errors },
      },
    },
    async (request) => {
      const rows = await reportSourcesOf(db, callerOf(request), request.params.id);
      return {
        items: rows.map((row) => ({
          reportId: row.reportId,
          unit: { id: row.unitId, name: row.unitName },
          figures: row.figures,
        })),
      };
    },
  );
  api.post(
    '/api/reports/:id/import',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Đọc báo cáo từ tệp Word (.docx) vào các mục',
        params: IdParams,
        querystring: ReportUploadQuery,
        response: { 200: Report, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const file = await receiveUploadedFile(request);
      const { id } = request.params;
      try {
        const work = importReport(db, callerOf(request), id, file, request.query.version);
        await withCurrentOnConflict(work, () => one(request, id));
      } catch (error) {
        if (!(error instanceof DocumentError)) throw error;
        return reply.status(422).send({
          code: 'DOCUMENT_INVALID',
          message: `Không đọc được tệp báo cáo: ${error.message}`,
          requestId: request.id,
        });
      }
      return one(request, request.params.id);
    },
  );
  api.post(
    '/api/reports/:id/files',
    {
      config: { ...signedIn, idempotent: true },
      schema: {
        tags,
        summary: 'Đính kèm tệp vào báo cáo',
        params: IdParams,
        querystring: ReportUploadQuery,
        response: { 200: Report, ...uploadErrors },
      },
    },
    async (request) => {
      const file = await receiveUploadedFile(request);
      const { id } = request.params;
      return change(request, id, attachFile(db, files, callerOf(request), id, file, request.query.version));
    },
  );
  api.get(
    '/api/reports/:id/files/:fileId',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Tải tệp đính kèm của báo cáo',
        params: IdParams.extend({ fileId: IdParams.shape.id }),
        response: errors,
      },
    },
    async (request, reply) => {
      const { id, fileId } = request.params;
      const file = await reportAttachment(db, files, callerOf(request), id, fileId);
      return sendFile(reply, { ...file, buffer: file.data, contentType: contentTypeOf(file.fileName) });
    },
  );
  api.get(
    '/api/reports/:id/document',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Xuất báo cáo theo NĐ 30 (DOCX; PDF qua POST /api/reports/:id/pdf-jobs)',
        params: IdParams,
        querystring: z.object({ format: z.enum(['docx']).default('docx') }),
        response: errors,
      },
    },
    async (request, reply) => sendFile(reply, await reportDocument(db, callerOf(request), request.params.id)),
  );
}
