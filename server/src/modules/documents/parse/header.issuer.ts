import type { DocIssuer } from '#contracts/documents.ts';
import { classifyCell, type HeaderCell } from './header.cells.ts';
import type { HeaderResult } from './header.parser.ts';
import type { LineLedger } from './ledger.ts';
import { joinTexts, type SourceLine } from './lines.ts';
import { repairBodyName } from './ocr.ts';

/** Strips a list dash and the trailing separator of an addressee or recipient line. */
export function cleanListItem(text: string): string {
  return text
    .replace(/^[-–—+•]+\s*/, '')
    .replace(/[\s;,.]+$/, '')
    .trim();
}

/** Groups upper-case cells of adjacent lines into blocks (an issuer written over two lines). */
function groupBlocks(cells: HeaderCell[]): HeaderCell[][] {
  const blocks: HeaderCell[][] = [];
  for (const cell of cells) {
    const block = blocks.at(-1);
    const last = block?.at(-1);
    if (block && last && cell.n - last.end <= 1) block.push(cell);
    else blocks.push([cell]);
  }
  return blocks;
}

/** Reads the issuer and the received-stamp from the upper-case cells of the heading block. */
export function assignBodies(
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
  const last = block.at(-1)?.end ?? 0;
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
