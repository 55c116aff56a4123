import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Role } from '#contracts/auth.ts';
import type { ActorContext } from '../audit/audit.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/app-error.ts';
import { assertRole, type Principal } from './policy.ts';
import { resolveSessionCached } from './session-cache.ts';

/** Who may call a route: anyone, any signed-in user, or holders of one of the roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export const SESSION_COOKIE = 'tdkt_session';
/** Methods that change nothing; every other method needs the session's CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Every route under /api must say so: registering one without it throws. */
    access?: Access;
    /** Set false only for the login route, which has no session yet. */
    csrf?: boolean;
    /** The route's Cache-Control header; API routes send `no-store` unless they set this. */
    cacheControl?: string;
    /**
     * True for the few signed-in routes a user holding a one-time password may call (change it, sign
     * out); every other non-public route answers 403 PASSWORD_CHANGE_REQUIRED until they change it.
     */
    openDuringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    csrfToken: string | null;
  }
  interface FastifyInstance {
    /** Access given to routes of this context that declare none (only the API documentation plugin). */
    routeAccessDefault?: Access;
  }
}

/** One registered route as the access layer saw it (for tests that walk every route). */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
  csrf: boolean;
}

const routeTables = new WeakMap<FastifyInstance, RouteAccess[]>();

/** Every route registered on the app, with the access it declared. */
export function listRoutes(app: FastifyInstance): readonly RouteAccess[] {
  return routeTables.get(app) ?? [];
}

/** True for a registered route pattern under /api (any letter case, so no spelling slips through). */
export function isApiPattern(url: string | undefined): boolean {
  return url !== undefined && /^\/api(\/|$)/i.test(url);
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

/** Throws at start-up unless the declared access is 'public', 'signed-in' or a non-empty list of roles. */
function checkedAccess(access: unknown, where: string): Access {
  if (access === 'public' || access === 'signed-in') return access;
  if (Array.isArray(access) && access.length && access.every((role) => Role.safeParse(role).success)) {
    return access as Role[];
  }
  throw new Error(
    `${where}: config.access must be 'public', 'signed-in' or a list of roles (got ${JSON.stringify(access)})`,
  );
}

/** True when the header carries exactly the session's CSRF token; compared in constant time. */
export function csrfTokenMatches(sent: unknown, expected: string | null): boolean {
  if (typeof sent !== 'string' || !sent || !expected) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

/**
 * Refuses, at registration, any route under /api that does not declare its access, and stamps
 * every other route (the web app's files) as public. Register before any route.
 */
function requireDeclaredAccess(app: FastifyInstance, table: RouteAccess[]): void {
  app.addHook('onRoute', function (route) {
    const where = `${route.method} ${route.url}`;
    const declared = route.config?.access ?? this.routeAccessDefault;
    if (declared === undefined && isApiPattern(route.url)) {
      throw new Error(`${where}: every route under /api must declare config.access`);
    }
    const access = declared === undefined ? 'public' : checkedAccess(declared, where);
    // Skipping the CSRF check is for a route without a session (login); never for a signed-in one.
    if (route.config?.csrf === false && access !== 'public') {
      throw new Error(`${where}: only a public route may declare csrf: false`);
    }
    route.config = { ...route.config, access };
    for (const method of [route.method].flat()) {
      table.push({ method, url: route.url, access, csrf: route.config.csrf !== false });
    }
  });
}

/**
 * The policy layer every request passes through, decided on the route that matched (its declared
 * access), never on the URL text: resolve the session from its cookie, then
 * no session → 401, a state change without the session's CSRF token → 403, a one-time password not
 * yet changed → 403 PASSWORD_CHANGE_REQUIRED (unless the route is open during the change), a
 * missing role → 403.
 * Scope (which units) is checked by each module's policy. Unknown paths reach the 404 handler.
 */
export function registerAccessControl(app: FastifyInstance, db: Database): void {
  const table: RouteAccess[] = [];
  routeTables.set(app, table);
  requireDeclaredAccess(app, table);
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  // onRequest: decided before any body is read, so a refused caller costs no parsing.
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const { access, csrf } = request.routeOptions.config;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSessionCached(db, token);
      if (session) {
        request.principal = session.principal;
        request.csrfToken = session.csrfToken;
      }
    }
    // A matched route always carries its access (stamped at registration); fail closed if not.
    if (access === undefined) throw new AppError('FORBIDDEN');
    if (access !== 'public' && !request.principal) throw new AppError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method) && csrf !== false) {
      if (!csrfTokenMatches(request.headers['x-csrf-token'], request.csrfToken)) {
        throw new AppError('CSRF_INVALID');
      }
    }
    if (
      access !== 'public' &&
      request.principal?.mustChangePassword &&
      request.routeOptions.config.openDuringPasswordChange !== true
    ) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (access !== 'public' && access !== 'signed-in') assertRole(request.principal as Principal, access);
  });
}
