import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CandidatePage,
  CandidatesQuery,
  EligibilityQuery,
  RecordEligibility,
} from '#contracts/award-eligibility.ts';
import { EligibilityInput, EligibilityResult, verdictLabels } from '#contracts/awards.ts';
import { ErrorResponse } from '#contracts/common.ts';
import { sendXlsxStream, streamXlsx } from '#server/modules/organisation/import-export/spreadsheet.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { allCandidates, candidatePage } from './candidates.ts';
import { checkGiven, personEligibility, unitEligibility } from './eligibility.service.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const CandidateExportQuery = CandidatesQuery.omit({
  after: true,
  before: true,
  limit: true,
  exactTotal: true,
});

/** The eligibility engine over HTTP: given facts, a person's or unit's records, and candidate lists. */
export function registerEligibilityRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['awards'];
  const readers = { access: 'signed-in' as const };

  api.post(
    '/api/eligibility/check',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Xét điều kiện khen thưởng trên dữ liệu gửi kèm (như lệnh tdkt rules check)',
        body: EligibilityInput,
        response: { 200: EligibilityResult, ...errors },
      },
    },
    (request) => checkGiven(db, request.body),
  );
  api.get(
    '/api/persons/:id/eligibility',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Xét điều kiện khen thưởng của cán bộ theo hồ sơ đã ghi nhận',
        params: IdParams,
        querystring: EligibilityQuery,
        response: { 200: RecordEligibility, ...errors },
      },
    },
    (request) => personEligibility(db, callerOf(request), request.params.id, request.query),
  );
  api.get(
    '/api/units/:id/eligibility',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Xét điều kiện khen thưởng của tập thể theo hồ sơ đã ghi nhận',
        params: IdParams,
        querystring: EligibilityQuery,
        response: { 200: RecordEligibility, ...errors },
      },
    },
    (request) => unitEligibility(db, callerOf(request), request.params.id, request.query),
  );
  api.get(
    '/api/units/:id/candidates',
    {
      config: { access: ['tdkt_officer', 'unit_head', 'council_member'] },
      schema: {
        tags,
        summary: 'Danh sách đủ điều kiện (hoặc cần xem xét) trong đơn vị và các đơn vị trực thuộc',
        params: IdParams,
        querystring: CandidatesQuery,
        response: { 200: CandidatePage, ...errors },
      },
    },
    (request) => candidatePage(db, callerOf(request), request.params.id, request.query),
  );
  api.get(
    '/api/units/:id/candidates/export',
    {
      config: { access: ['tdkt_officer', 'unit_head', 'council_member'] },
      schema: {
        tags,
        summary: 'Xuất danh sách đề xuất khen thưởng (XLSX)',
        params: IdParams,
        querystring: CandidateExportQuery,
      },
    },
    async (request, reply) =>
      sendXlsxStream(
        request,
        reply,
        await streamXlsx(
          'Đề xuất khen thưởng',
          ['Họ và tên / Tập thể', 'Đơn vị', 'Kết quả xét', 'Lý do', 'Căn cứ'],
          allCandidates(db, callerOf(request), request.params.id, request.query),
          (candidate) => [
            candidate.name,
            candidate.unitName,
            verdictLabels[candidate.verdict],
            candidate.reason,
            candidate.article,
          ],
        ),
        `de-xuat-${request.query.award}-${request.query.year}.xlsx`,
      ),
  );
}
