import { and, asc, desc, eq, getTableColumns, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type CursorQuery, type ListTotal, SEARCH_TOTAL_CAP, TOTAL_CAP } from '#contracts/common.ts';
import type { Executor } from '#server/platform/db/client.ts';
import {
  countCapped,
  type KeysetPage,
  pageTotal,
  readKeysetPage,
  readWithTotal,
  totalColumn,
} from '#server/platform/db/keyset.ts';
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

/** A unit's successor as a list row names it. */
export interface SuccessorRef {
  id: string;
  name: string;
}

/**
 * Columns of a unit list row, all read in the page's one query. `childCount` counts the children a
 * listing with the same `includeEnded` choice returns; `endedChildCount` counts the ended ones either
 * way. Parent name, counts and successors are subqueries, which PostgreSQL evaluates after ORDER BY …
 * LIMIT, i.e. for the page's rows only. The outer row is written out as "units": Drizzle leaves
 * columns unqualified in a one-table select, where `c.parent_id = id` would read the subquery's own id.
 */
const listColumns = (includeEnded = false) => ({
  unit: unitColumns,
  parentName: sql<string | null>`(select p.name from ${units} p where p.id = "units"."parent_id")`,
  childCount: sql<number>`(select count(*)::int from ${units} c where c.parent_id = "units"."id"
    ${includeEnded ? sql`` : sql`and ${activeChild}`})`,
  endedChildCount: sql<number>`(select count(*)::int from ${units} c where c.parent_id = "units"."id"
    and not ${activeChild})`,
  successors: sql<SuccessorRef[]>`(select coalesce(json_agg(json_build_object('id', s.id, 'name', s.name)
      order by s.sort_key, s.id), '[]'::json)
    from ${unitSuccessions} us join ${units} s on s.id = us.successor_id
    where us.predecessor_id = "units"."id")`,
});

/** A unit list row as the presenter takes it: the unit, its parent's name, counts and successors. */
export interface UnitListRow {
  unit: UnitRow;
  parentName: string | null;
  childCount: number;
  endedChildCount: number;
  successors: SuccessorRef[];
}

/** A unit list's filter: the condition, and the search text whose exact spelling ranks first. */
export interface UnitListFilter {
  where: SQL | undefined;
  q?: string | undefined;
  includeEnded?: boolean;
}

/**
 * One keyset page of the units matching the filter, in Vietnamese alphabetical order (a search with
 * diacritics: exact spellings first), in ONE query: the rows with their extras (see `listColumns`)
 * and, when `exactTotal` is given, the total (exact up to 10,000, or on demand).
 */
export async function readUnitsPage(
  executor: Executor,
  filter: UnitListFilter,
  query: Pick<CursorQuery, 'after' | 'before' | 'limit'>,
  exactTotal?: boolean,
): Promise<KeysetPage<UnitListRow> & { total: ListTotal | null }> {
  const columns = listColumns(filter.includeEnded);
  const counted = executor.select({ one: sql`1` }).from(units).where(filter.where);
  const cap = filter.q ? SEARCH_TOTAL_CAP : TOTAL_CAP;
  // Without a total asked for, no read carries one (`null` from the first read on).
  const read = readWithTotal(
    exactTotal === undefined ? sql<number>`null::int` : totalColumn(counted, exactTotal, cap, !!filter.q),
    async ({ where, descending, limit }, total) =>
      executor
        .select({ ...columns, total })
        .from(units)
        .where(and(filter.where, where))
        .orderBy(
          ...(descending ? [desc(units.sortKey), desc(units.id)] : [asc(units.sortKey), asc(units.id)]),
        )
        .limit(limit),
  );
  const page = filter.q
    ? await readRankedPage({ query, ranks: searchRanks(unitText, filter.q), ...unitKey, read })
    : await readKeysetPage({ query, ...unitKey, read });
  const rows = page.rows.map(({ total: _total, ...row }) => row);
  if (exactTotal === undefined) return { ...page, rows, total: null };
  const total =
    pageTotal(page.rows, exactTotal, cap) ??
    (await countCapped(executor, counted, exactTotal, cap, !!filter.q));
  return { ...page, rows, total };
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
  const [row] = await executor.select(listColumns()).from(units).where(eq(units.id, id));
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
