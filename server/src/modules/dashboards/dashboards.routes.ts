import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '#contracts/common.ts';
import {
  AwardsDashboard,
  DashboardParams,
  DashboardQuery,
  DashboardSettingsBody,
  DashboardSettingsView,
  DashboardXlsxParams,
  FairnessDashboard,
  MovementsDashboard,
  ReportsDashboard,
} from '#contracts/dashboards.ts';
import { callerOf } from '#server/modules/organisation/units/units.routes.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { getAwardsDashboard } from './awards/awards-dashboard.ts';
import { todayInVietnam } from './dashboard-dates.ts';
import { DASHBOARD_READ_ROLES, DASHBOARD_SETTINGS_ROLES } from './dashboards.policy.ts';
import { exportDashboardXlsx } from './export/dashboard-xlsx.ts';
import { getFairness } from './fairness/fairness.service.ts';
import { getMovementsDashboard } from './movements/movements-dashboard.ts';
import { getReportsDashboard } from './reports/reports-dashboard.ts';
import { getSettings, updateSettings } from './settings/settings.service.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const sendXlsx = (reply: FastifyReply, file: { buffer: Buffer; fileName: string }) =>
  reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.buffer);

/** The dashboards of a unit's subtree by year, their XLSX, and the unit's fairness thresholds. */
export function registerDashboardRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dashboards'];
  const readers = { access: DASHBOARD_READ_ROLES };
  const read = <T extends object>(summary: string, response: T) => ({
    config: readers,
    schema: {
      tags,
      summary,
      params: DashboardParams,
      querystring: DashboardQuery,
      response: { 200: response, ...errors },
    },
  });

  api.get(
    '/api/dashboards/:unitId/movements',
    read(
      'Biểu đồ phong trào thi đua phát động trong năm và kế hoạch triển khai của đơn vị trực thuộc',
      MovementsDashboard,
    ),
    (request) =>
      getMovementsDashboard(
        db,
        callerOf(request),
        request.params.unitId,
        request.query.year,
        todayInVietnam(),
      ),
  );
  api.get(
    '/api/dashboards/:unitId/reports',
    read('Biểu đồ tình hình báo cáo và kết quả chấm điểm khối, cụm trong năm', ReportsDashboard),
    (request) =>
      getReportsDashboard(db, callerOf(request), request.params.unitId, request.query.year, todayInVietnam()),
  );
  api.get(
    '/api/dashboards/:unitId/awards',
    read('Biểu đồ khen thưởng theo hình thức, cấp quyết định và loại hình', AwardsDashboard),
    (request) => getAwardsDashboard(db, callerOf(request), request.params.unitId, request.query.year),
  );
  api.get(
    '/api/dashboards/:unitId/fairness',
    read('Công bằng trong khen thưởng: tỷ lệ khen thưởng so với tỷ lệ trong biên chế', FairnessDashboard),
    (request) => getFairness(db, callerOf(request), request.params.unitId, request.query.year),
  );
  api.get(
    '/api/dashboards/:unitId/:section/xlsx',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Tải bảng số liệu của biểu đồ (XLSX)',
        params: DashboardXlsxParams,
        querystring: DashboardQuery,
        response: { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { unitId, section } = request.params;
      return sendXlsx(
        reply,
        await exportDashboardXlsx(db, callerOf(request), unitId, request.query.year, section),
      );
    },
  );
  api.get(
    '/api/dashboards/:unitId/settings',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Ngưỡng cảnh báo công bằng của đơn vị',
        params: DashboardParams,
        response: { 200: DashboardSettingsView, ...errors },
      },
    },
    (request) => getSettings(db, callerOf(request), request.params.unitId),
  );
  api.put(
    '/api/dashboards/:unitId/settings',
    {
      config: { access: DASHBOARD_SETTINGS_ROLES },
      schema: {
        tags,
        summary: 'Đặt ngưỡng cảnh báo công bằng của đơn vị (kèm phiên bản đã tải; 0 khi chưa có)',
        params: DashboardParams,
        body: DashboardSettingsBody,
        response: { 200: DashboardSettingsView, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { unitId } = request.params;
      await withCurrentOnConflict(updateSettings(db, caller, unitId, request.body), () =>
        getSettings(db, caller, unitId),
      );
      return getSettings(db, caller, unitId);
    },
  );
}
