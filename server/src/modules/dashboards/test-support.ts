import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  auditEvents,
  awardsReceived,
  decisions,
  movements,
  personPositionClasses,
  persons,
  planObligations,
  reportCounts,
  reportRequests,
} from '#server/platform/db/schema.ts';
import {
  buildMovement,
  buildPerson,
  buildUnit,
  type Client,
  signInAs,
} from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';

/**
 * A province with two districts and a commune: ten people in the first district (six direct workers,
 * one of them by position class only, two leaders, five women), two in the commune; the 2025 awards
 * (four individual, two collective, one decided by the province's issued decision, one BK TTg); a
 * movement the province launched in 2025 with one plan issued and one overdue; a report request of
 * 2025 with its counts; officers, a head and staff, and an officer of another province.
 */
export async function buildDashboardScene(t: TestApp) {
  const db = t.handle.db;
  const nation = await buildUnit(db, { name: 'Trung ương', kind: 'central' });
  const province = await buildUnit(db, { parentId: nation.id, name: 'Tỉnh Biểu Đồ', kind: 'province' });
  const district = await buildUnit(db, { parentId: province.id, name: 'Huyện Một', kind: 'district' });
  const district2 = await buildUnit(db, { parentId: province.id, name: 'Huyện Hai', kind: 'district' });
  const commune = await buildUnit(db, { parentId: district.id, name: 'Xã Nhỏ', kind: 'commune' });
  const other = await buildUnit(db, { parentId: nation.id, name: 'Tỉnh Khác', kind: 'province' });
  const people = [];
  for (let index = 0; index < 10; index += 1) people.push(await buildPerson(db, { unitId: district.id }));
  const flags = people.map((person, index) => ({
    id: person.id,
    isLeader: index < 2,
    isDirectWorker: index >= 2 && index < 7,
    gender: index % 2 === 0 ? 'female' : 'male',
  }));
  for (const flag of flags)
    await db
      .update(persons)
      .set({ isLeader: flag.isLeader, isDirectWorker: flag.isDirectWorker, gender: flag.gender })
      .where(eq(persons.id, flag.id));
  // Person 7 counts as a direct worker by the statistics' position class, not by the flag.
  await db
    .insert(personPositionClasses)
    .values({ personId: people[7]?.id as string, positionClass: 'direct_worker' });
  await buildPerson(db, { unitId: commune.id });
  await buildPerson(db, { unitId: commune.id });
  await buildPerson(db, { unitId: other.id });
  const [decision] = await db
    .insert(decisions)
    .values({
      unitId: province.id,
      status: 'issued',
      decisionDate: '2025-12-20',
      number: '12/QĐ-UBND',
      title: 'Khen thưởng',
      authority: 'CHỦ TỊCH UBND TỈNH',
      decider: 'Chủ tịch UBND tỉnh Biểu Đồ',
      signerName: 'Nguyễn Văn Ký',
      signerTitle: 'CHỦ TỊCH',
    })
    .returning();
  const fromDecision = {
    decisionNumber: '12/QĐ-UBND',
    decisionDate: '2025-12-20',
    decider: decision?.decider,
  };
  await db.insert(awardsReceived).values([
    { personId: people[2]?.id, awardCode: 'BK_BO_TINH', year: 2025, ...fromDecision },
    { personId: people[0]?.id, awardCode: 'LDTT', year: 2025 },
    { personId: people[1]?.id, awardCode: 'LDTT', year: 2025 },
    { personId: people[1]?.id, awardCode: 'BK_TTG', year: 2025, rewardType: 'chuyen_de' },
    { unitId: commune.id, awardCode: 'GIAY_KHEN', year: 2025 },
    { unitId: district.id, awardCode: 'BK_BO_TINH', year: 2025, ...fromDecision },
    { personId: people[3]?.id, awardCode: 'LDTT', year: 2024 },
  ]);
  const movement = await buildMovement(db, {
    launchingUnitId: province.id,
    name: 'Phong trào chuyển đổi số',
    status: 'launched',
  });
  await db
    .update(movements)
    .set({ launchedAt: new Date('2025-03-01T03:00:00Z'), planNumber: '15/KH-UBND' })
    .where(eq(movements.id, movement.id));
  await db.insert(planObligations).values([
    {
      movementId: movement.id,
      rootMovementId: movement.id,
      unitId: district.id,
      state: 'issued',
      dueOn: '2025-04-01',
      issuedAt: new Date('2025-03-20T03:00:00Z'),
    },
    { movementId: movement.id, rootMovementId: movement.id, unitId: district2.id, dueOn: '2025-04-01' },
  ]);
  const [request] = await db
    .insert(reportRequests)
    .values({
      unitId: province.id,
      kind: 'annual',
      title: 'Báo cáo thi đua năm 2025',
      periodFrom: '2025-01-01',
      periodTo: '2025-11-30',
      dueOn: '2025-12-05',
      sections: [],
      indicators: [],
      targets: { mode: 'children' },
    })
    .returning();
  await db.insert(reportCounts).values([
    { requestId: request?.id as string, bucket: 'on_time', n: 1 },
    { requestId: request?.id as string, bucket: 'pending', n: 1 },
  ]);
  return {
    nation,
    province,
    district,
    district2,
    commune,
    other,
    movement,
    request,
    provinceOfficer: await signInAs(t, 'tdkt_officer', province.id),
    districtOfficer: await signInAs(t, 'tdkt_officer', district.id),
    provinceHead: await signInAs(t, 'unit_head', province.id),
    provinceStaff: await signInAs(t, 'staff', province.id),
    otherOfficer: await signInAs(t, 'tdkt_officer', other.id),
  };
}
export type DashboardScene = Awaited<ReturnType<typeof buildDashboardScene>>;

/** GET as a client. */
export const getAs = (t: TestApp, client: Client, url: string) =>
  t.app.inject({ method: 'GET', url, headers: client.headers });

/** The settings audit events of a unit's row. */
export async function settingsAudits(t: TestApp, ids: string[]) {
  if (!ids.length) return [];
  return t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'dashboard_settings.update'), inArray(auditEvents.entityId, ids)))
    .orderBy(asc(auditEvents.seq));
}
