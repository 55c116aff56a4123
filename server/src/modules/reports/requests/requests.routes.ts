import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateRequestBody,
  ReportListPage,
  ReportListQuery,
  ReportRequest,
  RequestPage,
  RequestQuery,
} from '#contracts/reports.ts';
import { sendXlsxStream } from '#server/modules/organisation/import-export/spreadsheet.ts';
import { grantedUnitIds } from '#server/platform/auth/policy.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { drillDown, exportRequestXlsx } from '../dashboard/dashboard.service.ts';
import { FILL_ROLES, requestActions } from '../reports.policy.ts';
import { presentRequest } from '../reports.presenter.ts';
import { findReportOf, type RequestWithUnit, sendingOf } from '../reports.repo.ts';
import { callerOf, errors, IdParams, officerCreates, officers } from '../reports.routes-support.ts';
import { resendRequest } from './request-resend.ts';
import { sendRequestJob } from './request-send.ts';
import { createRequest, getRequestFor, requestCounts, searchRequests } from './requests.service.ts';

/** Report requests: list, send (or cascade), read with the dashboard counts, drill down, export. */
export function registerRequestRoutes(app: FastifyInstance, { db, jobs }: ModuleContext): void {
  jobs.register(sendRequestJob);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const one = async (request: Parameters<typeof callerOf>[0], id: string) => {
    const caller = callerOf(request);
    const { row, myReportId } = await getRequestFor(db, caller, id);
    const sending = await sendingOf(db, row.request);
    return presentRequest(
      row,
      await requestCounts(db, row.request),
      myReportId,
      sending,
      requestActions(caller.principal, row.request, sending),
    );
  };

  api.get(
    '/api/report-requests',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Yêu cầu báo cáo (đã gửi trong phạm vi, hoặc đơn vị mình phải trả lời)',
        querystring: RequestQuery,
        response: { 200: RequestPage, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const page = await searchRequests(db, caller, request.query);
      const mine = grantedUnitIds(caller.principal, FILL_ROLES);
      const present = async (row: RequestWithUnit) => {
        let myReportId: string | null = null;
        for (const unitId of mine) {
          const found = await findReportOf(db, row.request.id, unitId);
          if (found) {
            myReportId = found.id;
            break;
          }
        }
        const sending = await sendingOf(db, row.request);
        return presentRequest(
          row,
          await requestCounts(db, row.request),
          myReportId,
          sending,
          requestActions(caller.principal, row.request, sending),
        );
      };
      return {
        total: page.total,
        next: page.next,
        prev: page.prev,
        items: await Promise.all(page.rows.map(present)),
      };
    },
  );
  api.post(
    '/api/report-requests',
    {
      config: officerCreates,
      schema: {
        tags,
        summary: 'Gửi yêu cầu báo cáo tới các đơn vị cấp dưới',
        body: CreateRequestBody,
        response: { 201: ReportRequest, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createRequest(db, callerOf(request), request.body);
      reply.status(201);
      return one(request, created.id);
    },
  );
  api.post(
    '/api/report-requests/:id/resend',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Gửi lại yêu cầu báo cáo tới các đơn vị còn thiếu (khi việc gửi bị lỗi)',
        params: IdParams,
        response: { 200: ReportRequest, ...errors },
      },
    },
    async (request) => {
      await resendRequest(db, callerOf(request), request.params.id);
      return one(request, request.params.id);
    },
  );
  api.get(
    '/api/report-requests/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Một yêu cầu báo cáo với số liệu tình hình báo cáo',
        params: IdParams,
        response: { 200: ReportRequest, ...errors },
      },
    },
    async (request) => one(request, request.params.id),
  );
  api.get(
    '/api/report-requests/:id/reports',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Báo cáo của các đơn vị (lọc theo tình hình: đúng hạn, muộn, chưa gửi, quá hạn)',
        params: IdParams,
        querystring: ReportListQuery,
        response: { 200: ReportListPage, ...errors },
      },
    },
    async (request) => {
      const page = await drillDown(db, callerOf(request), request.params.id, request.query);
      return {
        total: page.total,
        next: page.next,
        prev: page.prev,
        items: page.rows.map((row) => ({
          id: row.id,
          unit: { id: row.unitId, name: row.unitName },
          status: row.status as 'draft',
          bucket: row.bucket as 'pending',
          submittedAt: row.submittedAt?.toISOString() ?? null,
        })),
      };
    },
  );
  api.get(
    '/api/report-requests/:id/export.xlsx',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Xuất tình hình báo cáo (XLSX)', params: IdParams, response: errors },
    },
    async (request, reply) => {
      const { stream, fileName } = await exportRequestXlsx(db, callerOf(request), request.params.id);
      return sendXlsxStream(request, reply, stream, fileName);
    },
  );
}
