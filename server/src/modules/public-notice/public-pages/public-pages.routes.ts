import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PublicCommentForm } from '#contracts/public-notice.ts';
import { actorOf } from '#server/platform/auth/access.ts';
import type { Database } from '#server/platform/db/client.ts';
import { AppError, RetryLaterError } from '#server/platform/http/app-error.ts';
import { receiveComment } from '../comments/comments.service.ts';
import { addressHashOf, checkCommentToken, formNonceOf, signCommentToken } from '../comments/form-token.ts';
import { vietnamToday } from '../notices/notice-rules.ts';
import { type FormState, LIST_PATH, noticePath, renderGone, renderList, renderNotice } from './pages.ts';
import { findOpenNotice, isUuid, listOpenNotices, publishedComments } from './public-read.ts';

const CURSOR = /^[A-Za-z0-9_-]{1,2000}$/;
const GONE = 'Thông báo này không có hoặc không còn trong thời gian lấy ý kiến.';
/** Public, no session needed; the comment form carries its own signed token instead of the session's. */
const PUBLIC = { access: 'public', csrf: false } as const;

const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
const html = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).type('text/html; charset=utf-8').send(body);
const hostOf = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};
const field = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? (body[name] as string) : '';

/**
 * The public pages of the notices (no sign-in, rendered on the server, no script): the list of notices
 * open for comment, one notice with its comment form, and the form's POST (redirect on success, the
 * page again with the reason and the typed text on a refusal).
 */
export function registerPublicPages(app: FastifyInstance, db: Database): void {
  app.register(async (scope) => {
    // Forms post url-encoded bodies; parsed here only, and kept small.
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 32 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );

    scope.get(
      LIST_PATH,
      { config: { ...PUBLIC, cacheControl: 'public, max-age=60' }, schema: { hide: true } },
      async (request, reply) => {
        const query = request.query as Record<string, unknown>;
        const pick = (name: string) => {
          const value = query[name];
          return typeof value === 'string' && CURSOR.test(value) ? value : undefined;
        };
        const position = { after: pick('sau'), before: pick('truoc') };
        const today = vietnamToday();
        const page = await listOpenNotices(db, today, position).catch((error) => {
          if (error instanceof AppError) return listOpenNotices(db, today, {});
          throw error;
        });
        return html(reply, 200, renderList(originOf(request), page));
      },
    );

    const showNotice = async (
      request: FastifyRequest,
      reply: FastifyReply,
      status: number,
      form: Omit<FormState, 'token'>,
    ) => {
      const { id } = request.params as { id: string };
      const notice = isUuid(id) ? await findOpenNotice(db, id, vietnamToday()) : null;
      if (!notice) return html(reply, status === 200 ? 404 : status, renderGone(originOf(request), GONE));
      const comments = await publishedComments(db, id);
      const token = signCommentToken(app, id);
      return html(reply, status, renderNotice(originOf(request), notice, comments, { ...form, token }));
    };

    scope.get(
      `${LIST_PATH}/:id`,
      { config: { ...PUBLIC, cacheControl: 'no-cache' }, schema: { hide: true } },
      (request, reply) => {
        const sent = (request.query as Record<string, unknown>)['da-gui'] === '1';
        return showNotice(request, reply, 200, {
          ...(sent
            ? {
                notice: {
                  kind: 'ok' as const,
                  text: 'Cảm ơn bạn. Ý kiến đã được ghi nhận và sẽ được xem xét trước khi công bố.',
                },
              }
            : {}),
        });
      },
    );

    scope.post(
      `${LIST_PATH}/:id/y-kien`,
      { config: { ...PUBLIC, cacheControl: 'no-store' }, schema: { hide: true } },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const body =
          request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
        const values = {
          authorName: field(body, 'authorName'),
          contact: field(body, 'contact'),
          body: field(body, 'body'),
        };
        const refuse = (status: number, text: string) =>
          showNotice(request, reply, status, { values, notice: { kind: 'error', text } });
        if (!isUuid(id)) return html(reply, 404, renderGone(originOf(request), GONE));
        // A form posted from another site is refused: browsers name the page the form came from.
        const origin = request.headers.origin;
        if (origin && origin !== 'null' && hostOf(origin) !== request.host)
          return refuse(403, 'Biểu mẫu phải được gửi từ chính trang này.');
        if (field(body, 'website'))
          return refuse(400, 'Không gửi được ý kiến. Vui lòng để trống các ô ẩn và gửi lại.');
        const token = checkCommentToken(app, body.token, id);
        if (!token.ok) return refuse(400, token.message);
        const parsed = PublicCommentForm.safeParse(values);
        if (!parsed.success)
          return refuse(
            400,
            `Ý kiến chưa gửi được: ${[...new Set(parsed.error.issues.map((issue) => issue.message))].join('; ')}.`,
          );
        try {
          await receiveComment(db, id, parsed.data, {
            actor: actorOf(request),
            addressHash: addressHashOf(app, request.ip),
            formNonce: formNonceOf(token.nonce, parsed.data.authorName, parsed.data.body),
          });
        } catch (error) {
          if (error instanceof RetryLaterError) {
            reply.header('retry-after', String(error.retryAfterSeconds));
            return refuse(429, error.message);
          }
          if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND'))
            return html(
              reply,
              error.code === 'CONFLICT' ? 409 : 404,
              renderGone(originOf(request), error.message),
            );
          throw error;
        }
        return reply
          .status(303)
          .header('location', `${noticePath(id)}?da-gui=1#y-kien`)
          .send();
      },
    );
  });
}
