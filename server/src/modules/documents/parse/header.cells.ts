import { parseDate } from './dates.ts';
import { foldText, isUpperText, type SourceLine } from './lines.ts';
import { readLabel } from './numbering.ts';
import { findNumberSymbols } from './references.ts';

/** One cell of a header line (a whole line, or one column of a flattened two-column header). */
export interface HeaderCell {
  /** First and last physical line of the (logical) line the cell is on. */
  n: number;
  end: number;
  text: string;
  key: string;
}

/** What a header cell holds. */
export type CellRole =
  | { role: 'motto' }
  | { role: 'number'; value: string }
  | { role: 'stamp-number'; value: string }
  | { role: 'stamp-date'; value: string | null }
  | { role: 'stamp-mark' }
  | { role: 'place-date'; place: string | null; date: string | null }
  | { role: 'summary'; text: string }
  | { role: 'kind'; value: string }
  | { role: 'addressee-label'; rest: string }
  | { role: 'meta'; field: 'number' | 'date' | 'kind' | 'issuer' | 'signer'; value: string }
  | { role: 'upper' }
  | { role: 'other' };

/** Administrative document type names (NĐ 30/2020), folded. */
export const documentTypes = [
  'nghi quyet',
  'quyet dinh',
  'chi thi',
  'quy che',
  'quy dinh',
  'thong cao',
  'thong bao',
  'huong dan',
  'chuong trinh',
  'ke hoach',
  'phuong an',
  'de an',
  'du an',
  'bao cao',
  'bien ban',
  'to trinh',
  'hop dong',
  'cong van',
  'cong dien',
  'ban ghi nho',
  'ban thoa thuan',
  'giay uy quyen',
  'giay moi',
  'giay gioi thieu',
  'giay nghi phep',
  'phieu gui',
  'phieu chuyen',
  'phieu bao',
  'dieu le',
  'ke hoach lien tich',
];

const metaFields: [string, 'number' | 'date' | 'kind' | 'issuer' | 'signer'][] = [
  ['so hieu', 'number'],
  ['ngay ban hanh', 'date'],
  ['loai van ban', 'kind'],
  ['co quan ban hanh', 'issuer'],
  ['nguoi ky', 'signer'],
];

const mottoPatterns = [/cong hoa xa hoi chu nghia viet nam/, /doc lap\s*[-–—]?\s*tu do\s*[-–—]?\s*hanh phuc/];

/** Splits a header line into cells: on "|" and around the Quốc hiệu / Tiêu ngữ written on the same line. */
export function splitHeaderLine(line: SourceLine): HeaderCell[] {
  const parts = line.text.split('|').map((part) => part.trim());
  const cells: HeaderCell[] = [];
  for (const part of parts) {
    if (!/[\p{L}\p{N}]/u.test(part)) continue;
    for (const piece of splitAroundMotto(part)) {
      cells.push({ n: line.n, end: line.end, text: piece, key: foldText(piece) });
    }
  }
  return cells;
}

function splitAroundMotto(text: string): string[] {
  const key = foldText(text);
  if (key.length !== text.length) return [text];
  for (const pattern of mottoPatterns) {
    const match = pattern.exec(key);
    if (!match || match[0].length === key.length) continue;
    const end = match.index + match[0].length;
    return [
      ...splitAroundMotto(text.slice(0, match.index).trim()),
      text.slice(match.index, end),
      ...splitAroundMotto(text.slice(end).trim()),
    ].filter((piece) => /[\p{L}\p{N}]/u.test(piece));
  }
  const placeDate = /,\s*ngay\s*\d{1,2}\s*thang/.exec(key);
  const numberLine = /^so\s*[:.;]/.test(key) ? findNumberSymbols(text)[0] : undefined;
  if (placeDate && numberLine && numberLine.end < placeDate.index) {
    return [text.slice(0, numberLine.end).trim(), text.slice(numberLine.end).trim()];
  }
  return [text];
}

/** Says what a header cell holds, by OCR-tolerant keywords (never by document-specific text). */
export function classifyCell(cell: HeaderCell): CellRole {
  const { text, key } = cell;
  if (mottoPatterns.some((pattern) => pattern.test(key))) return { role: 'motto' };
  for (const [prefix, field] of metaFields) {
    if (key.startsWith(`${prefix} `) || key.startsWith(`${prefix}:`)) {
      return {
        role: 'meta',
        field,
        value: text
          .slice(prefix.length)
          .replace(/^[\s:]+/, '')
          .trim(),
      };
    }
  }
  const numberMatch = /^s[oô]\s*[:.;]\s*/.exec(key);
  if (numberMatch) return classifyNumberCell(text.slice(numberMatch[0].length).trim());
  if (/^ngay\s*[:.]\s*\d/.test(key)) return { role: 'stamp-date', value: parseDate(text) };
  if (/^(cong van )?den\b/.test(key) && key.length < 30) return { role: 'stamp-mark' };
  const placeDate = /^(?:(.{2,40}?)\s*,\s*)?ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}/.exec(key);
  if (placeDate && key.length < 70) {
    const place = placeDate[1] ? text.slice(0, text.indexOf(',')).trim() : null;
    return { role: 'place-date', place, date: parseDate(text) };
  }
  if (/^(v\/v|ve viec)\b/.test(key)) return { role: 'summary', text };
  const bare = key.replace(/[:.]$/, '').trim();
  if (documentTypes.includes(bare) && !key.endsWith(':') && isUpperText(text)) {
    return { role: 'kind', value: text.replace(/[:.]$/, '').trim().toUpperCase() };
  }
  if (/^kinh gui\b/.test(key)) return { role: 'addressee-label', rest: text.replace(/^[^:]*:?/, '').trim() };
  const symbols = findNumberSymbols(text);
  if (symbols.length === 1 && isUpperText(text) && text.length < 60) {
    return { role: 'number', value: symbols[0]?.value ?? '' };
  }
  if (isUpperText(text) && text.length <= 100 && !readLabel(text)) return { role: 'upper' };
  return { role: 'other' };
}

function classifyNumberCell(rest: string): CellRole {
  const symbols = findNumberSymbols(rest);
  if (symbols[0]) return { role: 'number', value: symbols[0].value };
  if (/^\d+$/.test(rest.replace(/[\s.,;]/g, '')))
    return { role: 'stamp-number', value: rest.replace(/\D/g, '') };
  if (rest.includes('/')) return { role: 'number', value: rest.replace(/\s+/g, '') };
  return { role: 'other' };
}

/** True when a cell is a strong sign of the heading block (used to look ahead past stray lines). */
export function isStrongHeaderRole(role: CellRole): boolean {
  return !['upper', 'other', 'summary'].includes(role.role);
}
