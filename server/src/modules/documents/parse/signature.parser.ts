import type { Signature } from '../../../../../contracts/documents.ts';
import { cleanListItem } from './header.parser.ts';
import type { LineLedger } from './ledger.ts';
import { isUpperText, type SourceLine } from './lines.ts';
import { readLabel } from './numbering.ts';
import { repairBodyName } from './ocr.ts';

/** Signature block and recipients read from the end of a document. */
export interface TailResult {
  signature: Signature;
  recipients: string[];
}

const recipientsLabel = /^(noi nhan|ban dien tu|noi gui)\b/;
const authorityLine = /^(tm|kt|tl|tuq|q)\s*[.,:]\s*\S/;
const signedMark = /^[([]?\s*(da ky|ky ten|ky, ghi ro ho ten|da ky va dong dau|ky va dong dau)\s*[)\]]?$/;

function isAuthority(line: SourceLine): boolean {
  return authorityLine.test(line.key) && isUpperText(line.text) && line.text.length <= 70;
}

/** True for a person's name: two to six capitalised words, no digits or punctuation. */
export function isPersonName(text: string): boolean {
  if (text.length > 40 || /[\d.,;:()/]/.test(text)) return false;
  const words = text.split(' ');
  return words.length >= 2 && words.length <= 6 && words.every((word) => /^\p{Lu}\p{Ll}*$/u.test(word));
}

/** Finds where the closing block (Nơi nhận, signature) starts, as an index into the lines. */
export function findTailStart(lines: SourceLine[], from: number): number {
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index] as SourceLine;
    if (line.blank) continue;
    if (recipientsLabel.test(line.key) && line.text.length < 40) return index;
    if (isAuthority(line)) return index;
  }
  return findBareSignature(lines, from);
}

/**
 * A signature with no "Nơi nhận" and no TM./KT. line: an upper-case position followed by a name at the end,
 * or a name alone after the blank space left for signing.
 */
function findBareSignature(lines: SourceLine[], from: number): number {
  const filled = lines.map((line, index) => ({ line, index })).filter((entry) => !entry.line.blank);
  const last = filled.at(-1);
  if (!last || !isPersonName(last.line.text)) return lines.length;
  for (const entry of filled.slice(-4, -1).reverse()) {
    const { text } = entry.line;
    if (entry.index >= from && isUpperText(text) && text.length <= 50 && !readLabel(text)) return entry.index;
  }
  const gap = lines.slice(Math.max(0, last.index - 2), last.index);
  return gap.length === 2 && gap.every((line) => line.blank) && last.index >= from
    ? last.index
    : lines.length;
}

/** Normalises an authority line: "TM, LÝ BAN NHÂN DÂN" → "TM. ỦY BAN NHÂN DÂN". */
export function normaliseAuthority(text: string): string {
  const match = /^(TM|KT|TL|TUQ|Q)\s*[.,:]\s*/i.exec(text.trim());
  if (!match) return repairBodyName(text).toUpperCase();
  const rest = repairBodyName(text.trim().slice(match[0].length)).toUpperCase();
  return `${(match[1] ?? '').toUpperCase()}. ${rest}`;
}

/** Reads recipients and the signature block from the closing lines; claims the lines it places. */
export function parseTail(lines: SourceLine[], ledger: LineLedger): TailResult {
  const signature: Signature = { authority: [], title: null, name: null };
  const recipients: string[] = [];
  const titles: string[] = [];
  let state: 'none' | 'recipients' | 'signature' = 'none';
  for (const line of lines) {
    if (line.blank || !ledger.isFree(line.n)) continue;
    const { text, key } = line;
    if (recipientsLabel.test(key) && text.length < 40) {
      const rest = text.replace(/^[^:]*:?/, '').trim();
      if (rest) recipients.push(cleanListItem(rest));
      ledger.claim(line.n, 'recipients');
      state = 'recipients';
    } else if (isAuthority(line)) {
      signature.authority.push(normaliseAuthority(text));
      ledger.claim(line.n, 'signature');
      state = 'signature';
    } else if (signedMark.test(key)) {
      ledger.claim(line.n, 'signature');
    } else if (state === 'recipients' && /^[-–—+•]/.test(text)) {
      recipients.push(cleanListItem(text));
      ledger.claim(line.n, 'recipients');
    } else if (isUpperText(text) && text.length <= 60 && !/^[-–—+•]/.test(text)) {
      titles.push(repairBodyName(text).toUpperCase());
      ledger.claim(line.n, 'signature');
      state = 'signature';
    } else if (isPersonName(text)) {
      signature.name = text;
      ledger.claim(line.n, 'signature');
    } else if (state === 'recipients' && text.length <= 100) {
      recipients.push(cleanListItem(text));
      ledger.claim(line.n, 'recipients');
    }
  }
  signature.title = titles.at(-1) ?? null;
  signature.authority.push(...titles.slice(0, -1));
  return { signature, recipients };
}
