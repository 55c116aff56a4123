import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '#contracts/common.ts';
import {
  ExemplarAwardBody,
  ExemplarAwardOptions,
  ExemplarFileQuery,
  ExemplarVersionQuery,
  ExemplarView,
  ReplicationBody,
} from '#contracts/exemplars.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { receiveUploadedFile } from '#server/platform/http/uploads.ts';
import { changeOf, errors } from '../exemplars.routes.ts';
import { addExemplarFile, loadExemplarFile, removeExemplarFile } from './exemplar-files.service.ts';
import {
  addReplication,
  awardOptions,
  linkAward,
  removeReplication,
  unlinkAward,
} from './exemplar-links.service.ts';

const Mark = z.string().uuid('Mã không hợp lệ');
const FileParams = IdParams.extend({ fileId: Mark });
const ReplicationParams = IdParams.extend({ replicationId: Mark });
const AwardParams = IdParams.extend({ linkId: Mark });

const send = (reply: FastifyReply, file: { contentType: string; fileName: string; data: Buffer }) =>
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.data);

/** An exemplar's photos and documents, replicating units and the awards it led to. */
export function registerExemplarPartRoutes(app: FastifyInstance, { db, files }: ModuleContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['exemplars'];
  const officers = { access: ['tdkt_officer' as const] };
  const change = changeOf(db);
  const withView = { 200: ExemplarView, ...errors };

  api.post(
    '/api/exemplars/:id/files',
    {
      config: { ...officers, idempotent: true },
      schema: {
        tags,
        summary: 'Tải lên hình ảnh (JPEG, PNG) hoặc tài liệu (PDF, DOCX) của điển hình; trường "file"',
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: ExemplarFileQuery,
        response: { 201: ExemplarView, ...errors, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request, reply) => {
      const upload = await receiveUploadedFile(request, 'Chưa chọn tệp (trường "file").');
      const { id } = request.params;
      reply.status(201);
      return change(request, id, addExemplarFile(db, files, callerOf(request), id, request.query, upload));
    },
  );
  api.get(
    '/api/exemplars/:id/files/:fileId/content',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Tải xuống tệp của điển hình', params: FileParams },
    },
    async (request, reply) =>
      send(
        reply,
        await loadExemplarFile(db, files, callerOf(request), request.params.id, request.params.fileId),
      ),
  );
  api.delete(
    '/api/exemplars/:id/files/:fileId',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Xóa tệp của điển hình',
        params: FileParams,
        querystring: ExemplarVersionQuery,
        response: withView,
      },
    },
    (request) => {
      const { id, fileId } = request.params;
      return change(
        request,
        id,
        removeExemplarFile(db, files, callerOf(request), id, fileId, request.query.version),
      );
    },
  );
  api.post(
    '/api/exemplars/:id/replications',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Ghi nhận đơn vị nhân rộng',
        params: IdParams,
        body: ReplicationBody,
        response: withView,
      },
    },
    (request) =>
      change(
        request,
        request.params.id,
        addReplication(db, callerOf(request), request.params.id, request.body),
      ),
  );
  api.delete(
    '/api/exemplars/:id/replications/:replicationId',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Bỏ đơn vị nhân rộng',
        params: ReplicationParams,
        querystring: ExemplarVersionQuery,
        response: withView,
      },
    },
    (request) => {
      const { id, replicationId } = request.params;
      return change(
        request,
        id,
        removeReplication(db, callerOf(request), id, replicationId, request.query.version),
      );
    },
  );
  api.get(
    '/api/exemplars/:id/award-options',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Khen thưởng của cá nhân, tập thể điển hình (để gắn)',
        params: IdParams,
        response: { 200: ExemplarAwardOptions, ...errors },
      },
    },
    (request) => awardOptions(db, callerOf(request), request.params.id),
  );
  api.post(
    '/api/exemplars/:id/awards',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Gắn khen thưởng với điển hình',
        params: IdParams,
        body: ExemplarAwardBody,
        response: withView,
      },
    },
    (request) => {
      const { id } = request.params;
      const { awardReceivedId, version } = request.body;
      return change(request, id, linkAward(db, callerOf(request), id, awardReceivedId, version));
    },
  );
  api.delete(
    '/api/exemplars/:id/awards/:linkId',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Bỏ khen thưởng khỏi điển hình',
        params: AwardParams,
        querystring: ExemplarVersionQuery,
        response: withView,
      },
    },
    (request) => {
      const { id, linkId } = request.params;
      return change(request, id, unlinkAward(db, callerOf(request), id, linkId, request.query.version));
    },
  );
}
