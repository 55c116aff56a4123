import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AdvanceBody, EntryBody, ScoringSheetView, SheetVersionQuery } from '#contracts/bloc-scoring.ts';
import { ErrorResponse, Uuid } from '#contracts/common.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { receiveUploadedFile } from '#server/platform/http/uploads.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { attachEntryEvidence, loadEntryEvidence } from './evidence.service.ts';
import { advanceSheet, getSheetView, putEntry } from './sheets.service.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const EntryParams = z.object({ id: Uuid, criterionId: Uuid });

const send = (reply: FastifyReply, file: { contentType: string; fileName: string; buffer: Buffer }) =>
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.buffer);

/** A member unit's scoring sheet: read it whole, enter or review a criterion, evidence, move it a step. */
export function registerScoringSheetRoutes(app: FastifyInstance, { db, files }: ModuleContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['bloc-scoring'];
  const signedIn = { access: 'signed-in' as const };
  const schema = <T extends object>(summary: string, extra: T) => ({ tags, summary, ...extra });
  const view = (request: Parameters<typeof callerOf>[0], id: string) =>
    getSheetView(db, callerOf(request), id);

  api.get(
    '/api/scoring-sheets/:id',
    {
      config: signedIn,
      schema: schema('Bảng điểm của một đơn vị', {
        params: IdParams,
        response: { 200: ScoringSheetView, ...errors },
      }),
    },
    (request) => view(request, request.params.id),
  );
  api.put(
    '/api/scoring-sheets/:id/entries/:criterionId',
    {
      config: signedIn,
      schema: schema('Tự chấm, chấm lại hoặc giải trình một tiêu chí', {
        params: EntryParams,
        body: EntryBody,
        response: { 200: ScoringSheetView, ...errors },
      }),
    },
    async (request) => {
      const { id, criterionId } = request.params;
      await withCurrentOnConflict(putEntry(db, callerOf(request), id, criterionId, request.body), () =>
        view(request, id),
      );
      return view(request, id);
    },
  );
  api.post(
    '/api/scoring-sheets/:id/entries/:criterionId/evidence',
    {
      config: { ...signedIn, idempotent: true },
      schema: schema('Đính kèm minh chứng cho một tiêu chí (PDF, DOCX, XLSX, JPEG, PNG; trường "file")', {
        consumes: ['multipart/form-data'],
        params: EntryParams,
        querystring: SheetVersionQuery,
        response: { 200: ScoringSheetView, 413: ErrorResponse, 415: ErrorResponse, ...errors },
      }),
    },
    async (request) => {
      const { id, criterionId } = request.params;
      const upload = await receiveUploadedFile(request, 'Chưa chọn tệp minh chứng (trường "file").');
      const target = { sheetId: id, criterionId, version: request.query.version };
      await withCurrentOnConflict(attachEntryEvidence(db, files, callerOf(request), target, upload), () =>
        view(request, id),
      );
      return view(request, id);
    },
  );
  api.get(
    '/api/scoring-evidence/:id',
    {
      config: signedIn,
      schema: schema('Tải tệp minh chứng chấm điểm', {
        params: IdParams,
        response: { 403: ErrorResponse, 404: ErrorResponse },
      }),
    },
    async (request, reply) =>
      send(reply, await loadEntryEvidence(db, files, callerOf(request), request.params.id)),
  );
  api.post(
    '/api/scoring-sheets/:id/advance',
    {
      config: signedIn,
      schema: schema('Chuyển bảng điểm sang bước sau (gửi, xong chấm lần 1, xong giải trình, chốt điểm)', {
        params: IdParams,
        body: AdvanceBody,
        response: { 200: ScoringSheetView, ...errors },
      }),
    },
    async (request) => {
      const { id } = request.params;
      await withCurrentOnConflict(advanceSheet(db, callerOf(request), id, request.body.version), () =>
        view(request, id),
      );
      return view(request, id);
    },
  );
}
