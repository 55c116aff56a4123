import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '#contracts/common.ts';
import { Job } from '#contracts/jobs.ts';
import {
  StatisticsCellQuery,
  StatisticsFormParams,
  StatisticsFormSummary,
  StatisticsManualBody,
  StatisticsPdfBody,
  StatisticsQuery,
  StatisticsRecordPage,
  StatisticsReport,
  StatisticsYearQuery,
} from '#contracts/statistics.ts';
import { callerOf } from '#server/modules/organisation/units/units.routes.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { presentJob } from '#server/platform/jobs/job-presenter.ts';
import { enqueueJob } from '#server/platform/jobs/job-queue.ts';
import { listCellRecords } from './cell-records.ts';
import { formsForYear, getForm } from './form-registry.ts';
import { setManualCell } from './manual-cells.ts';
import { placeOf } from './statistics.policy.ts';
import { produceForm } from './statistics.service.ts';
import { statisticsPdfJob } from './statistics-pdf.job.ts';
import { statisticsXlsx } from './statistics-xlsx.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
/** Sends a filled form's XLSX as a download. */
const sendXlsx = (reply: FastifyReply, file: { buffer: Buffer; fileName: string }) =>
  reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.buffer);
const readers = { access: ['tdkt_officer' as const, 'unit_head' as const] };

/** Statutory statistics: the forms of a year, a filled form, a cell's records, typed figures, XLSX and PDF. */
export function registerStatisticsRoutes(app: FastifyInstance, { db, jobs }: ModuleContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['statistics'];
  jobs.register(statisticsPdfJob);

  api.get(
    '/api/statistics/forms',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Các biểu thống kê TĐKT áp dụng cho một năm thống kê',
        querystring: StatisticsYearQuery,
        response: { 200: z.object({ items: z.array(StatisticsFormSummary) }), ...errors },
      },
    },
    (request) => ({
      items: formsForYear(request.query.year).map(
        ({ rows: _rows, columns: _columns, notes: _notes, ...form }) => form,
      ),
    }),
  );
  api.get(
    '/api/statistics/forms/:code',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Lập biểu thống kê của đơn vị (cộng cả các đơn vị cấp dưới) cho một năm thống kê',
        params: StatisticsFormParams,
        querystring: StatisticsQuery,
        response: { 200: StatisticsReport, ...errors },
      },
    },
    (request) => produceForm(db, callerOf(request), request.params.code, request.query),
  );
  api.get(
    '/api/statistics/forms/:code/records',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Danh sách bản ghi tạo nên một ô của biểu (phân trang)',
        params: StatisticsFormParams,
        querystring: StatisticsCellQuery,
        response: { 200: StatisticsRecordPage, ...errors },
      },
    },
    (request) => listCellRecords(db, callerOf(request), request.params.code, request.query),
  );
  api.put(
    '/api/statistics/forms/:code/manual-cells',
    {
      config: { access: ['tdkt_officer' as const] },
      schema: {
        tags,
        summary: 'Nhập tay số liệu của một ô hệ thống không đếm được (lưu theo phiên bản)',
        params: StatisticsFormParams,
        body: StatisticsManualBody,
        response: { 200: z.object({ value: z.number().int(), version: z.number().int() }), ...errors },
      },
    },
    (request) => setManualCell(db, callerOf(request), request.params.code, request.body),
  );
  api.get(
    '/api/statistics/forms/:code/xlsx',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Tải biểu thống kê (Excel, đúng mẫu biểu)',
        params: StatisticsFormParams,
        querystring: StatisticsQuery,
        response: { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const report = await produceForm(db, callerOf(request), request.params.code, request.query);
      const fileName = `bieu-${report.form.code}-${report.year}.xlsx`;
      return sendXlsx(reply, { buffer: await statisticsXlsx(report), fileName });
    },
  );
  api.post(
    '/api/statistics/forms/:code/pdf-jobs',
    {
      config: { ...readers, idempotent: true },
      schema: {
        tags,
        summary: 'Xuất biểu thống kê ra PDF (xử lý nền)',
        description: 'Theo dõi ở GET /api/jobs/:id, tải tệp ở /api/jobs/:id/file.',
        params: StatisticsFormParams,
        body: StatisticsPdfBody,
        response: { 201: Job, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const form = getForm(request.params.code, request.body.year);
      const place = await placeOf(db, caller, request.body.unitId);
      const job = await enqueueJob(db, {
        kind: statisticsPdfJob.kind,
        payload: { code: form.code, year: request.body.year, unitId: place.unit?.id ?? null },
        createdBy: caller.principal.id,
        maxAttempts: statisticsPdfJob.maxAttempts,
      });
      return reply.status(201).send(presentJob(job, null));
    },
  );
}
