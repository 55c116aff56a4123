import type { DocIssuer, DocumentType, IncomingStamp, LineRange } from '#contracts/documents.ts';
import { isEnactingWords, isLegalBasis } from './body.opening.ts';
import { authorityTypes, readDocumentType } from './document-type.ts';
import { continuesAuthority, isAuthorityLine, readTelegramAuthority } from './header.authority.ts';
import { classifyCell, type HeaderCell, isStrongHeaderRole, splitHeaderLine } from './header.cells.ts';
import { assignBodies, cleanListItem } from './header.issuer.ts';
import type { LineLedger } from './ledger.ts';
import { isUpperText, joinTexts, type SourceLine } from './lines.ts';
import { readLabel } from './numbering.ts';

/** Fields read from the heading block, and where the body starts. */
export interface HeaderResult {
  kind: string | null;
  type: DocumentType | null;
  issuer: DocIssuer;
  number: string | null;
  place: string | null;
  date: string | null;
  title: string | null;
  /** Source lines of the title: its first and last physical line. */
  titleLines: LineRange | null;
  authority: string | null;
  incoming: IncomingStamp | null;
  addressees: string[];
  /** Signer named by a legal-database metadata block ("Người ký"). */
  signer: string | null;
  /** Index (in the line array) of the first line after the heading block. */
  bodyStart: number;
}

const headerLimit = 80;
const lookAhead = 12;
const openers = /^(can cu|thuc hien|xet de nghi|xet|theo de nghi|huong ung|de nghi)\b/;

/**
 * True when a line looks like the start of the body: a legal-basis opener, enacting words, a
 * numbered item, a long paragraph.
 */
export function isBodySignal(line: SourceLine): boolean {
  if (openers.test(line.key) || isEnactingWords(line.text)) return true;
  if (readLabel(line.text)) return true;
  return line.text.length > 90 && !isUpperText(line.text) && !/^(v\/v|ve viec)\b/.test(line.key);
}

type State = 'scan' | 'title' | 'summary' | 'addressees' | 'authority';

/** Reads the heading block (issuer, number, place and date, type, summary, stamp, addressees). */
export function parseHeader(lines: SourceLine[], ledger: LineLedger): HeaderResult {
  const result: HeaderResult = {
    kind: null,
    type: null,
    issuer: { parent: null, name: null },
    number: null,
    place: null,
    date: null,
    title: null,
    titleLines: null,
    authority: null,
    incoming: null,
    addressees: [],
    signer: null,
    bodyStart: 0,
  };
  const uppers: HeaderCell[] = [];
  const stamps: HeaderCell[] = [];
  const titleParts: string[] = [];
  const authorityParts: string[] = [];
  const meta: { date: string | null; kind: string | null; issuer: string | null } = {
    date: null,
    kind: null,
    issuer: null,
  };
  let state: State = 'scan';
  let blankSinceLabel = false;
  let index = 0;
  for (; index < lines.length && index < headerLimit; index += 1) {
    const line = lines[index] as SourceLine;
    if (line.blank) {
      if ((state === 'title' || state === 'summary') && titleParts.length > 0) state = 'scan';
      if (state === 'addressees') blankSinceLabel = true;
      if (state === 'authority') state = 'scan';
      continue;
    }
    if (state === 'authority' && continuesAuthority(line)) {
      authorityParts.push(line.text);
      ledger.claim(line.n, 'authority');
      continue;
    }
    if (state !== 'addressees' && titleParts.length > 0 && authorityParts.length === 0) {
      const telegram = readTelegramAuthority(line);
      const type = readDocumentType(result.kind, result.number);
      if (telegram || (type && authorityTypes.includes(type) && isAuthorityLine(line, titleParts))) {
        authorityParts.push(telegram ?? line.text);
        ledger.claim(line.n, 'authority');
        state = telegram ? 'addressees' : 'authority';
        blankSinceLabel = false;
        continue;
      }
    }
    if (state === 'addressees') {
      if (/^[-–+•]/.test(line.text)) {
        result.addressees.push(cleanListItem(line.text));
        ledger.claim(line.n, 'addressees');
        continue;
      }
      if (!blankSinceLabel && line.text.length <= 100 && !isBodySignal(line)) {
        result.addressees.push(cleanListItem(line.text));
        ledger.claim(line.n, 'addressees');
        continue;
      }
      state = 'scan';
    }
    if (state === 'title' || state === 'summary') {
      const role = classifyCell({ n: line.n, end: line.end, text: line.text, key: line.key }).role;
      const signal = readLabel(line.text) !== null || isLegalBasis(line.text) || line.text.length > 400;
      if (!signal && (role === 'other' || (state === 'title' && (role === 'upper' || role === 'summary')))) {
        titleParts.push(line.text);
        ledger.claim(line.n, 'title');
        result.titleLines = [result.titleLines?.[0] ?? line.n, line.end];
        continue;
      }
      state = 'scan';
    }
    const cells = splitHeaderLine(line);
    // A long line can still be a heading flattened on one line (issuer, Quốc hiệu, number, date).
    if (isBodySignal(line) && !cells.some((cell) => classifyCell(cell).role === 'motto')) {
      if (!hasStrongLineAhead(lines, index, result.kind !== null)) break;
      continue;
    }
    for (const cell of cells) {
      const role = classifyCell(cell);
      switch (role.role) {
        case 'motto':
          ledger.claimCell(cell.n, 'motto');
          break;
        case 'meta':
          if (role.field === 'number') result.number ??= role.value.replace(/\s+/g, '');
          if (role.field === 'date') meta.date ??= parseMetaDate(role.value);
          if (role.field === 'kind') meta.kind ??= role.value.toUpperCase();
          if (role.field === 'issuer') meta.issuer ??= role.value;
          if (role.field === 'signer') result.signer ??= role.value;
          ledger.claimCell(cell.n, metaOwner[role.field]);
          break;
        case 'number':
          if (result.number === null || result.number === role.value) {
            result.number = role.value;
            ledger.claimCell(cell.n, 'number');
          }
          break;
        case 'stamp-number':
        case 'stamp-date':
        case 'stamp-mark':
          stamps.push(cell);
          break;
        case 'place-date':
          if (result.date === null && role.date !== null) {
            result.date = role.date;
            result.place = role.place;
            if (role.place) ledger.claimCell(cell.n, 'place');
            ledger.claimCell(cell.n, 'date');
          }
          break;
        case 'summary':
          if (result.kind === null && titleParts.length === 0) {
            titleParts.push(role.text);
            ledger.claimCell(cell.n, 'title');
            result.titleLines = [cell.n, cell.end];
            state = 'summary';
          }
          break;
        case 'kind':
          if (result.kind === null) {
            result.kind = role.value;
            ledger.claimCell(cell.n, 'kind');
            if (titleParts.length === 0) state = 'title';
          }
          break;
        case 'addressee-label':
          ledger.claimCell(cell.n, 'addressees');
          if (role.rest) result.addressees.push(cleanListItem(role.rest));
          state = 'addressees';
          blankSinceLabel = false;
          break;
        case 'upper':
          if (result.kind === null && titleParts.length === 0) uppers.push(cell);
          break;
        default:
          break;
      }
    }
  }
  result.bodyStart = index;
  result.title = titleParts.length > 0 ? joinTexts(titleParts) : null;
  result.authority = authorityParts.length > 0 ? joinTexts(authorityParts) : null;
  result.date ??= meta.date;
  result.kind ??= meta.kind ?? (result.title && /^(v\/v|về việc)/i.test(result.title) ? 'CÔNG VĂN' : null);
  assignBodies(lines, uppers, stamps, result, ledger);
  if (!result.issuer.name && meta.issuer) result.issuer = { parent: null, name: meta.issuer.toUpperCase() };
  result.type = readDocumentType(result.kind, result.number);
  return result;
}

const metaOwner = {
  number: 'number',
  date: 'date',
  kind: 'kind',
  issuer: 'issuer',
  signer: 'signature',
} as const;

function parseMetaDate(value: string): string | null {
  const match = /(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/.exec(value);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function hasStrongLineAhead(lines: SourceLine[], index: number, kindSeen: boolean): boolean {
  for (let next = index + 1; next < Math.min(lines.length, index + lookAhead, headerLimit); next += 1) {
    const line = lines[next] as SourceLine;
    if (line.blank) continue;
    for (const cell of splitHeaderLine(line)) {
      const role = classifyCell(cell);
      if (isStrongHeaderRole(role) && !(kindSeen && role.role === 'kind')) return true;
    }
  }
  return false;
}
