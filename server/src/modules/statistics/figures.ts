import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '#server/platform/db/client.ts';
import { type AwardGroup, launchLevelSql, type MovementGroup, subjectSql } from './filters.ts';

/** Where a form reads: a statistical period and a subtree (null path = every unit). */
export interface FigureScope {
  from: string;
  to: string;
  path: string | null;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const subtree = (column: SQL, path: string | null) =>
  path === null ? sql`true` : sql`${column} like ${`${path}%`}`;

/**
 * Award records of the period and subtree, with their subject's unit (su), person (p) and position
 * class (pc); a record counts by its decision date and under its subject's unit (a person's unit).
 */
export function recordsFrom(scope: FigureScope): SQL {
  return sql`award_received r
    join units su on su.id = coalesce(r.unit_id, r.person_unit_id, r.household_unit_id)
    left join persons p on p.id = r.person_id
    left join award_person_position_classes pc on pc.person_id = r.person_id
    where r.decision_date between ${scope.from}::date and ${scope.to}::date and ${subtree(sql`su.path`, scope.path)}`;
}

/** Movements launched in the period (Vietnam's calendar day) by a unit of the subtree (lu). */
export function movementsFrom(scope: FigureScope): SQL {
  return sql`movements m join units lu on lu.id = m.launching_unit_id
    where m.status in ('launched', 'closed') and m.launched_at is not null
      and (m.launched_at at time zone 'Asia/Ho_Chi_Minh')::date between ${scope.from}::date and ${scope.to}::date
      and ${subtree(sql`lu.path`, scope.path)}`;
}

/** The award records of the scope, counted per group of everything a filter reads (one pass). */
export async function awardGroups(db: Executor, scope: FigureScope): Promise<AwardGroup[]> {
  const result = await db.execute(sql`
    select r.award_code as "awardCode", r.reward_type as "rewardType", ${subjectSql} as subject,
      pc.position_class as "positionClass", p.gender, count(*)::int as count
    from ${recordsFrom(scope)}
    group by 1, 2, 3, 4, 5`);
  return rowsOf<AwardGroup>(result).map((row) => ({ ...row, count: Number(row.count) }));
}

/** The movements of the scope, counted per launching level, kind and duration. */
export async function movementGroups(db: Executor, scope: FigureScope): Promise<MovementGroup[]> {
  const result = await db.execute(sql`
    select ${launchLevelSql} as "launchLevel", m.kind, (m.period_to - m.period_from + 1)::int as years,
      count(*)::int as count
    from ${movementsFrom(scope)}
    group by 1, 2, 3`);
  return rowsOf<MovementGroup>(result).map((row) => ({
    ...row,
    years: Number(row.years),
    count: Number(row.count),
  }));
}

/** The typed figures of a form and year: the subtree's sums, and the unit's own entries. */
export async function manualFigures(
  db: Executor,
  formCode: string,
  year: number,
  path: string | null,
  unitId: string | null,
) {
  const result = await db.execute(sql`
    select c.row_code as "row", c.column_code as "column", sum(c.value)::int as total,
      max(case when c.unit_id = ${unitId}::uuid then c.value end) as "ownValue",
      max(case when c.unit_id = ${unitId}::uuid then c.version end) as "ownVersion"
    from statistics_manual_cells c join units u on u.id = c.unit_id
    where c.form_code = ${formCode} and c.year = ${year} and ${subtree(sql`u.path`, path)}
    group by 1, 2`);
  return rowsOf<{
    row: string;
    column: string;
    total: number;
    ownValue: number | null;
    ownVersion: number | null;
  }>(result);
}
