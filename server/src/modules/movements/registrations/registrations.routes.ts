import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ConsolidateBody,
  CreateRegistrationBody,
  type PledgeTarget,
  Registration,
  type RegistrationKind,
  RegistrationPage,
  RegistrationQuery,
  type RegistrationStatus,
  ReturnBody,
  UpdateRegistrationBody,
} from '#contracts/movements.ts';
import type { Principal } from '#server/platform/auth/policy.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import type { MovementWithUnit } from '../movements.repo.ts';
import { callerOf, errors, IdParams, officerCreates } from '../movements.routes.ts';
import { registrationActions } from './registrations.policy.ts';
import type { RegistrationWithNames } from './registrations.repo.ts';
import {
  consolidateRegistrations,
  createRegistration,
  getRegistrationFor,
  moveRegistration,
  searchRegistrations,
} from './registrations.service.ts';

/** A registration as the API shows it, with what this user may do next. */
function presentRegistration(
  row: RegistrationWithNames,
  principal: Principal,
  launchingUnitPath: string,
): Registration {
  const { registration } = row;
  return {
    id: registration.id,
    movementId: registration.movementId,
    kind: registration.kind as RegistrationKind,
    unit: { id: registration.unitId, name: row.unitName },
    person: registration.personId ? { id: registration.personId, fullName: row.personName ?? '' } : null,
    status: registration.status as RegistrationStatus,
    pledge: registration.pledge,
    targets: registration.targets as PledgeTarget[],
    submittedAt: registration.submittedAt?.toISOString() ?? null,
    decidedAt: registration.decidedAt?.toISOString() ?? null,
    returnReason: registration.returnReason,
    includedIds: registration.includedIds as string[],
    actions: registrationActions(principal, row, launchingUnitPath),
    version: registration.version,
  };
}

/** Registrations (đăng ký thi đua): register, consolidate, submit, approve, return. */
export function registerRegistrationRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registrations'];
  const one = async (request: Parameters<typeof callerOf>[0], id: string) => {
    const caller = callerOf(request);
    const { row, movement } = await getRegistrationFor(db, caller, id);
    return presentRegistration(row, caller.principal, movement.unitPath);
  };
  const present = (
    request: Parameters<typeof callerOf>[0],
    row: RegistrationWithNames,
    movement: MovementWithUnit,
  ) => presentRegistration(row, callerOf(request).principal, movement.unitPath);

  api.get(
    '/api/movements/:id/registrations',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Đăng ký thi đua của phong trào (trong phạm vi)',
        params: IdParams,
        querystring: RegistrationQuery,
        response: { 200: RegistrationPage, ...errors },
      },
    },
    async (request) => {
      const { movement, page } = await searchRegistrations(
        db,
        callerOf(request),
        request.params.id,
        request.query,
      );
      return {
        total: page.total,
        next: page.next,
        prev: page.prev,
        items: page.rows.map((row) => present(request, row, movement)),
      };
    },
  );

  api.post(
    '/api/movements/:id/registrations',
    {
      config: { access: 'signed-in', idempotent: true },
      schema: {
        tags,
        summary: 'Đăng ký thi đua (đơn vị, hoặc bản thân khi không có unitId)',
        params: IdParams,
        body: CreateRegistrationBody,
        response: { 201: Registration, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createRegistration(db, callerOf(request), request.params.id, request.body);
      reply.status(201);
      return one(request, created.id);
    },
  );

  api.post(
    '/api/movements/:id/registrations/consolidate',
    {
      config: officerCreates,
      schema: {
        tags,
        summary: 'Tổng hợp đăng ký của đơn vị gửi cấp trên',
        params: IdParams,
        body: ConsolidateBody,
        response: { 201: Registration, ...errors },
      },
    },
    async (request, reply) => {
      const created = await consolidateRegistrations(db, callerOf(request), request.params.id, request.body);
      reply.status(201);
      return one(request, created.id);
    },
  );

  api.get(
    '/api/registrations/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Một bản đăng ký',
        params: IdParams,
        response: { 200: Registration, ...errors },
      },
    },
    async (request) => one(request, request.params.id),
  );

  api.patch(
    '/api/registrations/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Sửa bản đăng ký (đang soạn hoặc bị trả lại)',
        params: IdParams,
        body: UpdateRegistrationBody,
        response: { 200: Registration, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await withCurrentOnConflict(moveRegistration(db, callerOf(request), id, 'edit', request.body), () =>
        one(request, id),
      );
      return one(request, id);
    },
  );

  for (const [move, summary] of [
    ['submit', 'Gửi bản đăng ký'],
    ['approve', 'Duyệt bản đăng ký'],
  ] as const) {
    api.post(
      `/api/registrations/:id/${move}`,
      {
        config: { access: 'signed-in' },
        schema: { tags, summary, params: IdParams, response: { 200: Registration, ...errors } },
      },
      async (request) => {
        await moveRegistration(db, callerOf(request), request.params.id, move);
        return one(request, request.params.id);
      },
    );
  }

  api.post(
    '/api/registrations/:id/return',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Trả lại bản đăng ký (kèm lý do)',
        params: IdParams,
        body: ReturnBody,
        response: { 200: Registration, ...errors },
      },
    },
    async (request) => {
      await moveRegistration(db, callerOf(request), request.params.id, 'return', {
        reason: request.body.reason,
      });
      return one(request, request.params.id);
    },
  );
}
