import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../../../../contracts/auth.ts';
import type { ActorContext } from '../audit/audit.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/app-error.ts';
import { assertRole, type Principal } from './policy.ts';
import { resolveSessionCached } from './session-cache.ts';

/** Who may call a route: anyone, any signed-in user, or holders of one of the roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export const SESSION_COOKIE = 'tdkt_session';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required access; routes that say nothing need a signed-in user. */
    access?: Access;
    /** Set false only for the login route, which has no session yet. */
    csrf?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    csrfToken: string | null;
  }
}

/** The signed-in user of a route that requires one. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return request.principal;
}

/** The actor of the request, for audit events. */
export function actorOf(request: FastifyRequest): ActorContext {
  return {
    userId: request.principal?.id ?? null,
    username: request.principal?.username ?? null,
    requestId: request.id,
    ip: request.ip,
  };
}

/**
 * The policy layer every route passes through: resolve the session from its cookie,
 * then no session → 401, a state change without the session's CSRF token → 403,
 * a missing role → 403. Scope (which units) is checked by each module's policy.
 */
export function registerAccessControl(app: FastifyInstance, db: Database): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  // preValidation: a caller without a session gets 401 before any body is judged.
  app.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config ?? {};
    // Only the API is guarded; the web app's files, the API description and unknown paths are public.
    const isApi = request.url.startsWith('/api/') && !request.url.startsWith('/api/docs') && !request.is404;
    const access: Access = isApi ? (config.access ?? 'signed-in') : 'public';
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSessionCached(db, token);
      if (session) {
        request.principal = session.principal;
        request.csrfToken = session.csrfToken;
      }
    }
    if (access === 'public') return;
    if (!request.principal) throw new AppError('UNAUTHENTICATED');
    if (STATE_CHANGING.has(request.method) && config.csrf !== false) {
      if (request.headers['x-csrf-token'] !== request.csrfToken) throw new AppError('CSRF_INVALID');
    }
    if (access !== 'signed-in') assertRole(request.principal, access);
  });
}
