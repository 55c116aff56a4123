import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery } from '#contracts/audit.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { presentAuditEvents } from './audit.presenter.ts';
import { listAuditEvents } from './audit.repo.ts';

/** Administrators browse and filter the audit trail. */
export function registerAuditRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit-events',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký hệ thống',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const page = await listAuditEvents(db, request.query);
      return {
        items: await presentAuditEvents(db, page.rows),
        next: page.next,
        prev: page.prev,
        total: page.total,
      };
    },
  );
}
