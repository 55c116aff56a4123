import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** Escapes LIKE wildcards in user input so `%` and `_` match themselves. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The searchable form of a column: lower-cased with diacritics removed (`Sở Nội vụ` → `so noi vu`). */
export function searchable(column: AnyColumn | SQL): SQL {
  return sql`f_unaccent(lower(${column}))`;
}

/**
 * The one helper for diacritic- and case-insensitive search: `noi vu` matches `Sở Nội vụ`.
 * Index the same expression with a GIN trigram index: `USING gin (f_unaccent(lower(col)) gin_trgm_ops)`.
 */
export function matchesText(column: AnyColumn | SQL, query: string): SQL {
  const pattern = `%${escapeLike(query.trim())}%`;
  return sql`${searchable(column)} ILIKE f_unaccent(lower(${pattern}))`;
}
