import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '#contracts/common.ts';
import {
  CreatePersonBody,
  PersonDetail,
  PersonListItem,
  PersonPage,
  PersonQuery,
  UpdatePersonBody,
} from '#contracts/organisation.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { resolveScope, WRITE_ROLES } from '../organisation.policy.ts';
import { callerOf, IdParams } from '../units/units.routes.ts';
import type { Caller } from '../units/units.service.ts';
import { presentPerson } from './persons.presenter.ts';
import { findPerson } from './persons.repo.ts';
import { createPerson, getPersonDetail, searchPersons, updatePerson } from './persons.service.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** People: search within scope, details with employment history, changes by officers. */
export function registerPersonRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];
  const officerScope = (caller: Caller) => resolveScope(db, caller.principal, WRITE_ROLES);
  const presentOne = async (caller: Caller, id: string) => {
    const row = await findPerson(db, id);
    if (!row) throw new Error('person vanished');
    return presentPerson(row, caller.principal, await officerScope(caller));
  };

  api.get(
    '/api/persons',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Tìm cán bộ (không dấu, từ bất kỳ thứ tự), theo phạm vi; phân trang theo vị trí',
        querystring: PersonQuery,
        response: { 200: PersonPage, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const [page, scope] = await Promise.all([
        searchPersons(db, caller, request.query),
        officerScope(caller),
      ]);
      return {
        items: page.rows.map((row) => presentPerson(row, caller.principal, scope)),
        next: page.next,
        prev: page.prev,
        total: page.total,
      };
    },
  );

  api.get(
    '/api/persons/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Hồ sơ cán bộ và quá trình công tác',
        params: IdParams,
        response: { 200: PersonDetail, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const detail = await getPersonDetail(db, caller, request.params.id);
      return {
        ...presentPerson(detail.row, caller.principal, detail.officerScope),
        employments: detail.employments,
      };
    },
  );

  api.post(
    '/api/persons',
    {
      config: { access: ['tdkt_officer'], idempotent: true },
      schema: {
        tags,
        summary: 'Thêm cán bộ',
        body: CreatePersonBody,
        response: { 201: PersonListItem, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const person = await createPerson(db, caller, request.body);
      reply.status(201);
      return presentOne(caller, person.id);
    },
  );

  api.patch(
    '/api/persons/:id',
    {
      config: { access: ['tdkt_officer'] },
      schema: {
        tags,
        summary: 'Sửa thông tin cán bộ',
        params: IdParams,
        body: UpdatePersonBody,
        response: { 200: PersonListItem, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      await withCurrentOnConflict(updatePerson(db, caller, id, request.body), () => presentOne(caller, id));
      return presentOne(caller, id);
    },
  );
}
