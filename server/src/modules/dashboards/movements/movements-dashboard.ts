import { sql } from 'drizzle-orm';
import { DASHBOARD_MOVEMENTS_MAX, type MovementsDashboard } from '#contracts/dashboards.ts';
import type { Database } from '#server/platform/db/client.ts';
import { type Caller, getDashboardUnit } from '../dashboards.policy.ts';

const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;
const n = (value: unknown) => Number(value ?? 0);

/** The first instant of a year in Vietnam (UTC+7), as SQL. */
const yearStart = (year: number) => sql`(${`${year}-01-01 00:00:00+07`})::timestamptz`;

/**
 * Movements of the unit's subtree running in the year (launched by its end, the year within their
 * period; the latest launched first, at most DASHBOARD_MOVEMENTS_MAX, with their own obligations by
 * state), how many were launched that year, and per direct child unit the implementing plans it owes
 * for the unit's own running movements.
 */
export async function getMovementsDashboard(
  db: Database,
  caller: Caller,
  unitId: string,
  year: number,
  today: string,
): Promise<MovementsDashboard> {
  const unit = await getDashboardUnit(db, caller, unitId);
  // Running that year: launched by its end, the year within the movement's period.
  const inYear = sql`m.launched_at < ${yearStart(year + 1)} and m.period_from <= ${year} and m.period_to >= ${year}`;
  const counts = (alias: string) => {
    const p = sql.raw(alias);
    return sql`count(*) filter (where ${p}.state = 'issued')::int as issued,
      count(*) filter (where ${p}.state = 'pending' and (${p}.due_on is null or ${p}.due_on >= ${today}::date))::int as pending,
      count(*) filter (where ${p}.state = 'pending' and ${p}.due_on < ${today}::date)::int as overdue,
      count(*) filter (where ${p}.state = 'not_applicable')::int as not_applicable`;
  };
  const [movementRows, countRows, cascadeRows] = await Promise.all([
    db.execute(sql`
      select m.id, m.name, m.kind, m.plan_number, lu.name as launching_unit_name,
        (m.launched_at at time zone 'Asia/Ho_Chi_Minh')::date::text as launched_on, o.*
      from units lu
      join movements m on m.launching_unit_id = lu.id
      cross join lateral (select ${counts('p')} from plan_obligations p where p.movement_id = m.id) o
      where lu.path like ${`${unit.path}%`} and ${inYear}
      order by m.launched_at desc, m.id
      limit ${DASHBOARD_MOVEMENTS_MAX}`),
    db.execute(sql`
      select count(*)::int as n,
        count(*) filter (where m.launched_at >= ${yearStart(year)})::int as launched
      from units lu join movements m on m.launching_unit_id = lu.id
      where lu.path like ${`${unit.path}%`} and ${inYear}`),
    db.execute(sql`
      select c.id as unit_id, c.name as unit_name, ${counts('p')}
      from units c
      join plan_obligations p on p.unit_id = c.id
      join movements m on m.id = p.movement_id
      where c.parent_id = ${unit.id}::uuid and m.launching_unit_id = ${unit.id}::uuid and ${inYear}
      group by c.id, c.name, c.sort_key
      order by c.sort_key, c.id`),
  ]);
  const stateCounts = (row: Record<string, unknown>) => ({
    issued: n(row.issued),
    pending: n(row.pending),
    overdue: n(row.overdue),
    notApplicable: n(row.not_applicable),
  });
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    movementCount: n(rowsOf<{ n: number }>(countRows)[0]?.n),
    launchedInYear: n(rowsOf<{ launched: number }>(countRows)[0]?.launched),
    movements: rowsOf<Record<string, unknown>>(movementRows).map((row) => ({
      id: String(row.id),
      name: String(row.name),
      kind: String(row.kind),
      launchingUnitName: String(row.launching_unit_name),
      planNumber: (row.plan_number as string | null) ?? null,
      launchedOn: (row.launched_on as string | null) ?? null,
      ...stateCounts(row),
    })),
    cascade: rowsOf<Record<string, unknown>>(cascadeRows).map((row) => ({
      unitId: String(row.unit_id),
      unitName: String(row.unit_name),
      ...stateCounts(row),
    })),
  };
}
