import { and, type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/** At most this many words of a search count (a longer text is no more precise). */
const MAX_WORDS = 8;

/** The search's words as typed, lower case (NFC), letters and digits only: used to rank exact matches first. */
export function typedWords(q: string): string[] {
  return q
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
}

/** True when the search carries diacritics (or đ): then names written exactly so come first. */
export function hasDiacritics(q: string): boolean {
  return /[^\u0020-\u007e]/.test(q.normalize('NFC'));
}

/**
 * "Every word of the search starts a word of the name", without diacritics, in any order: the
 * stored prefixes (`search_terms`, kept by a trigger with `search_prefixes()`) contain the search's
 * words (`search_words()`, the same normalisation in SQL). One GIN index answers it.
 */
export function matchesWords(terms: SQLWrapper, q: string): SQL {
  return sql`${terms} @> search_words(${typedWords(q).join(' ')})`;
}

/**
 * "Every word of the search starts a word of the text, diacritics included" (the words are letters
 * and digits only, so they are safe inside the pattern). Checked only on rows `matchesWords` found.
 */
export function matchesWordsExactly(text: SQLWrapper, q: string): SQL {
  const words = typedWords(q);
  return and(...words.map((word) => sql`lower(${text}) ~ ${`(^|[^[:alnum:]])${word}`}`)) ?? sql`true`;
}

/**
 * The ranks of a search's rows, best first, for `readRankedPage`: with diacritics, the rows written
 * exactly as typed, then the others; without, one rank.
 */
export function searchRanks(text: SQLWrapper, q: string): SQL[] {
  if (!hasDiacritics(q)) return [sql`true`];
  const exact = matchesWordsExactly(text, q);
  return [exact, sql`not (${exact})`];
}
