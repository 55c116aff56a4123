import { encodeCursor } from '#server/platform/db/keyset.ts';

/**
 * Vietnamese alphabetical order computed in TypeScript and stored in `sort_key` (COLLATE "C"), so
 * that SQL can sort and page correctly on PGlite, which has no Vietnamese collation.
 *
 * The key follows CLDR `vi` (what `Intl.Collator('vi')` does): letters compare first, with
 * ă, â after a, đ after d, ê after e, ô, ơ after o, ư after u; tones only break ties, in the order
 * none, huyền, hỏi, ngã, sắc, nặng; then lower case before upper case. The key is the letters'
 * weights (one ASCII character each, word breaks lowest), "!", one tone digit per letter, "!", one
 * case digit per letter.
 */
const ALPHABET = [
  ...'0123456789',
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  ...'fghijklmn',
  'o',
  'ô',
  'ơ',
  ...'pqrstu',
  'ư',
  ...'vwxyz',
];
const WEIGHT = new Map(ALPHABET.map((letter, index) => [letter, String.fromCharCode(0x30 + index)]));
const SPACE = '\u0023';
const TONE_MARKS: Record<string, string> = {
  '\u0300': '1',
  '\u0309': '2',
  '\u0303': '3',
  '\u0301': '4',
  '\u0323': '5',
};
/** Marks that make a different letter (breve, circumflex, horn) rather than a tone. */
const LETTER_MARKS: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031b': { o: 'ơ', u: 'ư' },
};

/** The collation key of a text (e.g. a unit's name). */
export function vietnameseSortKey(text: string): string {
  const decomposed = text.normalize('NFD');
  let primary = '';
  let tones = '';
  let cases = '';
  let previousWasSpace = true;
  for (let index = 0; index < decomposed.length; index++) {
    const original = decomposed[index] as string;
    let letter = original.toLowerCase();
    let tone = '0';
    for (let next = decomposed[index + 1]; next && /\p{M}/u.test(next); next = decomposed[++index + 1]) {
      const combined = LETTER_MARKS[next]?.[letter];
      if (combined) letter = combined;
      else tone = TONE_MARKS[next] ?? tone;
    }
    const weight = WEIGHT.get(letter);
    if (weight) {
      primary += weight;
      tones += tone;
      cases += letter === original ? '0' : '1';
      previousWasSpace = false;
    } else if (!previousWasSpace) {
      // Any run of spaces or punctuation separates words and sorts before every letter.
      primary += SPACE;
      previousWasSpace = true;
    }
  }
  return `${primary.replace(/#$/, '')}!${tones}!${cases}`;
}

/**
 * The collation key of a person's full name: Vietnamese lists order people by given name (the last
 * word), then by family and middle names ("Nguyễn Văn An" sorts as "An Nguyễn Văn").
 */
export function personSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const given = words.pop() ?? '';
  return vietnameseSortKey([given, ...words].join(' '));
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * The cursor that starts a list sorted by (sort key, id) at a letter ("nhảy tới chữ"): just before
 * the first key beginning with that letter. `rank` goes first for a ranked search's cursor.
 */
export function letterCursor(letter: string, rank: number[] = []): string {
  const [primary = ''] = vietnameseSortKey(letter.toLowerCase()).split('!');
  return encodeCursor([...rank, primary, NIL_UUID]);
}
