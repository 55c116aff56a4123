import { and, type SQL, sql } from 'drizzle-orm';
import type { KeyValue } from '#server/platform/db/keyset.ts';
import { searchRanks, typedWords } from './search-terms.ts';

/**
 * A person search read through `person_names` (the distinct names with their search terms): the
 * matching names come from its small GIN index in name order, and each name's people from
 * persons_sort_idx in id order, so a page reads a few names and its own rows, never every person
 * called Nguyễn. Used when the list's other conditions are on persons alone (no unit subtree), so a
 * name's people are rarely skipped.
 */

/** The sort keys of the names matching the search (`rank` of `searchRanks`, when given). */
export function matchingNameKeys(q: string, rank?: number): SQL {
  const words = typedWords(q).join(' ');
  const ranked = rank === undefined ? undefined : searchRanks(sql`n.full_name`, q)[rank];
  return sql`select n.sort_key from person_names n
    where n.search_terms @> search_words(${words})${ranked ? sql` and ${ranked}` : sql``}`;
}

/**
 * The ids of one slice of a ranked person search, in (sort key, id) order: names walked in order from
 * the slice's start, each name's people read from the index until `limit` are found (ordered by the
 * name's key, so PostgreSQL sorts incrementally and stops at the limit instead of reading every name). `where` is the
 * slice's condition on `persons` (rank and key), `others` the list's conditions on `persons`.
 */
export function personIdsByName(options: {
  q: string;
  rank: number;
  from: KeyValue[] | null;
  where: SQL | undefined;
  others: SQL | undefined;
  descending: boolean;
  limit: number;
}): SQL {
  const { q, rank, from, descending, limit } = options;
  const direction = descending ? sql`desc` : sql`asc`;
  const start = from ? sql` and n.sort_key ${descending ? sql`<=` : sql`>=`} ${from[0]}` : sql``;
  const condition = and(options.others, options.where) ?? sql`true`;
  return sql`select p.id from (${matchingNameKeys(q, rank)}${start}
      order by n.sort_key ${direction}) n
    cross join lateral (
      select persons.id from persons
      where persons.sort_key = n.sort_key and ${condition}
      order by persons.id ${direction} limit ${limit}) p
    order by n.sort_key ${direction}, p.id ${direction} limit ${limit}`;
}
