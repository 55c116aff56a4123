import { type SQL, sql } from 'drizzle-orm';
import { awardCatalogue } from '#contracts/award-catalogue.ts';
import type { AwardCode } from '#contracts/awards.ts';
import type { StatisticsFilter } from '#contracts/statistics.ts';

/**
 * The closed vocabulary of the forms' filters, evaluated two ways that must agree: on the grouped
 * figures of a year (a cell's count, `matches`) and as SQL over the records (a cell's drill-down,
 * `filterSql`). The SQL names the aliases of `recordsFrom` and `movementsFrom` in figures.ts.
 */

/** One group of award records: what every award filter reads. */
export interface AwardGroup {
  awardCode: string;
  rewardType: string;
  subject: string;
  positionClass: string | null;
  gender: string | null;
  count: number;
}

/** One group of movements: what every movement filter reads. */
export interface MovementGroup {
  launchLevel: string;
  kind: string;
  years: number;
  count: number;
}

/** The award codes a filter's column fields allow (undefined = any). */
export function codesOf(filter: StatisticsFilter): Set<string> | undefined {
  let codes: Set<string> | undefined;
  const narrow = (allowed: string[]) => {
    codes = new Set(codes ? allowed.filter((code) => codes?.has(code)) : allowed);
  };
  const entries = Object.values(awardCatalogue);
  if (filter.awardCodes) narrow(filter.awardCodes);
  if (filter.statisticsColumns) {
    const columns = new Set<string>(filter.statisticsColumns);
    narrow(
      entries.filter((entry) => entry.statistics && columns.has(entry.statistics)).map((entry) => entry.code),
    );
  }
  if (filter.hasStatisticsColumnOf) {
    const prefix = `F${filter.hasStatisticsColumnOf}_`;
    narrow(entries.filter((entry) => entry.statistics?.startsWith(prefix)).map((entry) => entry.code));
  }
  return codes;
}

const within = (list: readonly string[] | undefined, value: string | null) =>
  list === undefined || (value !== null && list.includes(value));

/** True when the group of award records passes every filter. */
export function matchesAward(group: AwardGroup, filters: StatisticsFilter[]): boolean {
  return filters.every((filter) => {
    const codes = codesOf(filter);
    return (
      (codes === undefined || codes.has(group.awardCode)) &&
      within(filter.rewardTypes, group.rewardType) &&
      within(filter.subjects, group.subject) &&
      within(filter.positionClasses, group.positionClass) &&
      within(filter.genders, group.gender)
    );
  });
}

/** True when the group of movements passes every filter. */
export function matchesMovement(group: MovementGroup, filters: StatisticsFilter[]): boolean {
  return filters.every(
    (filter) =>
      within(filter.launchLevels, group.launchLevel) &&
      within(filter.movementKinds, group.kind) &&
      (filter.minYears === undefined || group.years >= filter.minYears) &&
      (filter.maxYears === undefined || group.years <= filter.maxYears),
  );
}

/** The subject of an award record (r: award_received, su: the subject's unit). */
export const subjectSql = sql`case when r.person_id is not null then 'individual'
  when r.household_name is not null then 'household'
  when su.kind = 'state_enterprise' then 'enterprise' else 'collective' end`;

/** The level that launched a movement (lu: the launching unit). */
export const launchLevelSql = sql`case when lu.parent_id is null and lu.kind = 'central' then 'national'
  when lu.kind in ('central', 'province') then 'ministry_province' else 'unit' end`;

const inList = (expression: SQL, list: readonly string[]) =>
  sql`${expression} in (${sql.join(
    list.map((value) => sql`${value}`),
    sql`, `,
  )})`;

/** The filters as SQL over award records (r, su, p, pc). */
export function awardFilterSql(filters: StatisticsFilter[]): SQL {
  const parts: SQL[] = [sql`true`];
  for (const filter of filters) {
    const codes = codesOf(filter);
    if (codes) parts.push(codes.size ? inList(sql`r.award_code`, [...codes] as AwardCode[]) : sql`false`);
    if (filter.rewardTypes) parts.push(inList(sql`r.reward_type`, filter.rewardTypes));
    if (filter.subjects) parts.push(inList(subjectSql, filter.subjects));
    if (filter.positionClasses) parts.push(inList(sql`pc.position_class`, filter.positionClasses));
    if (filter.genders) parts.push(inList(sql`p.gender`, filter.genders));
  }
  return sql.join(parts, sql` and `);
}

/** The filters as SQL over movements (m, lu). */
export function movementFilterSql(filters: StatisticsFilter[]): SQL {
  const parts: SQL[] = [sql`true`];
  const years = sql`(m.period_to - m.period_from + 1)`;
  for (const filter of filters) {
    if (filter.launchLevels) parts.push(inList(launchLevelSql, filter.launchLevels));
    if (filter.movementKinds) parts.push(inList(sql`m.kind`, filter.movementKinds));
    if (filter.minYears !== undefined) parts.push(sql`${years} >= ${filter.minYears}`);
    if (filter.maxYears !== undefined) parts.push(sql`${years} <= ${filter.maxYears}`);
  }
  return sql.join(parts, sql` and `);
}
