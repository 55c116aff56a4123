import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AdvanceBody, ScoringSheetView } from '#contracts/bloc-scoring.ts';
import {
  IndicatorLinksBody,
  IndicatorLinksView,
  ReportFiguresView,
} from '#contracts/bloc-scoring-meeting.ts';
import { ErrorResponse } from '#contracts/common.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { getSheetView } from '../sheets/sheets.service.ts';
import { getIndicatorLinks, setIndicatorLinks } from './indicator-links.service.ts';
import { getReportFigures, prefillFromReports } from './report-figures.service.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** A criterion's figure from the unit's yearly report: the table's links to report indicators, the figures found, the pre-fill. */
export function registerReportFigureRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['bloc-scoring'];
  const signedIn = { access: 'signed-in' as const };
  const schema = <T extends object>(summary: string, extra: T) => ({ tags, summary, ...extra });

  api.get(
    '/api/scoring-tables/:id/indicators',
    {
      config: signedIn,
      schema: schema('Chỉ tiêu báo cáo làm nguồn số liệu của tiêu chí định lượng', {
        params: IdParams,
        response: { 200: IndicatorLinksView, ...errors },
      }),
    },
    (request) => getIndicatorLinks(db, callerOf(request), request.params.id),
  );
  api.put(
    '/api/scoring-tables/:id/indicators',
    {
      config: signedIn,
      schema: schema('Gắn tiêu chí định lượng với chỉ tiêu báo cáo năm', {
        params: IdParams,
        body: IndicatorLinksBody,
        response: { 200: IndicatorLinksView, ...errors },
      }),
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      await withCurrentOnConflict(setIndicatorLinks(db, caller, id, request.body), () =>
        getIndicatorLinks(db, caller, id),
      );
      return getIndicatorLinks(db, caller, id);
    },
  );
  api.get(
    '/api/scoring-sheets/:id/report-figures',
    {
      config: signedIn,
      schema: schema('Số liệu từ báo cáo năm của đơn vị cho các tiêu chí', {
        params: IdParams,
        response: { 200: ReportFiguresView, ...errors },
      }),
    },
    (request) => getReportFigures(db, callerOf(request), request.params.id),
  );
  api.post(
    '/api/scoring-sheets/:id/report-figures',
    {
      config: signedIn,
      schema: schema('Điền số liệu tự chấm từ báo cáo năm (tiêu chí chưa nhập)', {
        params: IdParams,
        body: AdvanceBody,
        response: { 200: ScoringSheetView, ...errors },
      }),
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      await withCurrentOnConflict(prefillFromReports(db, caller, id, request.body.version), () =>
        getSheetView(db, caller, id),
      );
      return getSheetView(db, caller, id);
    },
  );
}
