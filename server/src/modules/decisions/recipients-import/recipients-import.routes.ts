import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '#contracts/common.ts';
import { RecipientImportQuery } from '#contracts/decision-nominees.ts';
import { ImportErrorResponse, ImportResult } from '#contracts/organisation.ts';
import { NotSpreadsheetError, XLSX_TYPE } from '#server/modules/organisation/import-export/spreadsheet.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { receiveUploadedFile, streamOf } from '#server/platform/http/uploads.ts';
import { importRecipients } from './recipients-import.ts';
import { buildRecipientTemplate } from './recipients-template.ts';

/** The XLSX template of a draft's recipient list and its all-or-nothing import. */
export function registerRecipientImportRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['decisions'];
  const officers = { access: ['tdkt_officer'] as const };
  api.get(
    '/api/decisions/:id/recipient-template',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Tệp mẫu danh sách khen thưởng (XLSX) của dự thảo quyết định',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const file = await buildRecipientTemplate(db, callerOf(request), request.params.id);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="mau-danh-sach-khen-thuong.xlsx"')
        .send(file);
    },
  );
  api.post(
    '/api/decisions/:id/recipients/import',
    {
      config: { ...officers, idempotent: true },
      schema: {
        tags,
        summary: 'Nhập danh sách khen thưởng từ tệp XLSX (tất cả hoặc không dòng nào)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: RecipientImportQuery,
        response: {
          200: ImportResult,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          422: ImportErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const file = await receiveUploadedFile(request, 'Chưa chọn tệp danh sách (trường "file").');
      const caller = callerOf(request);
      try {
        const outcome = await importRecipients(
          db,
          caller,
          request.params.id,
          request.query.version,
          streamOf(file.buffer),
        );
        if ('imported' in outcome) return outcome;
        return reply.status(422).send({
          code: 'IMPORT_INVALID',
          message: `Tệp có ${outcome.errors.length} lỗi; chưa thêm dòng nào. Vui lòng sửa rồi nhập lại.`,
          errors: outcome.errors,
        });
      } catch (error) {
        if (!(error instanceof NotSpreadsheetError)) throw error;
        return reply.status(422).send({
          code: 'IMPORT_INVALID',
          message: error.message,
          errors: [{ row: 0, column: '', message: error.message }],
        });
      }
    },
  );
}
