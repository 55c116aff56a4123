import { eq } from 'drizzle-orm';
import { awardsReceived, movements, personPositionClasses, persons } from '#server/platform/db/schema.ts';
import {
  buildMovement,
  buildPerson,
  buildUnit,
  type Client,
  signInAs,
} from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';

/**
 * A province (root) with a commune and a state enterprise under it, and another province; a woman
 * of the commune (direct worker), a department leader of the province; award records of the 2025
 * statistical year (01/12/2024–30/11/2025) and some outside it or outside the subtree; two movements.
 */
export async function buildStatisticsScene(t: TestApp) {
  const db = t.handle.db;
  const province = await buildUnit(db, { name: 'Tỉnh Thống Kê', kind: 'province' });
  const commune = await buildUnit(db, { parentId: province.id, name: 'Xã Số Liệu', kind: 'commune' });
  const enterprise = await buildUnit(db, {
    parentId: commune.id,
    name: 'Công ty Thủy lợi',
    kind: 'state_enterprise',
  });
  const other = await buildUnit(db, { name: 'Tỉnh Khác Biệt', kind: 'province' });
  const worker = await buildPerson(db, { unitId: commune.id, fullName: 'Lò Thị Mai' });
  await db.update(persons).set({ gender: 'female' }).where(eq(persons.id, worker.id));
  const leader = await buildPerson(db, { unitId: province.id, fullName: 'Nguyễn Văn Sở' });
  const outsider = await buildPerson(db, { unitId: other.id, fullName: 'Trần Văn Ngoài' });
  await db.insert(personPositionClasses).values([
    { personId: worker.id, positionClass: 'direct_worker' },
    { personId: leader.id, positionClass: 'department_leader' },
  ]);
  const record = (
    values: Partial<typeof awardsReceived.$inferInsert> & { awardCode: string; decisionDate: string },
  ) => ({
    year: 2025,
    rewardType: 'thuong_xuyen',
    decisionNumber: `${Math.floor(Math.random() * 9000) + 100}/QĐ-UBND`,
    decider: 'Chủ tịch UBND tỉnh',
    ...values,
  });
  await db.insert(awardsReceived).values([
    record({
      personId: worker.id,
      awardCode: 'BK_BO_TINH',
      decisionDate: '2025-06-01',
      decisionNumber: '12/QĐ-UBND',
    }),
    record({ personId: leader.id, awardCode: 'CSTD_BO_TINH', decisionDate: '2024-12-05', year: 2024 }),
    record({ unitId: commune.id, awardCode: 'CO_BO_TINH', decisionDate: '2025-03-01' }),
    record({
      unitId: enterprise.id,
      awardCode: 'BK_BO_TINH',
      rewardType: 'dot_xuat',
      decisionDate: '2025-04-01',
    }),
    record({
      householdName: 'Hộ ông Lò Văn Páo',
      householdUnitId: commune.id,
      awardCode: 'BK_BO_TINH',
      decisionDate: '2025-05-01',
    }),
    record({ personId: worker.id, awardCode: 'LDTT', decisionDate: '2025-02-01' }),
    record({
      personId: worker.id,
      awardCode: 'KY_NIEM_CHUONG',
      rewardType: 'cong_hien',
      decisionDate: '2025-12-01',
    }),
    record({
      personId: leader.id,
      awardCode: 'BK_TTG',
      decisionDate: '2025-07-01',
      decider: 'Thủ tướng Chính phủ',
    }),
    record({ personId: outsider.id, awardCode: 'BK_BO_TINH', decisionDate: '2025-06-01' }),
  ]);
  const launched = await buildMovement(db, { launchingUnitId: province.id, status: 'launched' });
  const communeMovement = await buildMovement(db, { launchingUnitId: commune.id, status: 'launched' });
  await db
    .update(movements)
    .set({ launchedAt: new Date('2025-03-01T03:00:00Z') })
    .where(eq(movements.id, launched.id));
  await db
    .update(movements)
    .set({ launchedAt: new Date('2025-05-01T03:00:00Z'), kind: 'regular', periodFrom: 2025, periodTo: 2025 })
    .where(eq(movements.id, communeMovement.id));
  return {
    province,
    commune,
    enterprise,
    other,
    worker,
    leader,
    provinceOfficer: await signInAs(t, 'tdkt_officer', province.id),
    communeOfficer: await signInAs(t, 'tdkt_officer', commune.id),
    provinceHead: await signInAs(t, 'unit_head', province.id),
    otherOfficer: await signInAs(t, 'tdkt_officer', other.id),
    staff: await signInAs(t, 'staff', province.id),
    admin: await signInAs(t, 'admin'),
  };
}
export type StatisticsScene = Awaited<ReturnType<typeof buildStatisticsScene>>;

/** The value of a cell of a filled form. */
export function cellOf(
  body: { cells: { row: string; column: string; value: number }[] },
  row: string,
  column: string,
) {
  return body.cells.find((cell) => cell.row === row && cell.column === column)?.value;
}

/** GET as a client. */
export const getAs = (t: TestApp, url: string, client: Client) =>
  t.app.inject({ method: 'GET', url, headers: client.headers });
