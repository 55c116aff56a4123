import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, OkResponse } from '#contracts/common.ts';
import {
  CreateHolidayBody,
  Holiday,
  type HolidayKind,
  HolidayList,
  HolidayQuery,
  UpdateHolidayBody,
  WorkingDaysAnswer,
  WorkingDaysQuery,
} from '#contracts/nominations.ts';
import { actorOf } from '#server/platform/auth/access.ts';
import type { publicHolidays } from '#server/platform/db/schema.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import {
  createHoliday,
  deleteHoliday,
  findHoliday,
  listHolidays,
  updateHoliday,
  workingDayAfter,
} from './holidays.service.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const IdParams = z.object({ id: z.string().uuid('Mã không hợp lệ') });

const present = (row: typeof publicHolidays.$inferSelect): Holiday => ({
  id: row.id,
  date: row.date,
  name: row.name,
  kind: row.kind as HolidayKind,
  version: row.version,
});

/** The holiday table (read by everyone signed in, edited by administrators) and working-day sums. */
export function registerHolidayRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['working-days'];
  const admins = { access: ['admin'] as const };

  api.get(
    '/api/holidays',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Ngày nghỉ lễ, làm bù của một năm',
        querystring: HolidayQuery,
        response: { 200: HolidayList },
      },
    },
    async (request) => ({ items: (await listHolidays(db, request.query.year)).map(present) }),
  );
  api.get(
    '/api/working-days',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Ngày sau một số ngày làm việc',
        querystring: WorkingDaysQuery,
        response: { 200: WorkingDaysAnswer },
      },
    },
    async (request) => {
      const { from, days } = request.query;
      return { from, days, date: await workingDayAfter(db, from, days) };
    },
  );
  api.post(
    '/api/holidays',
    {
      config: { ...admins, idempotent: true },
      schema: {
        tags,
        summary: 'Thêm ngày nghỉ, làm bù',
        body: CreateHolidayBody,
        response: { 201: Holiday, ...errors },
      },
    },
    async (request, reply) => {
      const row = await createHoliday(db, actorOf(request), request.body);
      reply.status(201);
      return present(row);
    },
  );
  api.patch(
    '/api/holidays/:id',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Sửa ngày nghỉ, làm bù',
        params: IdParams,
        body: UpdateHolidayBody,
        response: { 200: Holiday, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const current = async () => {
        const row = await findHoliday(db, id);
        return row ? present(row) : undefined;
      };
      return present(
        await withCurrentOnConflict(updateHoliday(db, actorOf(request), id, request.body), current),
      );
    },
  );
  api.delete(
    '/api/holidays/:id',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Xóa ngày nghỉ, làm bù',
        params: IdParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await deleteHoliday(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
