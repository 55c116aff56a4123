import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON_SEARCH_EXAMPLE } from '#contracts/organisation.ts';
import type { TodoList } from '#contracts/todo.ts';
import {
  auditEvents,
  blocs,
  councilMembers,
  councils,
  employments,
  movements,
  persons,
  units,
} from '#server/platform/db/schema.ts';
import { signIn } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { demoDossierChecks } from './demo-dossiers-test-support.ts';
import { demoExemplarChecks } from './demo-exemplars-test-support.ts';
import { demoHistoryChecks } from './demo-history-test-support.ts';
import { demoInspectionChecks } from './demo-inspections-test-support.ts';
import { demoPortalChecks } from './demo-portal-test-support.ts';
import { demoRoundChecks } from './demo-round-test-support.ts';
import { demoStatisticsChecks } from './demo-statistics-test-support.ts';
import { featuredDemoPeople, seedDemo } from './index.ts';

let t: TestApp;
const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-demo-test-'));
const PASSWORD = 'demo-password-123';
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

describe('seedDemo', () => {
  it('seeds Lai Châu before and after the reform, its council, blocs and people, once', async () => {
    const first = await seedDemo(t.handle.db, { dataDir, fixedPassword: PASSWORD });
    expect(first?.join('\n')).toContain('demo.officer.tamduong');
    expect(first?.join('\n')).toContain('demo.council.chair');
    expect(await seedDemo(t.handle.db, { dataDir, fixedPassword: PASSWORD })).toBeNull();
    const districts = await t.handle.db
      .select()
      .from(units)
      .where(and(like(units.code, 'LCI.H.%'), eq(units.kind, 'district')));
    expect(districts).toHaveLength(8);
    expect(districts.every((unit) => unit.validTo === '2025-06-30')).toBe(true);
    expect((await t.handle.db.select().from(persons)).length).toBeGreaterThan(300);
    // Other test files add councils and blocs to the same database: count only the province's own.
    const [province] = await t.handle.db.select().from(units).where(eq(units.code, 'LCI'));
    const [council] = await t.handle.db
      .select()
      .from(councils)
      .where(eq(councils.unitId, province?.id ?? ''));
    const councilId = council?.id ?? '';
    expect(
      await t.handle.db.select().from(councilMembers).where(eq(councilMembers.councilId, councilId)),
    ).toHaveLength(10);
    const provinceBlocs = await t.handle.db.select().from(blocs).where(eq(blocs.councilId, councilId));
    // 2024 and 2025 as planned, then 2025's three blocs carried forward (heads rotated) to this year.
    const carried = Array.from({ length: new Date().getFullYear() - 2025 }, (_, index) => 2026 + index);
    expect(provinceBlocs.map((bloc) => bloc.year).sort()).toEqual([
      2024,
      2024,
      2024,
      2024,
      2024,
      2025,
      2025,
      2025,
      ...carried.flatMap((year) => [year, year, year]),
    ]);
    expect(await auditOf('bloc.copy_year', councilId)).toHaveLength(carried.length);
  });

  it('moves the people of the units dissolved on 30/6/2025 to their successors, as the succession says', async () => {
    const atEndedUnits = await t.handle.db
      .select({ name: persons.fullName, unit: units.code })
      .from(persons)
      .innerJoin(units, eq(units.id, persons.unitId))
      .where(sql`${units.validTo} is not null and ${units.validTo} < current_date`);
    expect(atEndedUnits.filter((row) => /^(LCI|BGG)/.test(row.unit))).toEqual([]);
    const [district] = await t.handle.db.select().from(units).where(eq(units.code, 'LCI.H.SHO'));
    const [successor] = await t.handle.db.select().from(units).where(eq(units.code, 'LCI.X.SHO'));
    const [chair] = await t.handle.db
      .select({ personId: employments.personId })
      .from(employments)
      .where(and(eq(employments.unitId, district?.id ?? ''), eq(employments.position, 'Chủ tịch UBND')));
    const history = await t.handle.db
      .select()
      .from(employments)
      .where(eq(employments.personId, chair?.personId ?? ''))
      .orderBy(employments.startedOn);
    expect(history).toMatchObject([
      { unitId: district?.id, startedOn: '2015-01-01', endedOn: '2025-06-30', position: 'Chủ tịch UBND' },
      { unitId: successor?.id, startedOn: '2025-07-01', endedOn: null, position: 'Phó Chủ tịch UBND' },
    ]);
    const [person] = await t.handle.db
      .select()
      .from(persons)
      .where(eq(persons.id, chair?.personId ?? ''));
    expect(person).toMatchObject({ unitId: successor?.id, isLeader: true });
  });

  it('writes positions the way officials write them', async () => {
    const [snv] = await t.handle.db.select().from(units).where(eq(units.code, 'LCI.SNV'));
    const [commune] = await t.handle.db.select().from(units).where(eq(units.code, 'LCI.X.TDG'));
    const [division] = await t.handle.db.select().from(units).where(eq(units.code, 'LCI.H.TDG.PNV'));
    const positionsOf = async (unitId: string | undefined) =>
      (
        await t.handle.db
          .select()
          .from(persons)
          .where(eq(persons.unitId, unitId ?? ''))
      ).map((person) => person.position);
    expect(await positionsOf(commune?.id)).toEqual(
      expect.arrayContaining(['Chủ tịch UBND', 'Phó Chủ tịch UBND', 'Chuyên viên']),
    );
    expect(await positionsOf(snv?.id)).toEqual(expect.arrayContaining(['Giám đốc', 'Phó Giám đốc']));
    // The district's division closed on 30/6/2025: its people's history keeps their positions there.
    const history = await t.handle.db
      .select({ position: employments.position, endedOn: employments.endedOn })
      .from(employments)
      .where(eq(employments.unitId, division?.id ?? ''));
    expect(history.map((row) => row.position)).toEqual(
      expect.arrayContaining(['Trưởng phòng', 'Phó Trưởng phòng']),
    );
    expect(history.every((row) => row.endedOn === '2025-06-30')).toBe(true);
    const lowerCase = await t.handle.db
      .select({ position: persons.position })
      .from(persons)
      .innerJoin(units, eq(units.id, persons.unitId))
      .where(
        and(
          like(units.code, 'LCI%'),
          like(persons.position, 'Phó %'),
          sql`${persons.position} ~ '^Phó [a-zđ]'`,
        ),
      );
    expect(lowerCase).toEqual([]);
  });

  it("lets the Tam Đường commune's officer see Tam Đường and the district's plan, and the provincial officer the whole province", async () => {
    const officer = await signIn(t, 'demo.officer.tamduong', PASSWORD);
    const people = await t.app.inject({
      method: 'GET',
      url: '/api/persons?limit=200',
      headers: officer.headers,
    });
    expect(people.statusCode).toBe(200);
    const unitNames = new Set(people.json().items.map((p: { unitName: string }) => p.unitName));
    expect([...unitNames].every((name) => /Tam Đường|Bình Lư|Bản Bo|Sơn Bình/.test(String(name)))).toBe(true);
    // Granted on the commune that succeeded the district, the officer still reaches the district's people.
    expect(unitNames).toContain('Ủy ban nhân dân xã Tam Đường');
    // Nobody works at the dissolved district or its division any more: they moved on 01/7/2025.
    expect(unitNames).not.toContain('Phòng Nội vụ huyện Tam Đường');
    expect(unitNames).not.toContain('Ủy ban nhân dân huyện Tam Đường');
    // The 2019–2025 movement: the district's implementing plan is still the officer's to open.
    const [province] = await t.handle.db.select().from(units).where(eq(units.code, 'LCI'));
    const [root] = await t.handle.db
      .select()
      .from(movements)
      .where(and(eq(movements.launchingUnitId, province?.id ?? ''), eq(movements.planNumber, '75/KH-UBND')));
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${root?.id}/obligations/mine`,
      headers: officer.headers,
    });
    expect(mine.json().items).toEqual([
      expect.objectContaining({
        unit: expect.objectContaining({ name: 'Ủy ban nhân dân huyện Tam Đường' }),
        status: 'on_time',
      }),
    ]);
    const plan = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${mine.json().items[0].implementingMovementId}`,
      headers: officer.headers,
    });
    expect(plan.statusCode).toBe(200);
    expect(plan.json()).toMatchObject({ planNumber: '114/KH-UBND', parentMovement: { id: root?.id } });
    const provincial = await signIn(t, 'demo.officer', PASSWORD);
    const search = await t.app.inject({
      method: 'GET',
      url: '/api/units?q=tam duong&includeEnded=true',
      headers: provincial.headers,
    });
    expect(search.json().total.value).toBeGreaterThanOrEqual(4);
    // The example the people search box shows finds someone in the demo.
    const example = await t.app.inject({
      method: 'GET',
      url: `/api/persons?q=${encodeURIComponent(PERSON_SEARCH_EXAMPLE)}`,
      headers: provincial.headers,
    });
    expect(example.json().items.length).toBeGreaterThan(0);
  });

  it('gives every demo role work on its home page, dated from today', async () => {
    const todo = async (username: string, query = '') => {
      const client = await signIn(t, username, PASSWORD);
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/todo${query}`,
        headers: client.headers,
      });
      expect(response.statusCode).toBe(200);
      return (response.json() as TodoList).items.map((item) => ({
        kind: item.kind,
        title: item.title,
        unit: item.unit?.name,
        urgency: item.urgency,
        daysLeft: item.daysLeft,
        detail: item.detail,
      }));
    };
    const live = expect.stringContaining('chính quyền địa phương hai cấp');
    expect(await todo('demo.officer.tamduong')).toEqual([
      expect.objectContaining({
        kind: 'plan_obligation',
        unit: 'Ủy ban nhân dân xã Tam Đường',
        daysLeft: -10,
        detail: live,
      }),
      expect.objectContaining({ kind: 'assignment', urgency: 'due_soon', daysLeft: 5 }),
      expect.objectContaining({
        kind: 'registration_fix',
        title: 'Sửa và gửi lại bản đăng ký của Ủy ban nhân dân xã Tam Đường',
      }),
    ]);
    const officer = await todo('demo.officer');
    expect(officer).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'plan_follow_up',
          title: 'Đôn đốc 22 đơn vị chưa ban hành kế hoạch triển khai',
          daysLeft: -10,
        }),
        expect.objectContaining({
          kind: 'registration_review',
          unit: 'Ủy ban nhân dân xã Bình Lư',
          detail: live,
        }),
        expect.objectContaining({ kind: 'registration_review', unit: 'Sở Tài chính tỉnh Lai Châu' }),
        expect.objectContaining({ kind: 'milestone', urgency: 'later', daysLeft: 20 }),
        // Sở Y tế's remedy after the 2024 inspection, past its deadline: the council's office chases it.
        expect.objectContaining({ kind: 'inspection_overdue', unit: 'Sở Y tế tỉnh Lai Châu' }),
      ]),
    );
    // The 2019–2025 movement is over: its final review is done and its abolished districts are not chased.
    expect(officer.filter((item) => item.kind === 'plan_follow_up')).toHaveLength(1);
    expect(officer.filter((item) => item.kind === 'milestone')).toHaveLength(1);
    expect((await todo('demo.head')).map((item) => [item.kind, item.unit, item.urgency])).toEqual([
      ['plan_obligation', 'Sở Nội vụ tỉnh Lai Châu', 'overdue'],
      ['assignment', 'Sở Nội vụ tỉnh Lai Châu', 'later'],
      ['registration_review', 'Sở Nội vụ tỉnh Lai Châu', 'no_deadline'],
    ]);
    // A member of the provincial council: the milestone, and the open session's ballot to cast.
    expect((await todo('demo.council')).map((item) => item.kind).sort()).toEqual([
      'ballot_pending',
      'milestone',
    ]);
    expect(await todo('demo.staff')).toEqual([
      expect.objectContaining({
        kind: 'registration_fix',
        title: 'Sửa và gửi lại bản đăng ký thi đua của anh/chị',
        detail: expect.stringContaining('Lý do trả lại: Đề nghị ghi rõ tên sáng kiến'),
      }),
    ]);
    const admin = (await todo('demo.admin', '?limit=100')).filter(
      (item) => item.kind === 'unit_without_officer' && item.detail?.includes('hai cấp'),
    );
    // 25 units owe the plan: 3 answered, xã Tam Đường has its officer.
    expect(admin).toHaveLength(21);
    expect(admin.map((item) => item.unit)).toContain('Sở Nội vụ tỉnh Lai Châu');
  });
});

// After the seed above (the same shared database): the demo's award records.
describe('demo awards records', () => {
  it('gives each named award a person who qualifies in 2025 and others blocked, with reasons', async () => {
    const officer = await signIn(t, 'demo.officer', PASSWORD).catch(() => null);
    const client = officer ?? (await signIn(t, 'demo.admin', PASSWORD));
    const featured = await featuredDemoPeople(t.handle.db);
    expect(featured).toHaveLength(7);
    const verdict = async (index: number, award: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/persons/${featured[index]}/eligibility?award=${award}&forYear=2025`,
        headers: client.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().verdict as string;
    };
    const expected: [number, string, string[]][] = [
      [0, 'CSTD_BO_TINH', ['eligible', 'needs_review']],
      [1, 'BK_BO_TINH', ['eligible', 'needs_review']],
      [2, 'BK_TTG', ['eligible', 'needs_review']],
      [3, 'HCLD_HANG_BA', ['eligible', 'needs_review']],
      [4, 'CSTD_BO_TINH', ['not_eligible']],
      [5, 'BK_TTG', ['not_eligible', 'needs_review']],
      [6, 'CSTDCS', ['not_eligible']],
    ];
    const seen: string[] = [];
    for (const [index, award, verdicts] of expected) {
      const found = await verdict(index, award);
      seen.push(`${index} ${award} ${found}`);
      expect(verdicts, seen.join('; ')).toContain(found);
    }
  });

  it('has eligible people for the yearly titles of 2025 in the commune Tam Đường and the province', async () => {
    const client = await signIn(t, 'demo.officer', PASSWORD);
    const [province] = await t.handle.db.select().from(units).where(eq(units.code, 'LCI'));
    for (const award of ['LDTT', 'CSTDCS', 'TTLDTT']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/units/${province?.id}/candidates?award=${award}&year=2025&limit=50`,
        headers: client.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(
        response.json().items.filter((item: { verdict: string }) => item.verdict === 'eligible').length,
        award,
      ).toBeGreaterThan(0);
    }
  });
});

// After the seed above (the same shared database): the 2025 tổng kết round.
demoRoundChecks(() => t, PASSWORD);
demoDossierChecks(() => t, PASSWORD);
demoHistoryChecks(() => t, PASSWORD);
demoInspectionChecks(() => t, PASSWORD);
demoExemplarChecks(() => t, PASSWORD);
demoStatisticsChecks(() => t, PASSWORD);
demoPortalChecks(() => t);
