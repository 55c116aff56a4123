import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '#contracts/common.ts';
import { TodoList, TodoQuery } from '#contracts/todo.ts';
import { requirePrincipal } from '#server/platform/auth/access.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';

const isoToday = () => new Date().toISOString().slice(0, 10);

/**
 * `GET /api/todo`: the signed-in user's "Việc cần làm", gathered from every module's provider in
 * the registry (the route knows none of them).
 */
export function registerTodoRoutes(app: FastifyInstance, { db, todo }: ModuleContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/todo',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['todo'],
        summary: 'Việc cần làm của tôi',
        description:
          'Việc đang chờ người dùng (kế hoạch phải ban hành, đăng ký chờ duyệt, nhiệm vụ, mốc tiến độ…), việc quá hạn trước rồi theo hạn; kèm số việc theo loại.',
        querystring: TodoQuery,
        response: { 200: TodoList, 401: ErrorResponse },
      },
    },
    async (request) =>
      todo.list(db, requirePrincipal(request), { today: isoToday(), limit: request.query.limit }),
  );
}
