import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AnswerCommentBody,
  ModerateCommentBody,
  PublicComment,
  PublicCommentPage,
  PublicCommentQuery,
  type PublicCommentStatus,
} from '#contracts/public-notice.ts';
import type { Database } from '#server/platform/db/client.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { callerOf, errors, IdParams } from '../notices/notices.routes.ts';
import { NOTICE_READ_ROLES, NOTICE_WRITE_ROLES } from '../public-notice.policy.ts';
import {
  answerComment,
  type CommentRow,
  findComment,
  moderateComment,
  searchComments,
} from './comments.service.ts';

/** A comment as the office sees it. */
export function presentComment({ comment, answeredByName }: CommentRow): PublicComment {
  return {
    id: comment.id,
    noticeId: comment.noticeId,
    authorName: comment.authorName,
    contact: comment.contact,
    body: comment.body,
    status: comment.status as PublicCommentStatus,
    answer: comment.answer,
    answeredAt: comment.answeredAt?.toISOString() ?? null,
    answeredBy: answeredByName,
    createdAt: comment.createdAt.toISOString(),
    version: comment.version,
  };
}

async function commentDetail(db: Database, id: string) {
  const row = await findComment(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy ý kiến góp ý.');
  return presentComment(row);
}

/** The office's routes of comments: a notice's comments, answer, publish, hide. */
export function registerCommentRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public-notice'];

  api.get(
    '/api/public-notices/:id/comments',
    {
      config: { access: NOTICE_READ_ROLES },
      schema: {
        tags,
        summary: 'Ý kiến góp ý về một thông báo công khai (mọi trạng thái)',
        params: IdParams,
        querystring: PublicCommentQuery,
        response: { 200: PublicCommentPage, ...errors },
      },
    },
    async (request) => {
      const page = await searchComments(db, callerOf(request), request.params.id, request.query);
      return { ...page, items: page.rows.map(presentComment) };
    },
  );
  api.post(
    '/api/public-comments/:id/answer',
    {
      config: { access: NOTICE_WRITE_ROLES },
      schema: {
        tags,
        summary: 'Trả lời ý kiến góp ý',
        params: IdParams,
        body: AnswerCommentBody,
        response: { 200: PublicComment, ...errors },
      },
    },
    async (request) => {
      const current = () => commentDetail(db, request.params.id);
      await withCurrentOnConflict(
        answerComment(db, callerOf(request), request.params.id, request.body),
        current,
      );
      return current();
    },
  );
  for (const [path, status, summary] of [
    ['publish', 'published', 'Công bố ý kiến trên trang công khai'],
    ['hide', 'hidden', 'Không công bố ý kiến'],
  ] as const) {
    api.post(
      `/api/public-comments/:id/${path}`,
      {
        config: { access: NOTICE_WRITE_ROLES },
        schema: {
          tags,
          summary,
          params: IdParams,
          body: ModerateCommentBody,
          response: { 200: PublicComment, ...errors },
        },
      },
      async (request) => {
        const current = () => commentDetail(db, request.params.id);
        await withCurrentOnConflict(
          moderateComment(db, callerOf(request), request.params.id, status, request.body.version),
          current,
        );
        return current();
      },
    );
  }
}
