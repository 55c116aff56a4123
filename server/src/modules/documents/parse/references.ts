import type { LegalReference } from '#contracts/documents.ts';
import { toIsoDate } from './dates.ts';
import { foldText } from './lines.ts';

const symbolPart = '[A-ZĐ][A-Za-zĐđ0-9]*';
const numberSymbolSource = `(?<![\\d/])(\\d{1,6})(?:\\s*/\\s*(\\d{4}))?\\s*[/-]\\s*(${symbolPart}(?:\\s*[-/]\\s*[A-ZĐ0-9][A-Za-zĐđ0-9]*)*)`;

/** Finds document numbers with symbols ("68/KH-UBND", "86/2025/QĐ-UBND", "34-CT/TW") in a text. */
export function findNumberSymbols(text: string): { value: string; index: number; end: number }[] {
  const found: { value: string; index: number; end: number }[] = [];
  for (const match of text.matchAll(new RegExp(numberSymbolSource, 'gu'))) {
    const symbol = match[3] ?? '';
    if (!/[A-ZĐ]/.test(symbol)) continue;
    found.push({
      value: match[0].replace(/\s+/g, ''),
      index: match.index,
      end: match.index + match[0].length,
    });
  }
  return found;
}

const dateAfter = /^[\s,;:(]*(?:ban hanh\s*)?(?:ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/;
const verboseAfter = /^[\s,;:(]*ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/;

/** Lists the documents cited in a text, each with the date written right after its number. */
export function findReferences(text: string): LegalReference[] {
  return findNumberSymbols(text).map((found) => {
    const after = foldText(text.slice(found.end, found.end + 48));
    const match = verboseAfter.exec(after) ?? dateAfter.exec(after);
    const date = match ? toIsoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
    return { number: found.value, date };
  });
}
