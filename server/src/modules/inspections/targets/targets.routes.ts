import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, Uuid } from '#contracts/common.ts';
import {
  FindingBody,
  FollowUpBody,
  RemedyCreateBody,
  TargetUpdateBody,
  TargetView,
  VersionBody,
  VersionQuery,
} from '#contracts/inspections.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import { inspectionRemedies } from '#server/platform/db/schema.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { receiveUploadedFile } from '#server/platform/http/uploads.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { getTargetRow } from '../inspections.repo.ts';
import { noticeDocx } from '../notice/notice.docx.ts';
import { issueNotice } from '../notice/notice-issue.service.ts';
import { attachEvidence, loadEvidence, reportFollowUp } from './follow-up.service.ts';
import { addRemedy, getTarget, recordFinding, targetFor, updateTarget } from './target.service.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const FindingParams = z.object({
  id: Uuid,
  itemId: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Mã nội dung không hợp lệ'),
});

const send = (reply: FastifyReply, file: { contentType: string; fileName: string; buffer: Buffer }) =>
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.buffer);

/** One inspected unit: findings, recommendations, remedies, the unit's follow-up and the conclusion notice. */
export function registerInspectionTargetRoutes(app: FastifyInstance, { db, files }: ModuleContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inspections'];
  const signedIn = { access: 'signed-in' as const };
  const view = (request: Parameters<typeof callerOf>[0], id: string) => getTarget(db, callerOf(request), id);
  const schema = <T extends object>(summary: string, extra: T) => ({ tags, summary, ...extra });
  const change = async (request: Parameters<typeof callerOf>[0], id: string, work: Promise<unknown>) => {
    await withCurrentOnConflict(work, () => view(request, id));
    return view(request, id);
  };
  /** The target a remedy belongs to (for the view answered after a follow-up). */
  const targetOfRemedy = async (remedyId: string) => {
    const [row] = await db
      .select({ targetId: inspectionRemedies.targetId })
      .from(inspectionRemedies)
      .where(eq(inspectionRemedies.id, remedyId));
    return row?.targetId as string;
  };

  api.get(
    '/api/inspection-targets/:id',
    {
      config: signedIn,
      schema: schema('Kết quả kiểm tra một đơn vị', {
        params: IdParams,
        response: { 200: TargetView, ...errors },
      }),
    },
    (request) => view(request, request.params.id),
  );
  api.patch(
    '/api/inspection-targets/:id',
    {
      config: signedIn,
      schema: schema('Sửa ngày kiểm tra, kết luận, kiến nghị', {
        params: IdParams,
        body: TargetUpdateBody,
        response: { 200: TargetView, ...errors },
      }),
    },
    (request) =>
      change(
        request,
        request.params.id,
        updateTarget(db, callerOf(request), request.params.id, request.body),
      ),
  );
  api.put(
    '/api/inspection-targets/:id/findings/:itemId',
    {
      config: signedIn,
      schema: schema('Ghi kết quả kiểm tra một nội dung', {
        params: FindingParams,
        body: FindingBody,
        response: { 200: TargetView, ...errors },
      }),
    },
    (request) => {
      const { id, itemId } = request.params;
      return change(request, id, recordFinding(db, callerOf(request), id, itemId, request.body));
    },
  );
  api.post(
    '/api/inspection-targets/:id/remedies',
    {
      config: signedIn,
      schema: schema('Yêu cầu đơn vị khắc phục', {
        params: IdParams,
        body: RemedyCreateBody,
        response: { 200: TargetView, ...errors },
      }),
    },
    (request) =>
      change(request, request.params.id, addRemedy(db, callerOf(request), request.params.id, request.body)),
  );
  api.post(
    '/api/inspection-remedies/:id/follow-up',
    {
      config: signedIn,
      schema: schema('Đơn vị báo cáo kết quả khắc phục', {
        params: IdParams,
        body: FollowUpBody,
        response: { 200: TargetView, ...errors },
      }),
    },
    async (request) => {
      const { id } = request.params;
      const work = reportFollowUp(db, callerOf(request), id, request.body);
      await withCurrentOnConflict(work, async () => view(request, await targetOfRemedy(id)));
      return view(request, await targetOfRemedy(id));
    },
  );
  api.post(
    '/api/inspection-remedies/:id/evidence',
    {
      config: signedIn,
      schema: schema('Đính kèm minh chứng khắc phục (PDF, DOCX, XLSX, JPEG, PNG; trường "file")', {
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: VersionQuery,
        response: { 200: TargetView, 413: ErrorResponse, 415: ErrorResponse, ...errors },
      }),
    },
    async (request) => {
      const { id } = request.params;
      const upload = await receiveUploadedFile(request, 'Chưa chọn tệp minh chứng (trường "file").');
      const work = attachEvidence(db, files, callerOf(request), id, request.query.version, upload);
      await withCurrentOnConflict(work, async () => view(request, await targetOfRemedy(id)));
      return view(request, await targetOfRemedy(id));
    },
  );
  api.get(
    '/api/inspection-remedies/:id/evidence',
    {
      config: signedIn,
      schema: schema('Tải minh chứng khắc phục', {
        params: IdParams,
        response: { 403: ErrorResponse, 404: ErrorResponse },
      }),
    },
    async (request, reply) =>
      send(reply, await loadEvidence(db, files, callerOf(request), request.params.id)),
  );
  api.post(
    '/api/inspection-targets/:id/notice/issue',
    {
      config: signedIn,
      schema: schema('Ban hành thông báo kết luận kiểm tra (cấp số)', {
        params: IdParams,
        body: VersionBody,
        response: { 200: TargetView, ...errors },
      }),
    },
    (request) =>
      change(
        request,
        request.params.id,
        issueNotice(db, callerOf(request), request.params.id, request.body.version),
      ),
  );
  api.get(
    '/api/inspection-targets/:id/notice',
    {
      config: signedIn,
      schema: schema('Tải thông báo kết luận kiểm tra (DOCX)', {
        params: IdParams,
        response: { 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      }),
    },
    async (request, reply) => {
      const { row } = await targetFor(db, callerOf(request), request.params.id, 'read');
      return send(reply, await noticeDocx(db, await getTargetRow(db, row.target.id)));
    },
  );
}
