import { documentTypes } from './header.cells.ts';
import { endsSentence, foldText, isUpperText, joinTexts, type SourceLine } from './lines.ts';
import { readLabel } from './numbering.ts';

/**
 * Text copied from a PDF or a web page arrives hard-wrapped: every line broken at 60–100 characters
 * wherever it falls (inside a date, a place, a header cell, a title, a clause, a name). This module
 * joins such physical lines back into the logical lines the parser classifies; each logical line
 * keeps the numbers of its first and last physical line, so every original line stays accounted for.
 */

/** Lines wider than this are paragraphs written on one line: such a text is not hard-wrapped. */
const widestWrap = 200;
/** A wrapped text has at least this many lines near its width. */
const fullLinesNeeded = 3;
/** A PDF copy's lines vary around the width (proportional fonts): "near" allows this share. */
const nearShare = 0.85;

/**
 * The width a text was hard-wrapped at, or null when it was not: the widest width near which several
 * lines end (greedy wrapping fills every broken line up to a word of the width).
 */
export function readWrapWidth(lines: SourceLine[]): number | null {
  const widths = lines
    .filter((line) => !line.blank && line.text.includes(' '))
    .map((line) => line.width)
    .sort((a, b) => b - a);
  // The width is near the widest lines: a few unwrapped lines (a long table row) may exceed it.
  for (const width of widths.slice(0, Math.max(3, Math.ceil(widths.length / 20)))) {
    if (width > widestWrap) continue;
    const near = widths.filter((other) => other <= width && other >= width * nearShare).length;
    const half = widths.filter((other) => other <= width && other >= width / 2).length;
    if (near >= fullLinesNeeded && near * 2 >= half) return width;
  }
  return null;
}

const firstWord = (text: string) => text.trimStart().split(/\s+/)[0] ?? '';

/** True when the previous line was filled so far that the next line's first word could not fit. */
function isFull(previous: SourceLine, next: SourceLine, width: number | null, share = 1): boolean {
  if (width === null) return false;
  return previous.width + 1 + firstWord(next.text).length > width * share;
}

const basisOpener = /^(can cu|thuc hien|xet|theo de nghi)\b/;
const authorityLine = /^(tm|kt|tl|tuq|q)\s*[.,]\s*\S/;
const mottoStart = /^(cong hoa xa hoi chu nghia|doc lap\s*[-–—]\s*tu do)/;
const placeDateStart = /^[^,]{2,40},\s*ngay\s*(\d{1,2}|\.{2,}|…)/;
const strongLabels = new Set([
  'part',
  'article',
  'roman',
  'upper-letter',
  'decimal-2',
  'decimal-3',
  'decimal-4',
]);

/** True when a line visibly starts a new logical line: a numbered item, a field, a block of the layout. */
function startsNewLine(previous: SourceLine, next: SourceLine, width: number | null): boolean {
  const { key, text } = next;
  if (/^(noi nhan|kinh gui|v\/v|so\s*[:.])/.test(key) || mottoStart.test(key)) return true;
  if (authorityLine.test(key) && isUpperText(text)) return true;
  const label = readLabel(text);
  if (label && (strongLabels.has(label.kind) || label.kind === 'arabic' || label.kind === 'letter'))
    return true;
  if (label?.kind === 'ordinal-word') return true;
  // A clause opener or a place and date ends the line before, unless that line was filled to the width.
  const full = isFull(previous, next, width);
  if (basisOpener.test(key) && (!full || endsSentence(previous.text))) return true;
  return placeDateStart.test(key) && !full;
}

/** True when two lines, joined, are a document type name broken by the copy ("QUYẾT" / "ĐỊNH"). */
function isSplitTypeName(previous: SourceLine, next: SourceLine): boolean {
  if (!isUpperText(previous.text) || previous.text.length > 12) return false;
  return documentTypes.includes(foldText(`${previous.text} ${next.text}`).replace(/[:.]$/, ''));
}

/** True when a short scrap (one or two words, no punctuation) follows a finished sentence: not a wrap. */
function isScrapAfterSentence(previous: SourceLine, next: SourceLine): boolean {
  if (!endsSentence(previous.text) || next.text.length > 15) return false;
  return !/[\d.,;:!?()"“”'’/]/.test(next.text) && next.text.split(' ').length <= 2;
}

/** Decides whether a physical line continues the logical line before it. */
function continuesLine(previous: SourceLine, next: SourceLine, width: number | null): boolean {
  if (isSplitTypeName(previous, next)) return true;
  if (startsNewLine(previous, next, width)) return false;
  const open = !/[.;:!?]$/.test(previous.text);
  if (/^[-–—+•*|]/.test(next.text)) {
    // A list entry or a table row; a wrap can fall before a dash ("2019" / "- 2025") or a cell.
    if (next.text.startsWith('|') && previous.text.endsWith('|')) return false;
    return open && !previous.text.endsWith(',') && isFull(previous, next, width);
  }
  if (open && /^\p{Ll}/u.test(next.text)) return true;
  // A heading in capitals after running text (an authority line under a title) starts a new line.
  if (isUpperText(next.text) && next.text.length >= 8 && !isUpperText(previous.text)) return false;
  if (isScrapAfterSentence(previous, next)) return false;
  return isFull(previous, next, width, open ? nearShare : 1);
}

/** Joins hard-wrapped physical lines into logical lines (blank lines stay as they are). */
export function joinWrappedLines(lines: SourceLine[]): SourceLine[] {
  const width = readWrapWidth(lines);
  const out: SourceLine[] = [];
  for (const line of lines) {
    const previous = out.at(-1);
    if (previous && !previous.blank && !line.blank && previous.end === line.n - 1) {
      if (continuesLine(previous, line, width)) {
        const text = joinTexts([previous.text, line.text]);
        out[out.length - 1] = { ...previous, end: line.end, width: line.width, text, key: foldText(text) };
        continue;
      }
    }
    out.push(line);
  }
  return out;
}
