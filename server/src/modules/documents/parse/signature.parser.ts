import type { Recipient, Signature } from '#contracts/documents.ts';
import { cleanListItem } from './header.issuer.ts';
import type { LineLedger } from './ledger.ts';
import { isUpperText, joinTexts, type SourceLine } from './lines.ts';
import { readLabel } from './numbering.ts';
import { repairBodyName } from './ocr.ts';

/** Signature block and recipients read from the end of a document. */
export interface TailResult {
  signature: Signature;
  recipients: Recipient[];
}

const recipientsLabel = /^(noi nhan|ban dien tu|noi gui)\b/;
const authorityLine = /^(tm|kt|tl|tuq|q)\s*[.,:]\s*\S/;
const signedMark = /^[([]?\s*(da ky|ky ten|ky, ghi ro ho ten|da ky va dong dau|ky va dong dau)\s*[)\]]?$/;
const position =
  /^(pho |chu tich|giam doc|truong|bo truong|thu truong|thu tuong|chanh|tong |cuc truong|vu truong|vien truong|hieu truong|bi thu|uy vien|thanh vien|chu nhiem|ke toan|thu ky|q\. )/;

/** True for an authority line of a signature ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"). */
export function isAuthority(line: SourceLine): boolean {
  return authorityLine.test(line.key) && isUpperText(line.text) && line.text.length <= 70;
}

/** True when a line opens the recipients list ("Nơi nhận:", "Bản điện tử:"). */
export function isRecipientsLabel(line: SourceLine): boolean {
  return recipientsLabel.test(line.key) && line.text.length < 40;
}

/** True for a person's name: two to six capitalised words, no digits or punctuation. */
export function isPersonName(text: string): boolean {
  if (text.length > 40 || /[\d.,;:()/]/.test(text)) return false;
  const words = text.split(' ');
  return words.length >= 2 && words.length <= 6 && words.every((word) => /^\p{Lu}\p{Ll}*$/u.test(word));
}

/** True for the rest of a name broken over two lines ("Nguyễn Thị Thu" / "Hà"). */
function isNameRest(text: string): boolean {
  return text.length <= 20 && /^\p{Lu}\p{Ll}*( \p{Lu}\p{Ll}*){0,2}$/u.test(text);
}

/** Normalises an authority line: "TM, LÝ BAN NHÂN DÂN" → "TM. ỦY BAN NHÂN DÂN". */
export function normaliseAuthority(text: string): string {
  const match = /^(TM|KT|TL|TUQ|Q)\s*[.,:]\s*/i.exec(text.trim());
  if (!match) return repairBodyName(text).toUpperCase();
  const rest = repairBodyName(text.trim().slice(match[0].length)).toUpperCase();
  return `${(match[1] ?? '').toUpperCase()}. ${rest}`;
}

/**
 * Splits the capital lines after the last authority line into the rest of that authority and the
 * signer's position: the position starts at the first line naming one ("PHÓ CHỦ TỊCH THƯỜNG" / "TRỰC").
 */
function placeTitles(signature: Signature, titles: string[]): void {
  if (titles.length === 0) return;
  const start = titles.findIndex((title) => position.test(foldKey(title)));
  if (start < 0) {
    signature.title = titles.at(-1) ?? null;
    signature.authority.push(...titles.slice(0, -1));
    return;
  }
  const last = signature.authority.length - 1;
  if (start > 0 && last >= 0) {
    signature.authority[last] = joinTexts([signature.authority[last] ?? '', ...titles.slice(0, start)]);
  } else signature.authority.push(...titles.slice(0, start));
  signature.title = joinTexts(titles.slice(start));
}

const foldKey = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/** A recipient being read, with the last line it was read from (to see whether the entry ended). */
type Entry = Recipient & { raw: string };

/** Adds a recipients line: a new entry, a "+" sub-entry, or the rest of a wrapped entry. */
function addRecipient(recipients: Entry[], text: string): void {
  const last = recipients.at(-1);
  if (/^\+/.test(text) && last) {
    last.subEntries.push(cleanListItem(text));
    last.raw = text;
    return;
  }
  const isEntry = /^[-–—•+]/.test(text);
  const lastText = last ? (last.subEntries.at(-1) ?? last.text) : '';
  if (!isEntry && last && !/[;.]$/.test(last.raw)) {
    if (last.subEntries.length > 0)
      last.subEntries[last.subEntries.length - 1] = cleanListItem(`${lastText} ${text}`);
    else last.text = cleanListItem(`${last.text} ${text}`);
    last.raw = text;
    return;
  }
  recipients.push({ text: cleanListItem(text), subEntries: [], raw: text });
}

/** Reads recipients and the signature block from the closing lines; claims the lines it places. */
export function parseTail(lines: SourceLine[], ledger: LineLedger): TailResult {
  const signature: Signature = { authority: [], title: null, name: null };
  const recipients: Entry[] = [];
  const titles: string[] = [];
  let nameEnd = -1;
  let state: 'none' | 'recipients' | 'signature' = 'none';
  for (const line of lines) {
    if (line.blank || !ledger.isFree(line.n)) continue;
    const { text, key } = line;
    if (isRecipientsLabel(line)) {
      const rest = text.replace(/^[^:]*:?/, '').trim();
      if (rest) addRecipient(recipients, rest);
      ledger.claim(line.n, 'recipients');
      state = 'recipients';
    } else if (isAuthority(line)) {
      // Capitals between two authority lines are the rest of the first ("TM. ỦY BAN NHÂN" / "DÂN").
      const rest = titles.splice(0);
      const last = signature.authority.length - 1;
      if (last >= 0) signature.authority[last] = joinTexts([signature.authority[last] ?? '', ...rest]);
      else placeTitles(signature, rest);
      signature.authority.push(normaliseAuthority(text));
      ledger.claim(line.n, 'signature');
      state = 'signature';
    } else if (signedMark.test(key)) {
      ledger.claim(line.n, 'signature');
    } else if (state === 'recipients' && /^[-–—+•]/.test(text)) {
      addRecipient(recipients, text);
      ledger.claim(line.n, 'recipients');
    } else if (isUpperText(text) && text.length <= 60 && !/^[-–—+•]/.test(text) && !readLabel(text)) {
      titles.push(repairBodyName(text).toUpperCase());
      ledger.claim(line.n, 'signature');
      state = 'signature';
    } else if (signature.name !== null && line.n === nameEnd + 1 && isNameRest(text)) {
      signature.name = `${signature.name} ${text}`;
      nameEnd = line.end;
      ledger.claim(line.n, 'signature');
    } else if (isPersonName(text)) {
      signature.name = text;
      nameEnd = line.end;
      ledger.claim(line.n, 'signature');
    } else if (state === 'recipients' && text.length <= 100) {
      addRecipient(recipients, text);
      ledger.claim(line.n, 'recipients');
    }
  }
  placeTitles(signature, titles);
  return { signature, recipients: recipients.map(({ raw: _raw, ...recipient }) => recipient) };
}
