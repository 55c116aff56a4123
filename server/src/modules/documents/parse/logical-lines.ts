import { documentTypes } from './header.cells.ts';
import { cleanLineText, endsSentence, foldText, isUpperText, type SourceLine } from './lines.ts';
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
/** "Near" the width: a PDF copy's lines vary around it (proportional fonts). */
const nearShare = 0.85;

/** How a text was wrapped: its width, and how full its surely wrapped lines were (for PDF copies). */
interface Wrap {
  /** The widest line: a greedy wrap broke every wrapped line because the next word would pass it. */
  width: number;
  /**
   * The shortest length a line plus the next word reached where a line was surely wrapped (a lower-case
   * continuation), never below 80 % of the width: how far a PDF copy's uneven lines go.
   */
  overflow: number;
}

/**
 * The width a text was hard-wrapped at, or null when it was not: the widest line (one line in fifty
 * may stay longer: a table row, a link), provided several lines end near it.
 */
export function readWrapWidth(lines: SourceLine[]): number | null {
  const widths = lines
    .filter((line) => !line.blank && line.raw.includes(' '))
    .map((line) => line.width)
    .sort((a, b) => b - a);
  for (const width of widths.slice(0, 1 + Math.floor(widths.length / 50))) {
    if (width > widestWrap) continue;
    const near = widths.filter((other) => other <= width && other >= width * nearShare).length;
    const half = widths.filter((other) => other <= width && other >= width / 2).length;
    if (near >= fullLinesNeeded && near * 3 >= half) return width;
  }
  return null;
}

const firstWord = (line: SourceLine) => line.raw.split(/\s+/)[0] ?? '';
const overflowOf = (previous: SourceLine, next: SourceLine) => previous.width + 1 + firstWord(next).length;
const isOpen = (line: SourceLine) => !/[.;:!?]$/.test(line.text);
/** A line ending inside a sentence (or after a comma, semicolon or colon) and a next one in lower case. */
const isSureWrap = (previous: SourceLine, next: SourceLine) =>
  !/[.!?]$/.test(previous.text) && /^\p{Ll}/u.test(next.text) && !readLabel(next.text);

/** Reads the wrap of a text, or null when it is not hard-wrapped. */
function readWrap(lines: SourceLine[]): Wrap | null {
  const width = readWrapWidth(lines);
  if (width === null) return null;
  const overflows: number[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (previous && !previous.blank && !line.blank && isSureWrap(previous, line)) {
      overflows.push(overflowOf(previous, line));
    }
  });
  overflows.sort((a, b) => a - b);
  const low = Math.max(overflows[0] ?? width + 1, width * 0.8);
  return { width, overflow: Math.min(low, width + 1) };
}

/**
 * True when the previous line was filled so far that the next line's first word could not fit:
 * past the width (strictly), or as far as the surely wrapped lines of this text went (loosely).
 */
function isFull(previous: SourceLine, next: SourceLine, wrap: Wrap | null, loose = false): boolean {
  if (wrap === null) return false;
  const overflow = overflowOf(previous, next);
  return overflow > wrap.width || (loose && overflow >= wrap.overflow);
}

const basisOpener = /^(can cu|xet|theo de nghi)\b/;
const implementOpener = /^thuc hien\b/;
const attachedNote = /^\((ban hanh |dinh )?kem theo\b|^\(\s*(da ky|ky ten|ky,)/;
const authorityLine = /^(tm|kt|tl|tuq|q)\s*[.,]\s*\S/;
const mottoStart = /^(cong hoa xa hoi chu nghia|doc lap\s*[-–—]\s*tu do)/;
const placeDateStart = /^[^,]{2,40},\s*ngay\s*(\d{1,2}|\.{2,}|…)/;
const strongLabels = new Set(['part', 'upper-letter', 'decimal-2', 'decimal-3', 'decimal-4']);

/**
 * True for a label that running text can also produce at a line start: "XI)" of "(khóa XI)", "Điều 26"
 * of "Điều 26 Nghị định …". Items are written "II.", "Điều 2.", "1.", "a)".
 */
function isAmbiguousLabel(label: { kind: string; label: string }): boolean {
  if (label.kind === 'roman') return !label.label.endsWith('.');
  if (label.kind === 'article') return !/[.:]$/.test(label.label);
  return false;
}

/** True when a line visibly starts a new logical line: a numbered item, a field, a block of the layout. */
function startsNewLine(previous: SourceLine, next: SourceLine, wrap: Wrap | null): boolean {
  const { key, text } = next;
  if (/^(noi nhan|kinh gui|v\/v|so\s*[:.])/.test(key) || attachedNote.test(key)) return true;
  if (authorityLine.test(key) && isUpperText(text)) return true;
  const full = isFull(previous, next, wrap);
  // The Quốc hiệu in capitals starts a line; "Nước Cộng hòa xã hội chủ nghĩa …" in a sentence wraps.
  if (mottoStart.test(key) && (!full || isUpperText(text.split(' ').slice(0, 4).join(' ')))) return true;
  const label = readLabel(text);
  if (label && isAmbiguousLabel(label)) return !(full && isOpen(previous));
  if (label && strongLabels.has(label.kind)) return true;
  if (label && ['roman', 'article', 'arabic', 'letter', 'ordinal-word'].includes(label.kind)) return true;
  // A clause opener or a place and date ends the line before, unless that line was filled to the width;
  // "Thực hiện" also opens sentences inside paragraphs ("…; Thực hiện Kế hoạch …").
  const isCapital = /^\p{Lu}/u.test(text);
  if (isCapital && basisOpener.test(key) && (!full || endsSentence(previous.text))) return true;
  if (isCapital && implementOpener.test(key) && !full) return true;
  return placeDateStart.test(key) && !full;
}

/** True when two lines, joined, are a document type name broken by the copy ("QUYẾT" / "ĐỊNH"). */
function isSplitTypeName(previous: SourceLine, next: SourceLine): boolean {
  if (previous.text.length > 12 || !isUpperText(previous.text)) return false;
  return documentTypes.includes(foldText(`${previous.text} ${next.text}`).replace(/[:.]$/, ''));
}

/** True when a short scrap (one or two words, no punctuation) follows a finished sentence: not a wrap. */
function isScrapAfterSentence(previous: SourceLine, next: SourceLine): boolean {
  if (!endsSentence(previous.text) || next.text.length > 15) return false;
  return !/[\d.,;:!?()"“”'’/…]/.test(next.text) && next.text.split(' ').length <= 2;
}

/** Decides whether a physical line continues the logical line before it. */
function continuesLine(previous: SourceLine, next: SourceLine, wrap: Wrap | null): boolean {
  if (isSplitTypeName(previous, next)) return true;
  if (startsNewLine(previous, next, wrap)) return false;
  const open = isOpen(previous);
  if (/^[-–—+•*|]/.test(next.text)) {
    // A list entry or a table row; a wrap can fall before a dash ("2019" / "- 2025") or a cell.
    if (next.text.startsWith('|')) return !previous.text.endsWith('|') && isFull(previous, next, wrap, true);
    return open && !previous.text.endsWith(',') && isFull(previous, next, wrap);
  }
  if (isSureWrap(previous, next) && !isUpperText(previous.text)) return true;
  // A quotation opening on the next line continues the words before it ("phong trào thi đua" / "“…”").
  if (open && /\p{L}$/u.test(previous.text) && /^["“]/.test(next.text) && !isUpperText(previous.text))
    return true;
  // A heading in capitals after running text (an authority line under a title) starts a new line.
  const isHeading = /^\p{Lu}\S*\s+\S/u.test(next.text) && next.text.length >= 8;
  if (isHeading && isUpperText(next.text) && !isUpperText(previous.text)) return false;
  if (isScrapAfterSentence(previous, next)) return false;
  return isFull(previous, next, wrap, !next.text.startsWith('('));
}

/** One logical line from the physical lines it was wrapped into (cleaned once, as a whole). */
function mergeLines(group: SourceLine[]): SourceLine {
  const first = group[0] as SourceLine;
  const last = group.at(-1) as SourceLine;
  if (group.length === 1) return first;
  const raw = group.map((line) => line.raw).join(' ');
  const text = cleanLineText(raw);
  // Folding works letter by letter: the pieces' keys joined are the key, unless cleaning the whole
  // line changed more than the pieces (Markdown marks opened on one line and closed on another).
  const isPlain = text === group.map((line) => line.text).join(' ');
  const key = isPlain ? group.map((line) => line.key).join(' ') : foldText(text);
  return { ...first, end: last.end, width: last.width, raw, text, key };
}

/**
 * Joins hard-wrapped physical lines into logical lines (blank lines stay as they are). Each decision
 * looks at the last physical line so far and the next one: where a wrap fell is local.
 */
export function joinWrappedLines(lines: SourceLine[]): SourceLine[] {
  const wrap = readWrap(lines);
  const groups: SourceLine[][] = [];
  for (const line of lines) {
    const group = groups.at(-1);
    const last = group?.at(-1);
    if (
      group &&
      last &&
      !last.blank &&
      !line.blank &&
      last.n === line.n - 1 &&
      continuesLine(last, line, wrap)
    ) {
      group.push(line);
    } else groups.push([line]);
  }
  return groups.map(mergeLines);
}
