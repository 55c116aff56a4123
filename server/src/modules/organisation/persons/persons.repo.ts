import { and, asc, desc, eq, getTableColumns, isNull, type SQL, sql } from 'drizzle-orm';
import type { CursorQuery, ListTotal } from '#contracts/common.ts';
import type { Executor } from '#server/platform/db/client.ts';
import {
  countCapped,
  type KeysetPage,
  keyCompare,
  pageTotal,
  readKeysetPage,
  readWithTotal,
  totalColumn,
} from '#server/platform/db/keyset.ts';
import { employments, persons, units } from '#server/platform/db/schema.ts';
import { matchingNameKeys, personIdsByName } from '../search/person-names.ts';
import { readRankedPage } from '../search/ranked-page.ts';
import { searchRanks } from '../search/search-terms.ts';

/** A person's columns without their search terms (which only the search reads). */
const { searchTerms: _searchTerms, ...personColumns } = getTableColumns(persons);

export { personColumns };
export type PersonRow = Omit<typeof persons.$inferSelect, 'searchTerms'>;

const listColumns = { person: personColumns, unitName: units.name, unitPath: units.path };
type PersonListRow = { person: PersonRow; unitName: string; unitPath: string };

/** The order of the people list: Vietnamese order of the given name first (stored key), then id. */
const personKey = {
  columns: [persons.sortKey, persons.id],
  kinds: ['string', 'uuid'] as const,
  keyOf: (row: PersonListRow) => [row.person.sortKey, row.person.id],
};

/** A people list's filter: the condition (which may use `units.path`) and the search text. */
export interface PersonListFilter {
  where: SQL | undefined;
  /** The search, whose exact spelling (diacritics) ranks first. */
  q?: string | undefined;
  /** False when the condition does not use `units` (the total then counts people alone). */
  usesUnits: boolean;
  /**
   * The condition without the search, when it is on `persons` alone: a search is then read through
   * the names it matches (person_names), page and total.
   */
  others?: SQL | undefined;
}

/** True when the search is read through person_names (the filter's other conditions are on persons alone). */
const readsByName = (filter: PersonListFilter): filter is PersonListFilter & { q: string } =>
  Boolean(filter.q) && !filter.usesUnits && 'others' in filter;

/**
 * The unit's name and path of each row of a page: by a join when the filter needs the units anyway,
 * else as subqueries, which PostgreSQL evaluates after ORDER BY … LIMIT, i.e. for the page's rows
 * only (a search joined every match to its unit before keeping 20).
 */
const pageUnitColumns = {
  // The outer reference is written out: Drizzle leaves columns unqualified in a one-table select.
  unitName: sql<string>`(select u.name from ${units} u where u.id = "persons"."unit_id")`,
  unitPath: sql<string>`(select u.path from ${units} u where u.id = "persons"."unit_id")`,
};

/**
 * One keyset page of the people matching the filter, in Vietnamese order, with their unit's name,
 * and how many match (exact up to 10,000, or on demand) — page and total in one query.
 */
export async function readPersonsPage(
  executor: Executor,
  filter: PersonListFilter,
  query: Pick<CursorQuery, 'after' | 'before' | 'limit'>,
  exactTotal = false,
): Promise<KeysetPage<PersonListRow> & { total: ListTotal }> {
  if (readsByName(filter)) return readPersonsPageByName(executor, filter, query, exactTotal);
  const counted = countSelect(executor, filter);
  const read = readWithTotal(
    totalColumn(counted, exactTotal),
    async ({ where, descending, limit }, total) => {
      const order = descending
        ? [desc(persons.sortKey), desc(persons.id)]
        : [asc(persons.sortKey), asc(persons.id)];
      return filter.usesUnits
        ? executor
            .select({ ...listColumns, total })
            .from(persons)
            .innerJoin(units, eq(units.id, persons.unitId))
            .where(and(filter.where, where))
            .orderBy(...order)
            .limit(limit)
        : executor
            .select({ person: personColumns, ...pageUnitColumns, total })
            .from(persons)
            .where(and(filter.where, where))
            .orderBy(...order)
            .limit(limit);
    },
  );
  const page = filter.q
    ? await readRankedPage({ query, ranks: searchRanks(persons.fullName, filter.q), ...personKey, read })
    : await readKeysetPage({ query, ...personKey, read });
  const total = pageTotal(page.rows, exactTotal) ?? (await countCapped(executor, counted, exactTotal));
  return { ...page, rows: page.rows.map(({ total: _total, ...row }) => row), total };
}

/** The rows a people list counts (any columns), with its filter. */
function countSelect(executor: Executor, filter: PersonListFilter) {
  return filter.usesUnits
    ? executor
        .select({ one: sql`1` })
        .from(persons)
        .innerJoin(units, eq(units.id, persons.unitId))
        .where(filter.where)
    : executor.select({ one: sql`1` }).from(persons).where(filter.where);
}

/**
 * A search over every unit, read through the names it matches (person_names): the page walks the
 * matching names in order and each name's people from persons_sort_idx; the total counts the people
 * of those names from the index (capped at 10,000 unless exact).
 */
async function readPersonsPageByName(
  executor: Executor,
  filter: PersonListFilter & { q: string },
  query: Pick<CursorQuery, 'after' | 'before' | 'limit'>,
  exactTotal: boolean,
): Promise<KeysetPage<PersonListRow> & { total: ListTotal }> {
  const { q } = filter;
  const page = await readRankedPage({
    query,
    ranks: searchRanks(persons.fullName, q),
    ...personKey,
    read: ({ where, descending, limit, rank, from }) =>
      executor
        .select({ person: personColumns, ...pageUnitColumns })
        .from(persons)
        .where(
          and(
            filter.where,
            sql`${persons.id} in (${personIdsByName({ q, rank, from, where, others: filter.others, descending, limit })})`,
          ),
        )
        .orderBy(
          ...(descending
            ? [desc(persons.sortKey), desc(persons.id)]
            : [asc(persons.sortKey), asc(persons.id)]),
        )
        .limit(limit),
  });
  const byName = sql`${persons.sortKey} = any(array(${matchingNameKeys(q)}))`;
  const total = await countCapped(
    executor,
    executor.select({ one: sql`1` }).from(persons).where(and(byName, filter.others)),
    exactTotal,
  );
  return { ...page, total };
}

/** Every person matching the condition, in order, chunk by chunk (keyset paging for large exports). */
export async function* streamPersons(executor: Executor, where: SQL | undefined, chunk = 5000) {
  let after: [string, string] | null = null;
  for (;;) {
    const rows = await executor
      .select({ ...listColumns, unitCode: units.code })
      .from(persons)
      .innerJoin(units, eq(units.id, persons.unitId))
      .where(and(where, after ? keyCompare(personKey.columns, '>', after) : undefined))
      .orderBy(asc(persons.sortKey), asc(persons.id))
      .limit(chunk);
    yield rows;
    const last = rows.at(-1);
    if (rows.length < chunk || !last) return;
    after = [last.person.sortKey, last.person.id];
  }
}

/** One person with the name and path of their unit, or null. */
export async function findPerson(executor: Executor, id: string): Promise<PersonListRow | null> {
  const [row] = await executor
    .select(listColumns)
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(eq(persons.id, id));
  return row ?? null;
}

/** A person's employment history, latest first. */
export async function listEmployments(executor: Executor, personId: string) {
  return executor
    .select({
      id: employments.id,
      unitId: employments.unitId,
      unitName: units.name,
      position: employments.position,
      startedOn: employments.startedOn,
      endedOn: employments.endedOn,
    })
    .from(employments)
    .innerJoin(units, eq(units.id, employments.unitId))
    .where(eq(employments.personId, personId))
    .orderBy(desc(employments.createdAt));
}

/** Closes the person's open employment (if any) on the given date. */
export async function closeOpenEmployment(executor: Executor, personId: string, endedOn: string) {
  await executor
    .update(employments)
    .set({ endedOn, updatedAt: new Date() })
    .where(and(eq(employments.personId, personId), isNull(employments.endedOn)));
}
