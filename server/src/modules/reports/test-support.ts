import { eq } from 'drizzle-orm';
import { reports } from '#server/platform/db/schema.ts';
import { signInAs } from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';
import { buildProvince } from '../movements/test-support.ts';

export { auditOf, multipart, tag } from '../movements/test-support.ts';

/** A day relative to today (UTC+7), as YYYY-MM-DD. */
export const dayFromToday = (days: number) =>
  new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

export const SECTIONS = [
  { key: 'ket-qua', title: 'Kết quả triển khai', hint: '' },
  { key: 'ton-tai', title: 'Tồn tại, hạn chế', hint: '' },
  { key: 'de-xuat', title: 'Đề xuất, kiến nghị', hint: '' },
];
export const INDICATORS = [
  { code: 'ke-hoach', label: 'Đơn vị ban hành kế hoạch', unit: 'đơn vị' },
  { code: 'dien-hinh', label: 'Điển hình tiên tiến', unit: 'mô hình' },
];

/** The province of the movements tests, with officers and heads of the commune and the district. */
export async function buildReportingProvince(t: TestApp) {
  const p = await buildProvince(t);
  const [communeOfficer, communeHead, districtHead, districtBOfficer] = await Promise.all([
    signInAs(t, 'tdkt_officer', p.commune.id),
    signInAs(t, 'unit_head', p.commune.id),
    signInAs(t, 'unit_head', p.districtA.id),
    signInAs(t, 'tdkt_officer', p.districtB.id),
  ]);
  return { ...p, communeOfficer, communeHead, districtHead, districtBOfficer };
}

/** A request helper for one test app. */
export const requester = (t: TestApp) => ({
  post: (url: string, headers: Record<string, string>, payload: unknown = {}) =>
    t.app.inject({ method: 'POST', url, headers, payload: payload as object }),
  put: (url: string, headers: Record<string, string>, payload: unknown) =>
    t.app.inject({ method: 'PUT', url, headers, payload: payload as object }),
  get: (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers }),
  /** Posts a move (`/api/reports/:id/<move>`) at the report's stored version, as the page sends it. */
  move: async (url: string, headers: Record<string, string>, payload: Record<string, unknown> = {}) => {
    const id = /\/api\/reports\/([^/]+)\//.exec(url)?.[1] ?? '';
    const [row] = await t.handle.db
      .select({ version: reports.version })
      .from(reports)
      .where(eq(reports.id, id));
    return t.app.inject({ method: 'POST', url, headers, payload: { version: row?.version, ...payload } });
  },
});

/** A province template and a request to its districts (due in `dueInDays`), returned as JSON. */
export async function provinceRequest(
  t: TestApp,
  p: Awaited<ReturnType<typeof buildReportingProvince>>,
  dueInDays = 30,
) {
  const { post } = requester(t);
  const template = await post('/api/report-templates', p.provinceOfficer.headers, {
    ownerUnitId: p.province.id,
    name: 'Báo cáo năm phong trào văn hóa công sở',
    sections: SECTIONS,
    indicators: INDICATORS,
  });
  if (template.statusCode !== 201) throw new Error(`template ${template.statusCode} ${template.body}`);
  const request = await post('/api/report-requests', p.provinceOfficer.headers, {
    unitId: p.province.id,
    kind: 'general_yearly',
    title: 'Báo cáo công tác thi đua, khen thưởng năm 2024',
    periodFrom: '2024-01-01',
    periodTo: '2024-12-31',
    dueOn: dayFromToday(dueInDays),
    templateId: template.json().id,
    targets: { mode: 'children' },
  });
  if (request.statusCode !== 201) throw new Error(`request ${request.statusCode} ${request.body}`);
  return { template: template.json(), request: request.json() };
}

/** A province, its template, and the body of a 2024 request to its three districts and its commune (four units). */
export async function wideRequestSetting(t: TestApp) {
  const p = await buildReportingProvince(t);
  const template = await requester(t).post('/api/report-templates', p.provinceOfficer.headers, {
    ownerUnitId: p.province.id,
    name: 'Mẫu báo cáo năm',
    sections: SECTIONS,
    indicators: INDICATORS,
  });
  const body = {
    unitId: p.province.id,
    kind: 'general_yearly',
    title: 'Báo cáo công tác thi đua, khen thưởng năm 2024 (toàn tỉnh)',
    periodFrom: '2024-01-01',
    periodTo: '2024-12-31',
    dueOn: dayFromToday(30),
    templateId: template.json().id,
    targets: { mode: 'kinds', kinds: ['district', 'commune'] },
  };
  return { p, body };
}

/** The stored reports of a request. */
export const reportsOf = (t: TestApp, requestId: string) =>
  t.handle.db.select().from(reports).where(eq(reports.requestId, requestId));

/** Runs every queued job. */
export const drainJobs = async (t: TestApp) => {
  while (await t.app.jobs.runNext()) {}
};
