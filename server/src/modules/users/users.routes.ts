import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Role } from '#contracts/auth.ts';
import { ErrorResponse } from '#contracts/common.ts';
import { CreateUserBody, UserListItem, UserPage, UserQuery } from '#contracts/users.ts';
import { actorOf } from '#server/platform/auth/access.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { listUsers } from './users.repo.ts';
import { createUser } from './users.service.ts';

/** Account administration (administrators only). */
export function registerUserRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['users'],
        summary: 'Danh sách tài khoản',
        querystring: UserQuery,
        response: { 200: UserPage },
      },
    },
    async (request) => {
      const { rows, grants, total, next, prev } = await listUsers(db, request.query);
      return {
        total,
        next,
        prev,
        items: rows.map((row) => ({
          ...row,
          createdAt: row.createdAt.toISOString(),
          grants: grants
            .filter((grant) => grant.userId === row.id)
            .map((grant) => ({ role: grant.role as Role, unitId: grant.unitId, unitName: grant.unitName })),
        })),
      };
    },
  );

  api.post(
    '/api/users',
    {
      config: { access: ['admin'], idempotent: true },
      schema: {
        tags: ['users'],
        summary: 'Tạo tài khoản',
        body: CreateUserBody,
        response: { 201: UserListItem, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = await createUser(db, request.body, actorOf(request));
      reply.status(201);
      return {
        ...user,
        isActive: true,
        createdAt: user.createdAt.toISOString(),
        grants: [{ role: request.body.role, unitId: request.body.unitId, unitName: null }],
      };
    },
  );
}
