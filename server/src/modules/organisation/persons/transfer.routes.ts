import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  genderLabels,
  ImportErrorResponse,
  ImportResult,
  PersonFilterQuery,
  personCategoryLabels,
  TemplateQuery,
  UnitFilterQuery,
  unitKindLabels,
} from '#contracts/organisation.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { receiveUploadedFile, streamOf } from '#server/platform/http/uploads.ts';
import {
  buildCsvTemplate,
  buildImportTemplate,
  type TemplateKind,
} from '../import-export/import-template.ts';
import { exportPersons, exportUnits } from '../import-export/organisation-export.ts';
import { type ImportOutcome, importPersons } from '../import-export/person-import.ts';
import { NotSpreadsheetError, sendXlsxStream, XLSX_TYPE } from '../import-export/spreadsheet.ts';
import { importUnits } from '../import-export/unit-import.ts';
import { callerOf } from '../units/units.routes.ts';

/**
 * Sends an import template: XLSX with an example row, drop-downs and the unit codes of the caller's
 * scope (import-template.ts), or CSV with the headers and the example line.
 */
async function sendTemplate(
  reply: FastifyReply,
  name: string,
  format: 'xlsx' | 'csv',
  build: { xlsx: () => Promise<Buffer>; csv: () => Promise<string> },
) {
  if (format === 'csv') {
    const text = await build.csv();
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.csv"`);
    return text;
  }
  const file = await build.xlsx();
  reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${name}.xlsx"`);
  return reply.send(file);
}

/** Reads the uploaded file, runs the import and maps problems to 422 with every row error. */
async function runImport(
  request: FastifyRequest,
  reply: FastifyReply,
  task: (source: Readable) => Promise<ImportOutcome>,
) {
  const file = await receiveUploadedFile(request, 'Chưa chọn tệp để nhập (trường "file").');
  let outcome: ImportOutcome | NotSpreadsheetError;
  try {
    outcome = await task(streamOf(file.buffer));
  } catch (error) {
    if (!(error instanceof NotSpreadsheetError)) throw error;
    outcome = error;
  }
  if (outcome instanceof NotSpreadsheetError) {
    return reply.status(422).send({
      code: 'IMPORT_INVALID',
      message: outcome.message,
      errors: [{ row: 0, column: '', message: outcome.message }],
    });
  }
  if ('errors' in outcome) {
    return reply.status(422).send({
      code: 'IMPORT_INVALID',
      message: `Tệp có ${outcome.errors.length} lỗi; chưa nhập dòng nào. Vui lòng sửa rồi nhập lại.`,
      errors: outcome.errors,
    });
  }
  return outcome;
}

/** Import templates, imports and exports of units and people. */
export function registerTransferRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];
  const officers = { access: ['tdkt_officer'] as const };
  const imports = { ...officers, idempotent: true };
  const templateOf = (request: FastifyRequest, kind: TemplateKind) => ({
    xlsx: () => buildImportTemplate(db, callerOf(request), kind),
    csv: () => buildCsvTemplate(db, callerOf(request), kind),
  });
  const importSchema = {
    tags,
    consumes: ['multipart/form-data'],
    response: { 200: ImportResult, 422: ImportErrorResponse },
  };

  api.get(
    '/api/persons/import-template',
    {
      config: officers,
      schema: {
        tags,
        summary: `Tệp mẫu nhập cán bộ (Giới tính: ${Object.values(genderLabels).join('/')}; Đối tượng: ${Object.values(personCategoryLabels).join(', ')})`,
        querystring: TemplateQuery,
      },
    },
    (request, reply) =>
      sendTemplate(reply, 'mau-nhap-can-bo', request.query.format, templateOf(request, 'person')),
  );
  api.get(
    '/api/units/import-template',
    {
      config: officers,
      schema: {
        tags,
        summary: `Tệp mẫu nhập đơn vị (Loại: ${Object.values(unitKindLabels).join(', ')})`,
        querystring: TemplateQuery,
      },
    },
    (request, reply) =>
      sendTemplate(reply, 'mau-nhap-don-vi', request.query.format, templateOf(request, 'unit')),
  );
  api.post(
    '/api/persons/import',
    { config: imports, schema: { ...importSchema, summary: 'Nhập cán bộ từ tệp XLSX/CSV' } },
    (request, reply) => runImport(request, reply, (source) => importPersons(db, callerOf(request), source)),
  );
  api.post(
    '/api/units/import',
    { config: imports, schema: { ...importSchema, summary: 'Nhập đơn vị từ tệp XLSX/CSV' } },
    (request, reply) => runImport(request, reply, (source) => importUnits(db, callerOf(request), source)),
  );
  api.get(
    '/api/persons/export',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Xuất danh sách cán bộ (XLSX)',
        querystring: PersonFilterQuery,
      },
    },
    async (request, reply) =>
      sendXlsxStream(
        request,
        reply,
        await exportPersons(db, callerOf(request), request.query),
        'danh-sach-can-bo.xlsx',
      ),
  );
  api.get(
    '/api/units/export',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Xuất danh sách đơn vị (XLSX)',
        querystring: UnitFilterQuery,
      },
    },
    async (request, reply) =>
      sendXlsxStream(
        request,
        reply,
        await exportUnits(db, callerOf(request), request.query),
        'danh-sach-don-vi.xlsx',
      ),
  );
}
