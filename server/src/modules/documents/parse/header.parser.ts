import type { DocIssuer, IncomingStamp } from '../../../../../contracts/documents.ts';
import { isLegalBasis } from './body.parser.ts';
import { classifyCell, type HeaderCell, isStrongHeaderRole, splitHeaderLine } from './header.cells.ts';
import type { LineLedger } from './ledger.ts';
import { isUpperText, joinTexts, type SourceLine } from './lines.ts';
import { readLabel } from './numbering.ts';
import { repairBodyName } from './ocr.ts';

/** Fields read from the heading block, and where the body starts. */
export interface HeaderResult {
  kind: string | null;
  issuer: DocIssuer;
  number: string | null;
  place: string | null;
  date: string | null;
  title: string | null;
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

/** True when a line looks like the start of the body: a legal-basis opener, a numbered item, a long paragraph. */
export function isBodySignal(line: SourceLine): boolean {
  if (openers.test(line.key)) return true;
  if (readLabel(line.text)) return true;
  return line.text.length > 90 && !isUpperText(line.text) && !/^(v\/v|ve viec)\b/.test(line.key);
}

type State = 'scan' | 'title' | 'summary' | 'addressees';

/** Reads the heading block (issuer, number, place and date, type, summary, stamp, addressees). */
export function parseHeader(lines: SourceLine[], ledger: LineLedger): HeaderResult {
  const result: HeaderResult = {
    kind: null,
    issuer: { parent: null, name: null },
    number: null,
    place: null,
    date: null,
    title: null,
    incoming: null,
    addressees: [],
    signer: null,
    bodyStart: 0,
  };
  const uppers: HeaderCell[] = [];
  const stamps: HeaderCell[] = [];
  const titleParts: string[] = [];
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
      continue;
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
      const role = classifyCell({ n: line.n, text: line.text, key: line.key }).role;
      const signal = readLabel(line.text) !== null || isLegalBasis(line.text) || line.text.length > 400;
      if (!signal && (role === 'other' || (state === 'title' && (role === 'upper' || role === 'summary')))) {
        titleParts.push(line.text);
        ledger.claim(line.n, 'title');
        continue;
      }
      state = 'scan';
    }
    if (isBodySignal(line)) {
      if (!hasStrongLineAhead(lines, index, result.kind !== null)) break;
      continue;
    }
    for (const cell of splitHeaderLine(line)) {
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
  result.date ??= meta.date;
  result.kind ??= meta.kind ?? (result.title && /^(v\/v|về việc)/i.test(result.title) ? 'CÔNG VĂN' : null);
  assignBodies(lines, uppers, stamps, result, ledger);
  if (!result.issuer.name && meta.issuer) result.issuer = { parent: null, name: meta.issuer.toUpperCase() };
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

/** Strips a list dash and the trailing separator of an addressee or recipient line. */
export function cleanListItem(text: string): string {
  return text
    .replace(/^[-–—+•]+\s*/, '')
    .replace(/[\s;,.]+$/, '')
    .trim();
}

function groupBlocks(cells: HeaderCell[]): HeaderCell[][] {
  const blocks: HeaderCell[][] = [];
  for (const cell of cells) {
    const block = blocks.at(-1);
    const last = block?.at(-1);
    if (block && last && cell.n - last.n <= 1) block.push(cell);
    else blocks.push([cell]);
  }
  return blocks;
}

function assignBodies(
  lines: SourceLine[],
  uppers: HeaderCell[],
  stamps: HeaderCell[],
  result: HeaderResult,
  ledger: LineLedger,
): void {
  const blocks = groupBlocks(uppers);
  const firstStamp = stamps[0];
  if (firstStamp) {
    const receiver = blocks.findLast(
      (block, position) =>
        position > 0 && (block.at(-1)?.n ?? 0) < firstStamp.n && isNearWithoutGap(lines, block, firstStamp.n),
    );
    const numberCell = stamps.find((cell) => classifyCell(cell).role === 'stamp-number');
    const dateRole = stamps.map((cell) => classifyCell(cell)).find((role) => role.role === 'stamp-date');
    if (numberCell || dateRole) {
      const numberRole = numberCell ? classifyCell(numberCell) : null;
      result.incoming = {
        receiver: receiver ? joinTexts(receiver.map((cell) => cell.text)) : '',
        number: numberRole?.role === 'stamp-number' ? numberRole.value : '',
        date: dateRole?.role === 'stamp-date' ? dateRole.value : null,
      };
      for (const cell of [...(receiver ?? []), ...stamps]) ledger.claimCell(cell.n, 'incoming');
      if (receiver) blocks.splice(blocks.indexOf(receiver), 1);
    }
  }
  const issuerBlock = blocks[0];
  if (!issuerBlock) return;
  result.issuer = readIssuer(issuerBlock.map((cell) => cell.text));
  for (const cell of issuerBlock) ledger.claimCell(cell.n, 'issuer');
}

function isNearWithoutGap(lines: SourceLine[], block: HeaderCell[], stampLine: number): boolean {
  const last = block.at(-1)?.n ?? 0;
  if (stampLine - last > 3) return false;
  return lines.every((line) => line.n <= last || line.n >= stampLine || !line.blank);
}

const unitStart = /^(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|trung uong|tw)\b/;

/** Splits issuer lines into the parent body and the issuing body itself. */
export function readIssuer(texts: string[]): DocIssuer {
  const entities: string[][] = [];
  for (const text of texts) {
    const key = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    const current = entities.at(-1);
    const previous = current?.at(-1) ?? '';
    if (current && (unitStart.test(key) || /[-,&]$|\bVÀ$/.test(previous) || /^[-&]/.test(text))) {
      current.push(text);
    } else entities.push([text]);
  }
  const names = entities.map((entity) => repairBodyName(joinTexts(entity)));
  if (names.length === 0) return { parent: null, name: null };
  const name = names.at(-1) ?? null;
  return { parent: names.length > 1 ? names.slice(0, -1).join(' ') : null, name };
}
