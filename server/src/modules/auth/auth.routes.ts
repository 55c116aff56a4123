import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChangePasswordBody, LoginBody, SessionResponse } from '#contracts/auth.ts';
import { ErrorResponse, OkResponse } from '#contracts/common.ts';
import { actorOf, requirePrincipal, SESSION_COOKIE } from '#server/platform/auth/access.ts';
import { SESSION_IDLE_MS } from '#server/platform/auth/session-store.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { changePassword, login, logout } from './auth.service.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Secure cookies everywhere except plain-HTTP development on this machine. */
function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: !LOCAL_HOSTS.has(request.hostname.replace(/:\d+$/, '')),
    maxAge: Math.floor(SESSION_IDLE_MS / 1000),
    signed: false,
  });
}

/** Sign in, sign out and the current session. */
export function registerAuthRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/auth/session',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Phiên đăng nhập hiện tại', response: { 200: SessionResponse } },
    },
    async (request) => {
      if (!request.principal) return { user: null, csrfToken: null };
      const { scopedGrants: _scoped, ...user } = request.principal;
      return { user, csrfToken: request.csrfToken };
    },
  );

  api.post(
    '/api/auth/login',
    {
      config: { access: 'public', csrf: false },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập',
        body: LoginBody,
        response: { 200: SessionResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = await login(db, request.body, {
        ...actorOf(request),
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(request, reply, result.token);
      const { scopedGrants: _scoped, ...user } = result.principal;
      return { user, csrfToken: result.csrfToken };
    },
  );

  api.post(
    '/api/auth/logout',
    {
      config: { access: 'signed-in', openDuringPasswordChange: true },
      schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: OkResponse } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(db, token, actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  api.post(
    '/api/auth/password',
    {
      config: { access: 'signed-in', openDuringPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu của mình',
        body: ChangePasswordBody,
        response: { 200: SessionResponse, 400: ErrorResponse },
      },
    },
    async (request) => {
      const principal = await changePassword(
        db,
        requirePrincipal(request),
        request.cookies[SESSION_COOKIE] ?? '',
        request.body,
        actorOf(request),
      );
      const { scopedGrants: _scoped, ...user } = principal;
      return { user, csrfToken: request.csrfToken };
    },
  );
}
