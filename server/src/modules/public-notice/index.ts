import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { registerCommentRoutes } from './comments/comments.routes.ts';
import { registerNoticeRoutes } from './notices/notices.routes.ts';
import { registerPublicPages } from './public-pages/public-pages.routes.ts';
import { registerNoticeTodos } from './todo/notice-todos.ts';

export { answerComment, receiveComment } from './comments/comments.service.ts';
export { vietnamToday } from './notices/notice-rules.ts';
export { assertNoticeSettled } from './notices/notice-settled.ts';
export { postNominees } from './notices/notices.service.ts';
export { listOpenNotices, type PublicNoticeView } from './public-pages/public-read.ts';

/** Public notice (công khai, lấy ý kiến): the office's routes, the public pages, the to-do items. */
export function registerPublicNoticeModule(app: FastifyInstance, context: ModuleContext): void {
  registerNoticeRoutes(app, context);
  registerCommentRoutes(app, context);
  registerPublicPages(app, context.db);
  registerNoticeTodos(context.todo);
}
