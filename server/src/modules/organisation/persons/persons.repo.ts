import { and, asc, desc, eq, getTableColumns, isNull, type SQL, sql } from 'drizzle-orm';
import type { CursorQuery, ListTotal } from '#contracts/common.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, type KeysetPage, keyCompare, readKeysetPage } from '#server/platform/db/keyset.ts';
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

/** One keyset page of the people matching the filter, in Vietnamese order, with their unit's name. */
export async function readPersonsPage(
  executor: Executor,
  filter: PersonListFilter,
  query: Pick<CursorQuery, 'after' | 'before' | 'limit'>,
): Promise<KeysetPage<PersonListRow>> {
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
      .select(listColumns)
      .from(persons)
      .innerJoin(units, eq(units.id, persons.unitId))
      .where(and(filter.where, where))
      .orderBy(
        ...(descending ? [desc(persons.sortKey), desc(persons.id)] : [asc(persons.sortKey), asc(persons.id)]),
      )
      .limit(limit);
  if (readsByName(filter)) {
    const q = filter.q;
    return readRankedPage({
      query,
      ranks: searchRanks(persons.fullName, q),
      ...personKey,
      read: ({ where, descending, limit, rank, from }) =>
        read({
          where: sql`${persons.id} in (${personIdsByName({ q, rank, from, where, others: filter.others, descending, limit })})`,
          descending,
          limit,
        }),
    });
  }
  return filter.q
    ? readRankedPage({ query, ranks: searchRanks(persons.fullName, filter.q), ...personKey, read })
    : readKeysetPage({ query, ...personKey, read });
}

/** How many people match (exact up to 10,000, or on demand). */
export function countPersons(
  executor: Executor,
  filter: PersonListFilter,
  exact: boolean,
): Promise<ListTotal> {
  if (readsByName(filter)) {
    // The people of the matching names, from persons_sort_idx (index only when no other condition).
    const byName = sql`${persons.sortKey} = any(array(${matchingNameKeys(filter.q)}))`;
    return countCapped(
      executor,
      executor.select({ one: sql`1` }).from(persons).where(and(byName, filter.others)),
      exact,
    );
  }
  const select = filter.usesUnits
    ? executor
        .select({ one: sql`1` })
        .from(persons)
        .innerJoin(units, eq(units.id, persons.unitId))
        .where(filter.where)
    : executor.select({ one: sql`1` }).from(persons).where(filter.where);
  return countCapped(executor, select, exact);
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
