import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Account,
  AccountActiveBody,
  AccountGrantBody,
  AccountPage,
  AccountPersonBody,
  AccountQuery,
  CreateAccountBody,
  GrantableUnit,
  LinkablePerson,
  OneTimePasswordBody,
  OneTimePasswordReply,
  PickerQuery,
} from '#contracts/accounts.ts';
import { ErrorResponse, Uuid } from '#contracts/common.ts';
import { actorOf, requirePrincipal } from '#server/platform/auth/access.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { ACCOUNT_MANAGER_ROLES, accountScope } from './accounts.policy.ts';
import { searchGrantableUnits, searchLinkablePersons } from './accounts.repo.ts';
import {
  accountFor,
  createAccount,
  grantAccountRole,
  issueOneTimePassword,
  linkAccountPerson,
  listAccountsFor,
  revokeAccountRole,
  setAccountActive,
} from './accounts.service.ts';

const IdParams = z.object({ id: Uuid });
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/**
 * Account administration of the "Tài khoản" page: administrators everywhere, TĐKT officers on their
 * subtree for roles below theirs (accounts.policy.ts). Every change carries the account's version.
 */
export function registerAccountRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const access = ACCOUNT_MANAGER_ROLES;
  const caller = (request: Parameters<typeof actorOf>[0]) => ({
    principal: requirePrincipal(request),
    actor: actorOf(request),
  });
  /** The account as it now stands, for a 409 VERSION_CONFLICT reply. */
  const current = (request: Parameters<typeof actorOf>[0] & { params: { id: string } }) => () =>
    accountFor(db, requirePrincipal(request), request.params.id);

  api.get(
    '/api/accounts',
    {
      config: { access },
      schema: {
        tags: ['users'],
        summary: 'Danh sách tài khoản (phân trang theo con trỏ)',
        querystring: AccountQuery,
        response: { 200: AccountPage },
      },
    },
    async (request) => listAccountsFor(db, requirePrincipal(request), request.query),
  );

  api.post(
    '/api/accounts',
    {
      config: { access, idempotent: true },
      schema: {
        tags: ['users'],
        summary: 'Tạo tài khoản',
        body: CreateAccountBody,
        response: { 201: Account, ...errors },
      },
    },
    async (request, reply) => {
      const account = await createAccount(db, caller(request), request.body);
      reply.status(201);
      return account;
    },
  );

  api.post(
    '/api/accounts/:id/grants',
    {
      config: { access },
      schema: {
        tags: ['users'],
        summary: 'Cấp vai trò trên đơn vị',
        params: IdParams,
        body: AccountGrantBody,
        response: { 200: Account, ...errors },
      },
    },
    async (request) =>
      withCurrentOnConflict(
        grantAccountRole(db, caller(request), request.params.id, request.body),
        current(request),
      ),
  );

  api.post(
    '/api/accounts/:id/grants/revoke',
    {
      config: { access },
      schema: {
        tags: ['users'],
        summary: 'Thu hồi vai trò',
        params: IdParams,
        body: AccountGrantBody,
        response: { 200: Account, ...errors },
      },
    },
    async (request) =>
      withCurrentOnConflict(
        revokeAccountRole(db, caller(request), request.params.id, request.body),
        current(request),
      ),
  );

  api.post(
    '/api/accounts/:id/active',
    {
      config: { access },
      schema: {
        tags: ['users'],
        summary: 'Khoá hoặc mở khoá tài khoản',
        params: IdParams,
        body: AccountActiveBody,
        response: { 200: Account, ...errors },
      },
    },
    async (request) =>
      withCurrentOnConflict(
        setAccountActive(db, caller(request), request.params.id, request.body),
        current(request),
      ),
  );

  api.post(
    '/api/accounts/:id/person',
    {
      config: { access },
      schema: {
        tags: ['users'],
        summary: 'Gắn tài khoản với cán bộ',
        params: IdParams,
        body: AccountPersonBody,
        response: { 200: Account, ...errors },
      },
    },
    async (request) =>
      withCurrentOnConflict(
        linkAccountPerson(db, caller(request), request.params.id, request.body),
        current(request),
      ),
  );

  api.post(
    '/api/accounts/:id/one-time-password',
    {
      config: { access },
      schema: {
        tags: ['users'],
        summary: 'Cấp mật khẩu dùng một lần',
        params: IdParams,
        body: OneTimePasswordBody,
        response: { 200: OneTimePasswordReply, ...errors },
      },
    },
    async (request) =>
      withCurrentOnConflict(
        issueOneTimePassword(db, caller(request), request.params.id, request.body.version),
        current(request),
      ),
  );

  api.get(
    '/api/accounts/grantable-units',
    {
      config: { access },
      schema: {
        tags: ['users'],
        summary: 'Đơn vị có thể phân quyền',
        querystring: PickerQuery,
        response: { 200: z.array(GrantableUnit) },
      },
    },
    async (request) => searchGrantableUnits(db, request.query.q, accountScope(requirePrincipal(request))),
  );

  api.get(
    '/api/accounts/linkable-persons',
    {
      config: { access },
      schema: {
        tags: ['users'],
        summary: 'Cán bộ có thể gắn tài khoản',
        querystring: PickerQuery,
        response: { 200: z.array(LinkablePerson) },
      },
    },
    async (request) => searchLinkablePersons(db, request.query.q, accountScope(requirePrincipal(request))),
  );
}
