import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, OkResponse } from '#contracts/common.ts';
import {
  DeleteDossierQuery,
  DossierChecklist,
  DossierFile,
  DossierFilePage,
  DossierFileQuery,
  UploadDossierQuery,
} from '#contracts/nomination-dossier.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { receiveUploadedFile } from '#server/platform/http/uploads.ts';
import { callerOf, IdParams } from '../rounds/rounds.routes.ts';
import { achievementReportDocx } from './achievement-report.service.ts';
import { findDossierFile, listDossierFiles, presentDossierFile } from './dossier.repo.ts';
import { deleteDossierFile, loadDossierFile, uploadDossierFile } from './dossier.service.ts';
import { DOSSIER_READ_ROLES, getDossierNomination } from './dossier-access.ts';
import { dossierView } from './dossier-view.ts';

const errors = {
  400: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  413: ErrorResponse,
  415: ErrorResponse,
};
const FileParams = IdParams.extend({ fileId: z.string().uuid('Mã không hợp lệ') });
const NomineeParams = IdParams.extend({ nomineeId: z.string().uuid('Mã không hợp lệ') });

const send = (reply: FastifyReply, file: { contentType: string; fileName: string; data: Buffer }) =>
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.data);

/** The dossier (hồ sơ) of a tờ trình: checklist, files (upload, list, download, delete), report draft. */
export function registerDossierRoutes(app: FastifyInstance, { db, files }: ModuleContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['nominations'];
  const readers = { access: [...DOSSIER_READ_ROLES] };
  const officers = { access: ['tdkt_officer' as const] };

  const fileOut = async (nominationId: string, fileId: string) => {
    const row = await findDossierFile(db, nominationId, fileId);
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp hồ sơ.');
    return presentDossierFile(row);
  };

  api.get(
    '/api/nominations/:id/dossier',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Hồ sơ tờ trình: thành phần cần có của từng đối tượng, đã có hay còn thiếu',
        params: IdParams,
        response: { 200: DossierChecklist, ...errors },
      },
    },
    (request) => dossierView(db, callerOf(request), request.params.id),
  );
  api.get(
    '/api/nominations/:id/files',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Các tệp hồ sơ của tờ trình',
        params: IdParams,
        querystring: DossierFileQuery,
        response: { 200: DossierFilePage, ...errors },
      },
    },
    async (request) => {
      await getDossierNomination(db, callerOf(request), request.params.id);
      const page = await listDossierFiles(db, request.params.id, request.query);
      return {
        items: page.rows.map(presentDossierFile),
        next: page.next,
        prev: page.prev,
        total: page.total,
      };
    },
  );
  api.post(
    '/api/nominations/:id/files',
    {
      config: { ...officers, idempotent: true },
      schema: {
        tags,
        summary: 'Tải lên tệp hồ sơ (PDF, DOCX, XLSX, JPEG, PNG; trường "file")',
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: UploadDossierQuery,
        response: { 201: DossierFile, ...errors },
      },
    },
    async (request, reply) => {
      const upload = await receiveUploadedFile(request, 'Chưa chọn tệp hồ sơ (trường "file").');
      const id = await uploadDossierFile(db, files, callerOf(request), request.params.id, request.query, {
        fileName: upload.fileName,
        buffer: upload.buffer,
      });
      reply.status(201);
      return fileOut(request.params.id, id);
    },
  );
  api.get(
    '/api/nominations/:id/files/:fileId/content',
    {
      config: readers,
      schema: { tags, summary: 'Tải xuống tệp hồ sơ', params: FileParams },
    },
    async (request, reply) =>
      send(
        reply,
        await loadDossierFile(db, files, callerOf(request), request.params.id, request.params.fileId),
      ),
  );
  api.delete(
    '/api/nominations/:id/files/:fileId',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Xóa tệp hồ sơ (tờ trình đang soạn hoặc bị trả lại)',
        params: FileParams,
        querystring: DeleteDossierQuery,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      const { id, fileId } = request.params;
      await deleteDossierFile(db, files, callerOf(request), id, fileId, request.query.version);
      return { ok: true as const };
    },
  );
  api.get(
    '/api/nominations/:id/nominees/:nomineeId/achievement-report',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Dự thảo báo cáo thành tích (DOCX) từ dữ liệu thi đua, khen thưởng của đối tượng',
        params: NomineeParams,
      },
    },
    async (request, reply) => {
      const { id, nomineeId } = request.params;
      const report = await achievementReportDocx(db, callerOf(request), id, nomineeId);
      return send(reply, { ...report, data: report.buffer });
    },
  );
  api.post(
    '/api/nominations/:id/nominees/:nomineeId/achievement-report',
    {
      config: { ...officers, idempotent: true },
      schema: {
        tags,
        summary: 'Lập dự thảo báo cáo thành tích và đưa vào hồ sơ của đối tượng',
        params: NomineeParams,
        response: { 201: DossierFile, ...errors },
      },
    },
    async (request, reply) => {
      const { id, nomineeId } = request.params;
      const caller = callerOf(request);
      const report = await achievementReportDocx(db, caller, id, nomineeId);
      const fileId = await uploadDossierFile(
        db,
        files,
        caller,
        id,
        { component: 'bao_cao_thanh_tich', nomineeId },
        report,
        'nomination_file.generate',
      );
      reply.status(201);
      return fileOut(id, fileId);
    },
  );
}
