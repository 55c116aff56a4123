import { and, asc, desc, eq, getTableColumns, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CursorQuery, ListTotal } from '#contracts/common.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, type KeysetPage, readKeysetPage } from '#server/platform/db/keyset.ts';
import { unitSuccessions, units } from '#server/platform/db/schema.ts';
import { readRankedPage } from '../search/ranked-page.ts';
import { matchesWords, searchRanks } from '../search/search-terms.ts';
import { selectRows } from '../sql-rows.ts';

/** A unit's columns without its search terms (which only the search reads). */
const { searchTerms: _searchTerms, ...unitColumns } = getTableColumns(units);

export { unitColumns };
export type UnitRow = Omit<typeof units.$inferSelect, 'searchTerms'>;
const parent = alias(units, 'parent');

/** The order of every unit list: Vietnamese alphabetical (stored key), then id; the keyset of its cursors. */
const unitKey = {
  columns: [units.sortKey, units.id],
  kinds: ['string', 'uuid'] as const,
  keyOf: (row: { unit: UnitRow }) => [row.unit.sortKey, row.unit.id],
};

/** Condition "the unit is still valid today". */
export const isActiveUnit = (table: typeof units = units) =>
  or(isNull(table.validTo), sql`${table.validTo} >= current_date`) as SQL;

/** Condition: every word of `q` starts a word of the name, short name or code (no diacritics needed). */
export const unitMatches = (q: string) => matchesWords(units.searchTerms, q);

/** The text a unit search ranks on: name, short name and code. */
const unitText = sql`concat_ws(' ', ${units.name}, ${units.shortName}, ${units.code})`;

const activeChild = sql`(c.valid_to is null or c.valid_to >= current_date)`;

/**
 * Columns of a unit list row. `childCount` counts the children a listing with the same
 * `includeEnded` choice returns; `endedChildCount` counts the ended ones either way.
 */
const listColumns = (includeEnded = false) => ({
  unit: unitColumns,
  parentName: parent.name,
  childCount: sql<number>`(select count(*)::int from units c where c.parent_id = ${units.id}
    ${includeEnded ? sql`` : sql`and ${activeChild}`})`,
  endedChildCount: sql<number>`(select count(*)::int from units c where c.parent_id = ${units.id}
    and not ${activeChild})`,
});

/** A unit's successor as a list row names it. */
export interface SuccessorRef {
  id: string;
  name: string;
}

/** The successors of each of the units, in one query, keyed by predecessor id. */
export async function findSuccessorsOf(
  executor: Executor,
  unitIds: string[],
): Promise<Map<string, SuccessorRef[]>> {
  const byUnit = new Map<string, SuccessorRef[]>();
  if (!unitIds.length) return byUnit;
  const rows = await executor
    .select({ predecessorId: unitSuccessions.predecessorId, id: units.id, name: units.name })
    .from(unitSuccessions)
    .innerJoin(units, eq(units.id, unitSuccessions.successorId))
    .where(inArray(unitSuccessions.predecessorId, unitIds))
    .orderBy(asc(units.sortKey), asc(units.id));
  for (const { predecessorId, ...successor } of rows) {
    const list = byUnit.get(predecessorId) ?? [];
    list.push(successor);
    byUnit.set(predecessorId, list);
  }
  return byUnit;
}

/** A unit list row as the presenter takes it: the unit, its parent's name, counts and successors. */
export interface UnitListRow {
  unit: UnitRow;
  parentName: string | null;
  childCount: number;
  endedChildCount: number;
  successors: SuccessorRef[];
}

/** Adds each row's successors, in one query for all the rows. */
export async function addSuccessors<Row extends { unit: UnitRow }>(
  executor: Executor,
  rows: Row[],
): Promise<(Row & { successors: SuccessorRef[] })[]> {
  const successors = await findSuccessorsOf(
    executor,
    rows.map((row) => row.unit.id),
  );
  return rows.map((row) => ({ ...row, successors: successors.get(row.unit.id) ?? [] }));
}

/** A unit list's filter: the condition, and the search text whose exact spelling ranks first. */
export interface UnitListFilter {
  where: SQL | undefined;
  q?: string | undefined;
  includeEnded?: boolean;
}

/**
 * One keyset page of the units matching the filter, in Vietnamese alphabetical order (a search with
 * diacritics: exact spellings first). Child counts are subqueries of the page's rows only (no
 * offset, so nothing skipped is counted); successors come in one more query for the page.
 */
export async function readUnitsPage(
  executor: Executor,
  filter: UnitListFilter,
  query: Pick<CursorQuery, 'after' | 'before' | 'limit'>,
): Promise<KeysetPage<UnitListRow>> {
  const columns = listColumns(filter.includeEnded);
  const read = ({
    where,
    descending,
    limit,
  }: {
    where: SQL | undefined;
    descending: boolean;
    limit: number;
  }) =>
    executor
      .select(columns)
      .from(units)
      .leftJoin(parent, eq(parent.id, units.parentId))
      .where(and(filter.where, where))
      .orderBy(...(descending ? [desc(units.sortKey), desc(units.id)] : [asc(units.sortKey), asc(units.id)]))
      .limit(limit);
  const page = filter.q
    ? await readRankedPage({ query, ranks: searchRanks(unitText, filter.q), ...unitKey, read })
    : await readKeysetPage({ query, ...unitKey, read });
  return { ...page, rows: await addSuccessors(executor, page.rows) };
}

/** How many units match (exact up to 10,000, or on demand). */
export function countUnits(executor: Executor, where: SQL | undefined, exact: boolean): Promise<ListTotal> {
  return countCapped(executor, executor.select({ one: sql`1` }).from(units).where(where), exact);
}

/** Condition "a child of the unit that a listing with the `includeEnded` choice returns". */
export const childOf = (parentId: string, includeEnded = false) =>
  and(eq(units.parentId, parentId), includeEnded ? undefined : isActiveUnit()) as SQL;

/** Every unit matching the condition, in order, in chunks (for exports without loading everything). */
export async function* streamUnits(executor: Executor, where: SQL | undefined, chunk = 5000) {
  for (let offset = 0; ; offset += chunk) {
    const rows = await executor
      .select({ unit: unitColumns, parentCode: parent.code })
      .from(units)
      .leftJoin(parent, eq(parent.id, units.parentId))
      .where(where)
      .orderBy(asc(units.path))
      .limit(chunk)
      .offset(offset);
    yield rows;
    if (rows.length < chunk) return;
  }
}

/** One unit with its parent's name, child counts and successors, or null. */
export async function findUnitItem(executor: Executor, id: string) {
  const rows = await executor
    .select(listColumns())
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(eq(units.id, id));
  const [row] = await addSuccessors(executor, rows);
  return row ?? null;
}

/** One unit row, or null. */
export async function findUnitRow(executor: Executor, id: string): Promise<UnitRow | null> {
  const [row] = await executor.select(unitColumns).from(units).where(eq(units.id, id));
  return row ?? null;
}

/** Units by id (for checking lists of ids at once). */
export async function findUnitRows(executor: Executor, ids: string[]): Promise<UnitRow[]> {
  if (!ids.length) return [];
  return executor.select(unitColumns).from(units).where(inArray(units.id, ids));
}

/** Ids and names of the units on a path, root first. */
export async function findAncestors(executor: Executor, path: string) {
  const ids = path.split('/').filter(Boolean).slice(0, -1);
  if (!ids.length) return [];
  const rows = await executor
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, ids));
  return ids.flatMap((id) => rows.filter((row) => row.id === id));
}

/** Paths of every unit the given units succeeded, directly or through a chain of successions. */
export async function predecessorPaths(executor: Executor, unitIds: string[]): Promise<string[]> {
  if (!unitIds.length) return [];
  const ids = sql.join(
    unitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await selectRows<{ path: string }>(
    executor,
    sql`with recursive predecessors(id) as (
      select predecessor_id from unit_successions where successor_id in (${ids})
      union
      select s.predecessor_id from unit_successions s join predecessors p on s.successor_id = p.id
    )
    select path from units where id in (select id from predecessors)`,
  );
  return rows.map((row) => row.path);
}

/** The units this unit succeeded and the units that succeeded it. */
export async function findSuccessionLinks(executor: Executor, id: string) {
  const link = {
    id: units.id,
    name: units.name,
    code: units.code,
    kind: unitSuccessions.kind,
    effectiveDate: unitSuccessions.effectiveDate,
  };
  const [predecessors, successors] = await Promise.all([
    executor
      .select(link)
      .from(unitSuccessions)
      .innerJoin(units, eq(units.id, unitSuccessions.predecessorId))
      .where(eq(unitSuccessions.successorId, id))
      .orderBy(asc(units.sortKey)),
    executor
      .select(link)
      .from(unitSuccessions)
      .innerJoin(units, eq(units.id, unitSuccessions.successorId))
      .where(eq(unitSuccessions.predecessorId, id))
      .orderBy(asc(units.sortKey)),
  ]);
  return { predecessors, successors };
}

/** Rewrites the paths of a whole subtree after a move, in one statement. */
export async function rewriteSubtreePaths(executor: Executor, oldPrefix: string, newPrefix: string) {
  await executor
    .update(units)
    .set({
      path: sql`${newPrefix} || substr(${units.path}, ${oldPrefix.length + 1})`,
      updatedAt: new Date(),
    })
    .where(and(sql`${units.path} like ${`${oldPrefix}%`}`));
}
