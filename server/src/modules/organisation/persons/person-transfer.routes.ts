import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '#contracts/common.ts';
import { PersonListItem, TransferPersonBody } from '#contracts/organisation.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { resolveScope, WRITE_ROLES } from '../organisation.policy.ts';
import { callerOf, IdParams } from '../units/units.routes.ts';
import type { Caller } from '../units/units.service.ts';
import { transferPerson } from './person-transfer.service.ts';
import { presentPerson } from './persons.presenter.ts';
import { findPerson } from './persons.repo.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Transfer of a person to another unit (chuyển công tác). */
export function registerPersonTransferRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const presentOne = async (caller: Caller, id: string) => {
    const row = await findPerson(db, id);
    if (!row) throw new Error('person vanished');
    return presentPerson(row, caller.principal, await resolveScope(db, caller.principal, WRITE_ROLES));
  };

  api.post(
    '/api/persons/:id/transfer',
    {
      config: { access: ['tdkt_officer'], idempotent: true },
      schema: {
        tags: ['organisation'],
        summary: 'Chuyển công tác: kết thúc quá trình công tác hiện tại, bắt đầu tại đơn vị mới',
        params: IdParams,
        body: TransferPersonBody,
        response: { 200: PersonListItem, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      await withCurrentOnConflict(transferPerson(db, caller, id, request.body), () => presentOne(caller, id));
      return presentOne(caller, id);
    },
  );
}
