import { foldText } from './lines.ts';

/** Family of a numbering label; items of the same family are siblings. */
export type LabelKind =
  | 'part'
  | 'article'
  | 'roman'
  | 'upper-letter'
  | 'decimal-2'
  | 'decimal-3'
  | 'decimal-4'
  | 'arabic'
  | 'letter'
  | 'ordinal-word'
  | 'dash'
  | 'plus'
  | 'bullet';

/** A numbering label found at the start of a line. */
export interface Label {
  kind: LabelKind;
  /** The label exactly as written, e.g. "I.", "1.1.", "a)", "- +", "Một là,". */
  label: string;
  /** The rest of the line. */
  rest: string;
}

const romanValue = /^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ordinalWords = ['mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin', 'muoi'];

interface Rule {
  kind: LabelKind;
  pattern: RegExp;
  accept?: (match: RegExpExecArray) => boolean;
}

const rules: Rule[] = [
  { kind: 'part', pattern: /^((?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+[IVXLC\d]+\s*[.:\-–]?)\s+/ },
  { kind: 'article', pattern: /^((?:Điều|ĐIỀU|Dieu)\s+\d+\s*[.:\-–]?)\s+/ },
  {
    kind: 'roman',
    pattern: /^(([IVXLC]+)\s*[.\-–):])\s*/,
    accept: (match) => romanValue.test(match[2] ?? ''),
  },
  { kind: 'decimal-4', pattern: /^(\d{1,2}\.\d{1,2}\.\d{1,2}\.\d{1,2}\.?)\s+/ },
  { kind: 'decimal-3', pattern: /^(\d{1,2}\.\d{1,2}\.\d{1,2}\.?)\s+/ },
  { kind: 'decimal-2', pattern: /^(\d{1,2}\.\d{1,2}\.?)\s+/ },
  { kind: 'arabic', pattern: /^(\d{1,2}\s*[.\-–)])\s*(?=\S)/ },
  { kind: 'letter', pattern: /^([a-zđ]\s*[.)])\s+/ },
  { kind: 'upper-letter', pattern: /^([A-ZĐ][.)])\s+(?=\p{Lu})/u },
  { kind: 'plus', pattern: /^([-–]\s*\+)\s*/ },
  { kind: 'dash', pattern: /^([-–—])\s*(?=\S)/ },
  { kind: 'plus', pattern: /^(\+)\s*(?=\S)/ },
  { kind: 'bullet', pattern: /^([•·▪○●*])\s*(?=\S)/ },
];

/** Reads the numbering label at the start of a cleaned line, or null when the line has none. */
export function readLabel(text: string): Label | null {
  for (const rule of rules) {
    const match = rule.pattern.exec(text);
    if (!match || (rule.accept && !rule.accept(match))) continue;
    const rest = text.slice(match[0].length).trim();
    if (rest.length === 0 && rule.kind !== 'roman' && rule.kind !== 'arabic') continue;
    if (rule.kind === 'arabic' && /^\d/.test(rest)) continue;
    // "32-CT/TU ngày …" starts with a Party document's number and symbol, not with an item number.
    if (rule.kind === 'arabic' && /^\d{1,4}-[A-ZĐ][A-Za-zĐđ]*\/[A-ZĐ]/.test(text)) continue;
    return { kind: rule.kind, label: (match[1] ?? '').replace(/\s+/g, ' ').trim(), rest };
  }
  return readOrdinalWord(text);
}

const partAlone = /^((?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+[IVXLC\d]+)\s*[.:]?$/u;

/** Reads a chapter or part label written alone on its line ("Chương I"), its heading on the next line. */
export function readPartLabel(text: string): Label | null {
  const match = partAlone.exec(text);
  return match ? { kind: 'part', label: (match[1] ?? '').replace(/\s+/g, ' '), rest: '' } : null;
}

/** Reads "Một là, …", "Hai là: …" style labels. */
function readOrdinalWord(text: string): Label | null {
  const match = /^(\p{L}+)\s+(là|la)\s*([,:.])?\s*/u.exec(text);
  if (!match) return null;
  if (!ordinalWords.includes(foldText(match[1] ?? ''))) return null;
  const rest = text.slice(match[0].length).trim();
  if (rest.length === 0) return null;
  return { kind: 'ordinal-word', label: match[0].trim(), rest };
}

/** Renders a label and its text as one line, the way the parser reads it back. */
export function joinLabel(label: string | null, text: string): string {
  return label ? `${label} ${text}` : text;
}
