import type { PlanContent } from '../../../../contracts/movements.ts';

/** The names of a unit that appear in plan texts. */
export interface UnitNames {
  name: string;
  shortName: string | null;
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

/** Ordered text replacements turning the parent unit's names into the child's. */
export function localisationPairs(from: UnitNames, to: UnitNames): [RegExp, string][] {
  const pairs: [string, string][] = [[from.name, to.name]];
  const source = placeOf(from.name);
  const target = placeOf(to.name);
  if (source && target) {
    pairs.push([`${source.level} ${source.place}`, `${target.level} ${target.place}`]);
    pairs.push([source.place, target.place]);
  }
  if (from.shortName && to.shortName && from.shortName !== to.shortName)
    pairs.push([from.shortName, to.shortName]);
  const out: [RegExp, string][] = [];
  for (const [a, b] of pairs) {
    out.push([new RegExp(`${notLetter}${escapeRegExp(a)}${notLetterAfter}`, 'gu'), b]);
    out.push([
      new RegExp(`${notLetter}${escapeRegExp(a.toUpperCase())}${notLetterAfter}`, 'gu'),
      b.toUpperCase(),
    ]);
  }
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
  const next = mapStrings(content, (text) =>
    pairs.reduce((out, [pattern, by]) => out.replace(pattern, by), text),
  );
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
