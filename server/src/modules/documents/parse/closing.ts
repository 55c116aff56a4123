import { documentTypes } from './header.cells.ts';
import { foldText, isUpperText, type SourceLine } from './lines.ts';
import { readLabel } from './numbering.ts';
import { isAuthority, isPersonName, isRecipientsLabel } from './signature.parser.ts';

const attachmentLabel = /^(phu luc|mau so|mau \d|bieu mau|bieu so)\b/;
const motto = /cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–—]?\s*tu do\s*[-–—]?\s*hanh phuc/;

/** True for the label that opens an appendix or a form ("PHỤ LỤC I", "Mẫu số 01"). */
export function isAttachmentLabel(line: SourceLine): boolean {
  return attachmentLabel.test(line.key) && line.text.length <= 60 && !/[.;]$/.test(line.text);
}

/** True for a line carrying the Quốc hiệu or the Tiêu ngữ (the start of a document's own heading). */
export function hasMotto(line: SourceLine): boolean {
  return motto.test(line.key);
}

/** True for a type heading in capitals ("QUY CHẾ", "KẾ HOẠCH", "BIÊN BẢN", "DANH SÁCH …"). */
export function isTypeHeading(line: SourceLine): boolean {
  if (!isUpperText(line.text) || line.text.length > 60 || readLabel(line.text)) return false;
  return documentTypes.includes(foldText(line.text)) || /^danh sach\b/.test(line.key);
}

/**
 * Finds where the closing block (Nơi nhận, signature) starts, as an index into the lines, looking
 * between `from` and `end` (the first attachment).
 */
export function findTailStart(lines: SourceLine[], from: number, end = lines.length): number {
  for (let index = from; index < end; index += 1) {
    const line = lines[index] as SourceLine;
    if (line.blank) continue;
    if (isRecipientsLabel(line) || isAuthority(line)) return index;
  }
  return findBareSignature(lines, from, end);
}

/**
 * A signature with no "Nơi nhận" and no TM./KT. line: an upper-case position followed by a name at the end,
 * or a name alone after the blank space left for signing.
 */
function findBareSignature(lines: SourceLine[], from: number, end: number): number {
  const filled = lines
    .slice(0, end)
    .map((line, index) => ({ line, index }))
    .filter((entry) => !entry.line.blank);
  const last = filled.at(-1);
  if (!last || !isPersonName(last.line.text)) return end;
  for (const entry of filled.slice(-4, -1).reverse()) {
    const { text } = entry.line;
    if (entry.index >= from && isUpperText(text) && text.length <= 50 && !readLabel(text)) return entry.index;
  }
  const gap = lines.slice(Math.max(0, last.index - 2), last.index);
  return gap.length === 2 && gap.every((line) => line.blank) && last.index >= from ? last.index : end;
}

/** Moves an attachment's start back over the issuer lines written above its Quốc hiệu. */
function backOverIssuer(lines: SourceLine[], index: number, floor: number): number {
  let start = index;
  let taken = 0;
  for (let previous = index - 1; previous > floor && taken < 3; previous -= 1) {
    const line = lines[previous] as SourceLine;
    if (line.blank) continue;
    if (!isUpperText(line.text) || line.text.length > 60 || isAuthority(line) || isPersonName(line.text))
      break;
    start = previous;
    taken += 1;
  }
  return start;
}

/**
 * Index where an attachment starts at line `index`, or -1: an appendix or form label, a type heading,
 * or a new Quốc hiệu (with the issuer lines above it). `floor` bounds how far back the start may move.
 */
export function attachmentStartAt(lines: SourceLine[], index: number, floor: number): number {
  const line = lines[index] as SourceLine;
  if (line.blank) return -1;
  if (isAttachmentLabel(line) || isTypeHeading(line)) return index;
  return hasMotto(line) ? backOverIssuer(lines, index, floor) : -1;
}

/**
 * Where the attachments start (texts issued with the document, printed after its signature), or
 * `lines.length`: an appendix or form label anywhere after the body starts, or any attachment start
 * once the closing block has shown its signer.
 */
export function findAttachmentsStart(lines: SourceLine[], bodyStart: number, tailStart: number): number {
  let hasSigner = false;
  for (let index = bodyStart; index < lines.length; index += 1) {
    const line = lines[index] as SourceLine;
    if (line.blank) continue;
    if (index < tailStart) {
      if (isAttachmentLabel(line) && isUpperText(line.text)) return index;
      continue;
    }
    if (hasSigner) {
      const start = attachmentStartAt(lines, index, tailStart);
      if (start >= 0) return start;
    }
    if (
      isPersonName(line.text) ||
      isAuthority(line) ||
      (isUpperText(line.text) && !isRecipientsLabel(line))
    ) {
      hasSigner = true;
    }
  }
  return lines.length;
}
