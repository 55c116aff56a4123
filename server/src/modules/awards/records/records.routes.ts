import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  DisciplineBody,
  DisciplineUpdateBody,
  InitiativeBody,
  InitiativeUpdateBody,
  PersonAwardRecords,
  PersonRatingBody,
  PositionClassBody,
  RatingUpdateBody,
  ReceivedBody,
  ReceivedUpdateBody,
  RecordExportQuery,
  type RecordKind,
  RecordRef,
  recordKindLabels,
  UnitAwardRecords,
  UnitRatingBody,
} from '#contracts/award-records.ts';
import { ErrorResponse, OkResponse } from '#contracts/common.ts';
import { ImportErrorResponse, ImportResult, TemplateQuery } from '#contracts/organisation.ts';
import {
  buildXlsx,
  csvLine,
  NotSpreadsheetError,
  sendXlsxStream,
  XLSX_TYPE,
} from '#server/modules/organisation/import-export/spreadsheet.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { receiveUploadedFile, streamOf } from '#server/platform/http/uploads.ts';
import { recordColumns } from './record-columns.ts';
import { createRecord, deleteRecord, setPositionClass, updateRecord } from './records.service.ts';
import { exportRecords } from './records-export.ts';
import { importRecords, type RecordImportOutcome } from './records-import.ts';
import { personRecords, unitRecords } from './records-read.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const bodies: Record<RecordKind, { create: z.ZodType; update: z.ZodType }> = {
  'person-ratings': { create: PersonRatingBody, update: RatingUpdateBody },
  'unit-ratings': { create: UnitRatingBody, update: RatingUpdateBody },
  disciplines: { create: DisciplineBody, update: DisciplineUpdateBody },
  received: { create: ReceivedBody, update: ReceivedUpdateBody },
  initiatives: { create: InitiativeBody, update: InitiativeUpdateBody },
};

const fileNames: Record<RecordKind, string> = {
  'person-ratings': 'xep-loai-ca-nhan',
  'unit-ratings': 'xep-loai-tap-the',
  disciplines: 'ky-luat',
  received: 'khen-thuong-da-nhan',
  initiatives: 'sang-kien',
};

/** Records of persons and units: read, add, change, remove; templates, imports and exports per kind. */
export function registerRecordRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['awards'];
  const officers = { access: ['tdkt_officer'] as const };

  api.get(
    '/api/persons/:id/award-records',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Xếp loại, kỷ luật, khen thưởng và sáng kiến của cán bộ',
        params: IdParams,
        response: { 200: PersonAwardRecords, ...errors },
      },
    },
    (request) => personRecords(db, callerOf(request), request.params.id),
  );
  api.get(
    '/api/units/:id/award-records',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Xếp loại và khen thưởng của tập thể',
        params: IdParams,
        response: { 200: UnitAwardRecords, ...errors },
      },
    },
    (request) => unitRecords(db, callerOf(request), request.params.id),
  );
  api.put(
    '/api/persons/:id/position-class',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Phân loại chức vụ của cán bộ cho biểu thống kê',
        params: IdParams,
        body: PositionClassBody,
        response: { 200: RecordRef, ...errors },
      },
    },
    (request) => setPositionClass(db, callerOf(request), request.params.id, request.body),
  );

  for (const kind of Object.keys(bodies) as RecordKind[]) {
    const label = recordKindLabels[kind];
    const base = `/api/award-records/${kind}`;
    api.post(
      base,
      {
        config: { ...officers, idempotent: true },
        schema: {
          tags,
          summary: `Thêm: ${label}`,
          body: bodies[kind].create,
          response: { 201: RecordRef, ...errors },
        },
      },
      async (request, reply) => {
        const created = await createRecord(
          db,
          callerOf(request),
          kind,
          request.body as Record<string, unknown>,
        );
        reply.status(201);
        return created;
      },
    );
    api.patch(
      `${base}/:id`,
      {
        config: officers,
        schema: {
          tags,
          summary: `Sửa: ${label}`,
          params: IdParams,
          body: bodies[kind].update,
          response: { 200: RecordRef, ...errors },
        },
      },
      (request) =>
        updateRecord(db, callerOf(request), kind, request.params.id, request.body as RatingUpdateBody),
    );
    api.delete(
      `${base}/:id`,
      {
        config: officers,
        schema: {
          tags,
          summary: `Xóa: ${label}`,
          params: IdParams,
          response: { 200: OkResponse, ...errors },
        },
      },
      async (request) => {
        await deleteRecord(db, callerOf(request), kind, request.params.id);
        return { ok: true as const };
      },
    );
    api.get(
      `${base}/import-template`,
      {
        config: officers,
        schema: { tags, summary: `Tệp mẫu nhập: ${label}`, querystring: TemplateQuery },
      },
      async (request, reply) => {
        const headers = recordColumns[kind].map((column) => column.header);
        if (request.query.format === 'csv') {
          reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="mau-nhap-${fileNames[kind]}.csv"`);
          return `\uFEFF${csvLine(headers)}`;
        }
        const file = await buildXlsx('Dữ liệu', headers);
        reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="mau-nhap-${fileNames[kind]}.xlsx"`);
        return reply.send(file);
      },
    );
    api.post(
      `${base}/import`,
      {
        config: { ...officers, idempotent: true },
        schema: {
          tags,
          summary: `Nhập từ tệp XLSX/CSV (tất cả hoặc không dòng nào): ${label}`,
          consumes: ['multipart/form-data'],
          response: { 200: ImportResult, 422: ImportErrorResponse },
        },
      },
      async (request, reply) => {
        const file = await receiveUploadedFile(request, 'Chưa chọn tệp để nhập (trường "file").');
        let outcome: RecordImportOutcome;
        try {
          outcome = await importRecords(db, callerOf(request), kind, streamOf(file.buffer));
        } catch (error) {
          if (!(error instanceof NotSpreadsheetError)) throw error;
          outcome = { errors: [{ row: 0, column: '', message: error.message }] };
        }
        if ('errors' in outcome) {
          return reply.status(422).send({
            code: 'IMPORT_INVALID',
            message: `Tệp có ${outcome.errors.length} lỗi; chưa nhập dòng nào. Vui lòng sửa rồi nhập lại.`,
            errors: outcome.errors,
          });
        }
        return outcome;
      },
    );
    api.get(
      `${base}/export`,
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: `Xuất (XLSX): ${label}`, querystring: RecordExportQuery },
      },
      async (request, reply) =>
        sendXlsxStream(
          request,
          reply,
          await exportRecords(db, callerOf(request), kind, request.query),
          `${fileNames[kind]}.xlsx`,
        ),
    );
  }
}
