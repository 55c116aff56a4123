import type { PlanContent } from '#contracts/movements.ts';
import { levelWordPairs } from './plan-level-words.ts';

/** The names of a unit that appear in plan texts, and its kind (units.kind) when known. */
export interface UnitNames {
  name: string;
  shortName: string | null;
  kind?: string | null | undefined;
}

const placePattern = /(tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn|đặc khu)\s+(.+)$/iu;
const notLetter = '(?<![\\p{L}\\p{N}])';
const notLetterAfter = '(?![\\p{L}\\p{N}])';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits "Ủy ban nhân dân huyện Tam Đường" into its level word and place name. */
export function placeOf(name: string): { level: string; place: string } | null {
  const match = placePattern.exec(name);
  if (!match?.[1] || !match[2]) return null;
  return { level: match[1].toLowerCase(), place: match[2].trim() };
}

/** Combining tone marks (grave, acute, tilde, hook above, dot below) as NFD writes them. */
const tone = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';
/** A vowel pair whose tone mark old and new spellings place differently: hòa/hoà, hòe/hoè, thủy/thuỷ. */
const tonePair = new RegExp(`^([oOuU])(${tone}?)([aAeEyY])(${tone}?)$`, 'u');

/** Regex source of one word, matching either placement of the tone mark in its oa/oe/uy pairs. */
function wordSource(word: string): string {
  const letters = word.normalize('NFD').match(/\P{M}\p{M}*/gu) ?? [];
  let out = '';
  for (let index = 0; index < letters.length; index++) {
    const pair = tonePair.exec(`${letters[index]}${letters[index + 1] ?? ''}`);
    const mark = pair ? pair[2] || pair[4] : '';
    if (pair && mark && !(pair[2] && pair[4])) {
      const first = `${pair[1]}${mark}${pair[3]}`.normalize('NFC');
      const second = `${pair[1]}${pair[3]}${mark}`.normalize('NFC');
      out += `(?:${escapeRegExp(first)}|${escapeRegExp(second)})`;
      index++;
    } else {
      out += escapeRegExp((letters[index] ?? '').normalize('NFC'));
    }
  }
  return out;
}

/**
 * A pattern for a name however a document spells it: any run of spaces, a non-breaking space or a
 * line break between its words, either placement of tone marks, as written, in capitals, or with
 * its first letter capitalised (at the start of a sentence: "Tỉnh Lai Châu").
 */
function namePatterns(name: string, by: string): [RegExp, string][] {
  const forms: [string, string][] = [
    [name, by],
    [name.toUpperCase(), by.toUpperCase()],
    [capitalise(name), capitalise(by)],
  ];
  const seen = new Set<string>();
  return forms.flatMap(([form, replacement]) => {
    if (seen.has(form)) return [];
    seen.add(form);
    const source = form.trim().split(/\s+/u).map(wordSource).join('\\s+');
    return [[new RegExp(`${notLetter}${source}${notLetterAfter}`, 'gu'), replacement] as [RegExp, string]];
  });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Ordered text replacements turning the parent unit's words into the child's: first the words of its
 * level ("các sở, ban, ngành" → "các phòng, ban" for a commune), then its names.
 */
export function localisationPairs(from: UnitNames, to: UnitNames): [RegExp, string][] {
  const levelWords = levelWordPairs(from, to);
  const pairs: [string, string][] = [[from.name, to.name]];
  const source = placeOf(from.name);
  const target = placeOf(to.name);
  if (source && target) {
    pairs.push([`${source.level} ${source.place}`, `${target.level} ${target.place}`]);
    pairs.push([source.place, target.place]);
  }
  if (from.shortName && to.shortName && from.shortName !== to.shortName)
    pairs.push([from.shortName, to.shortName]);
  const out = [...levelWords, ...pairs.flatMap(([a, b]) => namePatterns(a, b))];
  // The level word alone ("toàn tỉnh", "UBND tỉnh"), unless it names another place ("tỉnh Điện Biên").
  if (source && target && source.level !== target.level) {
    out.push([
      new RegExp(`${notLetter}${escapeRegExp(source.level)}${notLetterAfter}(?!\\s+\\p{Lu})`, 'gu'),
      target.level,
    ]);
    const upper = source.level.toUpperCase();
    out.push([
      new RegExp(`${notLetter}${escapeRegExp(upper)}${notLetterAfter}(?!\\s+\\p{Lu}\\p{Ll})`, 'gu'),
      target.level.toUpperCase(),
    ]);
  }
  return out;
}

/**
 * Replaces the parent's names in one text. Text typed in decomposed Unicode (some Vietnamese
 * keyboards write it) is compared in composed form, and returned composed only when a name was in it.
 */
function localiseText(text: string, pairs: [RegExp, string][]): string {
  const replace = (input: string) => pairs.reduce((out, [pattern, by]) => out.replace(pattern, by), input);
  const replaced = replace(text);
  const composed = text.normalize('NFC');
  if (composed === text) return replaced;
  const recomposed = replace(composed);
  return recomposed !== composed ? recomposed : replaced;
}

/** Applies the replacements to every string of a JSON value (source line numbers stay). */
function mapStrings<T>(value: T, map: (text: string) => string): T {
  if (typeof value === 'string') return map(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, mapStrings(inner, map)]),
    ) as T;
  }
  return value;
}

/**
 * A subordinate unit's draft of its implementing plan, copied from the parent plan: the parent
 * unit's names replaced by the child's, number, dates, stamp and signer cleared, and the parent
 * plan cited first among the legal bases.
 */
export function localisePlan(content: PlanContent, from: UnitNames, to: UnitNames): PlanContent {
  const pairs = localisationPairs(from, to);
  const parentDocument = content.document;
  const next = mapStrings(content, (text) => localiseText(text, pairs));
  const document = next.document;
  document.issuer = { parent: null, name: to.name.toUpperCase() };
  document.number = null;
  document.date = null;
  document.incoming = null;
  document.unclassified = [];
  document.signature = { ...document.signature, name: null };
  if (parentDocument.number) {
    const issuer = parentDocument.issuer.name ? ` của ${titleCase(parentDocument.issuer.name)}` : '';
    document.legalBasis.unshift({
      text: `Thực hiện Kế hoạch số ${parentDocument.number}${parentDocument.date ? ` ngày ${vietnameseDate(parentDocument.date)}` : ''}${issuer};`,
      refs: [{ number: parentDocument.number, date: parentDocument.date }],
    });
  }
  return next;
}

const lowerWords = new Set([
  'nhân',
  'dân',
  'ban',
  'tỉnh',
  'huyện',
  'xã',
  'thành',
  'phố',
  'thị',
  'quận',
  'phường',
  'trấn',
]);

/** "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" → "Ủy ban nhân dân tỉnh Lai Châu". */
export function titleCase(upper: string): string {
  return upper
    .toLowerCase()
    .split(/\s+/u)
    .map((word, index) =>
      index > 0 && lowerWords.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(' ');
}

const vietnameseDate = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return `${Number(day)}/${Number(month)}/${year}`;
};
