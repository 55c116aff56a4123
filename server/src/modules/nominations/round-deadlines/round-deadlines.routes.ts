import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '#contracts/common.ts';
import { RoundUnit, RoundUnitPage, RoundUnitQuery, SetUnitDeadlineBody } from '#contracts/round-deadlines.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { callerOf, IdParams } from '../rounds/rounds.routes.ts';
import { findRoundUnit } from './round-deadlines.repo.ts';
import { roundUnitOf, searchRoundUnits, setUnitDeadline } from './round-deadlines.service.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const UnitParams = IdParams.extend({ unitId: z.string().uuid('Mã không hợp lệ') });

/** A round's lower units: their deadlines (own or the round's), whether they have sent; own deadlines. */
export function registerRoundDeadlineRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['nominations'];
  api.get(
    '/api/award-rounds/:id/units',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Các đơn vị cấp dưới của đợt: hạn gửi và tình trạng gửi tờ trình',
        params: IdParams,
        querystring: RoundUnitQuery,
        response: { 200: RoundUnitPage, ...errors },
      },
    },
    async (request) => {
      const page = await searchRoundUnits(db, callerOf(request), request.params.id, request.query);
      return { items: page.items, next: page.next, prev: page.prev, total: page.total };
    },
  );
  api.put(
    '/api/award-rounds/:id/units/:unitId/deadline',
    {
      config: { access: ['tdkt_officer'] },
      schema: {
        tags,
        summary: 'Đặt, sửa hoặc bỏ hạn gửi tờ trình riêng của một đơn vị cấp dưới',
        params: UnitParams,
        body: SetUnitDeadlineBody,
        response: { 200: RoundUnit, ...errors },
      },
    },
    (request) => {
      const { id, unitId } = request.params;
      return withCurrentOnConflict(
        setUnitDeadline(db, callerOf(request), id, unitId, request.body),
        async () => {
          const row = await findRoundUnit(db, id, unitId);
          return row ? roundUnitOf(row, null, new Date().toISOString().slice(0, 10)) : null;
        },
      );
    },
  );
}
