// Public surface of the portal module: the public pages under /cong-khai (no sign-in).
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { registerPortalRoutes } from './portal.routes.ts';

/** The public portal's routes: home, exemplars, decisions, movements, share image, 404. */
export function registerPortalModule(app: FastifyInstance, context: ModuleContext): void {
  registerPortalRoutes(app, context);
}
