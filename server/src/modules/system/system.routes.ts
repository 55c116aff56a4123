import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthResponse } from '#contracts/health.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { appVersion } from '#server/platform/version.ts';

/** Liveness for load balancers and people: the engine in use and the version. */
export function registerSystemRoutes(app: FastifyInstance, { dbKind }: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'Tình trạng hệ thống', response: { 200: HealthResponse } },
    },
    async () => ({ status: 'ok' as const, db: dbKind, version: appVersion }),
  );
}
