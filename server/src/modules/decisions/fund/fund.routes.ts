import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse, OkResponse } from '#contracts/common.ts';
import {
  FundEntryBody,
  FundEntryDeleteQuery,
  FundEntryRef,
  FundEntryUpdateBody,
  FundLedger,
  FundQuery,
  FundReportQuery,
  PayoutBody,
  PayoutResult,
} from '#contracts/decision-fund.ts';
import { sendFile } from '#server/modules/movements/movements.routes.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { createFundEntry, deleteFundEntry, getLedger, payDecision, updateFundEntry } from './fund.service.ts';
import { fundReport } from './fund-report.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** The reward fund of a unit: ledger, lines by hand, payouts from decisions, the yearly report. */
export function registerFundRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['fund'];
  const officers = { access: ['tdkt_officer'] as const };
  api.get(
    '/api/fund',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Sổ quỹ thi đua, khen thưởng của đơn vị trong năm',
        querystring: FundQuery,
        response: { 200: FundLedger, ...errors },
      },
    },
    (request) => getLedger(db, callerOf(request), request.query),
  );
  api.get(
    '/api/fund/report',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Báo cáo trích lập và sử dụng quỹ (XLSX)',
        querystring: FundReportQuery,
        response: { 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) =>
      sendFile(reply, await fundReport(db, callerOf(request), request.query.unitId, request.query.year)),
  );
  api.post(
    '/api/fund-entries',
    {
      config: { ...officers, idempotent: true },
      schema: {
        tags,
        summary: 'Thêm khoản thu, chi của quỹ',
        body: FundEntryBody,
        response: { 201: FundEntryRef, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createFundEntry(db, callerOf(request), request.body)),
  );
  api.patch(
    '/api/fund-entries/:id',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Sửa khoản thu, chi của quỹ',
        params: IdParams,
        body: FundEntryUpdateBody,
        response: { 200: FundEntryRef, ...errors },
      },
    },
    (request) => updateFundEntry(db, callerOf(request), request.params.id, request.body),
  );
  api.delete(
    '/api/fund-entries/:id',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Xóa khoản thu, chi của quỹ',
        params: IdParams,
        querystring: FundEntryDeleteQuery,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await deleteFundEntry(db, callerOf(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
  api.post(
    '/api/decisions/:id/payouts',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Chi tiền thưởng theo quyết định đã ban hành (mỗi người, tập thể một lần)',
        params: IdParams,
        body: PayoutBody,
        response: { 200: PayoutResult, ...errors },
      },
    },
    (request) => payDecision(db, callerOf(request), request.params.id, request.body.entryDate),
  );
}
