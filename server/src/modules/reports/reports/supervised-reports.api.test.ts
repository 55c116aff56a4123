import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { blocMembers, blocs, councilMembers, reports } from '#server/platform/db/schema.ts';
import { buildCouncil, buildPerson, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildReportingProvince, dayFromToday, provinceRequest, requester } from '../test-support.ts';

let t: TestApp;
let http: ReturnType<typeof requester>;
beforeAll(async () => {
  t = await getTestApp();
  http = requester(t);
});

/**
 * Two 2024 requests of a province to its districts; a council member supervising the 2024 bloc of
 * districts A and C and the 2023 bloc of district B; another member supervising nothing.
 */
async function scene() {
  const p = await buildReportingProvince(t);
  const { request, template } = await provinceRequest(t, p, 10);
  const later = await http.post('/api/report-requests', p.provinceOfficer.headers, {
    unitId: p.province.id,
    kind: 'general_yearly',
    title: 'Báo cáo sơ kết 6 tháng năm 2024',
    periodFrom: '2024-01-01',
    periodTo: '2024-06-30',
    dueOn: dayFromToday(20),
    templateId: template.id,
    targets: { mode: 'children' },
  });
  expect(later.statusCode, later.body).toBe(201);
  // A 2025 request falling due last: no bloc of 2025 is supervised, so none of its reports is listed.
  const nextYear = await http.post('/api/report-requests', p.provinceOfficer.headers, {
    unitId: p.province.id,
    kind: 'general_yearly',
    title: 'Báo cáo công tác thi đua, khen thưởng năm 2025',
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    dueOn: dayFromToday(40),
    templateId: template.id,
    targets: { mode: 'children' },
  });
  expect(nextYear.statusCode, nextYear.body).toBe(201);
  const db = t.handle.db;
  const reportOf = async (requestId: string, unitId: string) =>
    (await db.select().from(reports).where(eq(reports.requestId, requestId))).find(
      (row) => row.unitId === unitId,
    )?.id as string;
  const elsewhere = await buildUnit(db, { name: 'Sở Nội vụ', kind: 'department' });
  const council = await buildCouncil(db, { unitId: p.province.id });
  const member = async (blocsOf: { year: number; unitIds: string[] }[]) => {
    const client = await signInAs(t, 'council_member', elsewhere.id);
    const person = await buildPerson(db, { unitId: elsewhere.id, userId: client.user.id });
    const [seat] = await db
      .insert(councilMembers)
      .values({ councilId: council.id, personId: person.id, role: 'member', termFrom: '2021-01-01' })
      .returning();
    for (const [index, { year, unitIds }] of blocsOf.entries()) {
      const [bloc] = await db
        .insert(blocs)
        .values({ councilId: council.id, year, name: `Khối ${index}`, supervisorMemberId: seat?.id })
        .returning();
      for (const [position, unitId] of unitIds.entries())
        await db.insert(blocMembers).values({ blocId: bloc?.id as string, unitId, position });
    }
    return client;
  };
  return {
    ...p,
    request,
    later: later.json(),
    reportOf,
    supervisor: await member([
      { year: 2024, unitIds: [p.districtA.id, p.districtC.id] },
      { year: 2023, unitIds: [p.districtB.id] },
    ]),
    idle: await member([]),
  };
}

describe('GET /api/reports/supervised', () => {
  it('lists the reports of the supervised units of the bloc’s year, latest deadline first, page by page', async () => {
    const s = await scene();
    const expected = [
      [s.later.id, s.districtA.id],
      [s.later.id, s.districtC.id],
      [s.request.id, s.districtA.id],
      [s.request.id, s.districtC.id],
    ];
    const ids = await Promise.all(expected.map(([requestId, unitId]) => s.reportOf(requestId, unitId)));
    // Same deadline: by id, descending.
    const order = (a: string, b: string) => (a < b ? 1 : -1);
    const wanted = [...ids.slice(0, 2).sort(order), ...ids.slice(2).sort(order)];

    const seen: string[] = [];
    let after: string | null = null;
    const first = await expectNothingStored(t.handle, () =>
      http.get('/api/reports/supervised?limit=3', s.supervisor.headers),
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ total: { value: 4, exact: true }, prev: null });
    expect(first.json().items[0]).toEqual({
      id: wanted[0],
      unit: { id: expect.any(String), name: expect.any(String) },
      request: { id: s.later.id, title: 'Báo cáo sơ kết 6 tháng năm 2024', unitName: s.province.name },
      periodFrom: '2024-01-01',
      periodTo: '2024-06-30',
      dueOn: dayFromToday(20),
      status: 'draft',
      bucket: 'pending',
      submittedAt: null,
    });
    seen.push(...first.json().items.map((item: { id: string }) => item.id));
    after = first.json().next;
    expect(after).toBeTruthy();
    const second = await http.get(`/api/reports/supervised?limit=3&after=${after}`, s.supervisor.headers);
    expect(second.json()).toMatchObject({ next: null });
    seen.push(...second.json().items.map((item: { id: string }) => item.id));
    expect(seen).toEqual(wanted);
    const back = await http.get(
      `/api/reports/supervised?limit=3&before=${second.json().prev}`,
      s.supervisor.headers,
    );
    expect(back.json().items.map((item: { id: string }) => item.id)).toEqual(wanted.slice(0, 3));
    // District B's reports (its bloc is of 2023) are not among them, nor readable.
    const reportB = await s.reportOf(s.request.id, s.districtB.id);
    expect(seen).not.toContain(reportB);
    expect((await http.get(`/api/reports/${reportB}`, s.supervisor.headers)).statusCode).toBe(404);
    // Each listed report opens for the supervisor, read only.
    const opened = await http.get(`/api/reports/${wanted[0]}`, s.supervisor.headers);
    expect(opened.json()).toMatchObject({ id: wanted[0], actions: [] });
  });

  it('shows an empty list to someone who supervises nothing, an officer included', async () => {
    const s = await scene();
    for (const client of [s.idle, s.provinceOfficer]) {
      const empty = await expectNothingStored(t.handle, () =>
        http.get('/api/reports/supervised', client.headers),
      );
      expect(empty.statusCode).toBe(200);
      expect(empty.json()).toEqual({ items: [], total: { value: 0, exact: true }, next: null, prev: null });
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/reports/supervised' });
    expect(anonymous.statusCode).toBe(401);
  });
});
