import type { Attachment } from '#contracts/documents.ts';
import { readArticles } from '../views/articles.views.ts';
import { buildTree, readBlocks } from './body.parser.ts';
import { attachmentStartAt, hasMotto, isAttachmentLabel } from './closing.ts';
import type { LineLedger } from './ledger.ts';
import { isUpperText, joinTexts, type SourceLine } from './lines.ts';
import { readLabel } from './numbering.ts';

const note = /^\(\s*(ban hanh |dinh )?kem theo\b/;
const blankDate = /^[^,]{0,40},?\s*ngay\s*(\d{1,2}|…|\.{2,})\s*thang/;

/** True when a line belongs to an attachment's own heading (Quốc hiệu, number, the blank date of a form). */
function isHeadingLine(line: SourceLine): boolean {
  return hasMotto(line) || blankDate.test(line.key) || /^so\s*[:.]/.test(line.key);
}

/** True for a capital line written above a Quốc hiệu within the next few lines: the attachment's issuer. */
function isIssuerLine(lines: SourceLine[], index: number): boolean {
  let seen = 0;
  for (let next = index + 1; next < lines.length && seen < 4; next += 1) {
    const line = lines[next] as SourceLine;
    if (line.blank) continue;
    if (hasMotto(line)) return true;
    seen += 1;
  }
  return false;
}

const isTitleLine = (line: SourceLine) =>
  !line.blank &&
  !isUpperText(line.text) &&
  !note.test(line.key) &&
  !readLabel(line.text) &&
  !line.text.startsWith('|');

/** A title line written apart from its type heading (a blank line between): short, not a sentence. */
const isTitleAfterBlank = (line: SourceLine) =>
  isTitleLine(line) && line.text.length <= 160 && !/[.:;]$/.test(line.text);

/**
 * Reads the type heading in capitals and the title under it (on the next lines, or after one blank
 * line); a heading with no title under it is the title. Returns the index of the last line read.
 */
function readTitle(lines: SourceLine[], from: number, attachment: Attachment, ledger: LineLedger): number {
  const upper: SourceLine[] = [];
  const titles: SourceLine[] = [];
  let index = from;
  for (; index < lines.length; index += 1) {
    const line = lines[index] as SourceLine;
    if (line.blank) {
      const next = lines.slice(index + 1).find((candidate) => !candidate.blank);
      if (titles.length > 0 || !next || !isTitleAfterBlank(next)) break;
      continue;
    }
    if (titles.length === 0 && isUpperText(line.text) && !readLabel(line.text)) upper.push(line);
    else if (isTitleLine(line)) titles.push(line);
    else break;
  }
  for (const line of [...upper, ...titles]) ledger.claim(line.n, 'attachments');
  const texts = (group: SourceLine[]) => joinTexts(group.map((line) => line.text));
  attachment.kind = titles.length > 0 ? texts(upper) : null;
  attachment.title = texts(titles.length > 0 ? titles : upper);
  return index - 1;
}

/**
 * Reads one attachment: its head (label, heading lines, type and title, note) and then its body as a
 * tree; claims every line it places for "attachments".
 */
function readAttachment(lines: SourceLine[], ledger: LineLedger): Attachment {
  const attachment: Attachment = {
    label: null,
    kind: null,
    title: null,
    note: null,
    heading: [],
    sections: [],
    articles: [],
    lines: [lines[0]?.n ?? 0, lines.findLast((line) => !line.blank)?.end ?? 0],
  };
  let index = 0;
  const take = (line: SourceLine) => ledger.claim(line.n, 'attachments');
  for (; index < lines.length; index += 1) {
    const line = lines[index] as SourceLine;
    if (line.blank) continue;
    if (attachment.label === null && attachment.title === null && isAttachmentLabel(line)) {
      attachment.label = line.text;
    } else if (attachment.note === null && note.test(line.key)) {
      attachment.note = line.text;
    } else if (attachment.title === null && (isHeadingLine(line) || isIssuerLine(lines, index))) {
      attachment.heading.push(line.text);
    } else if (attachment.title === null && isUpperText(line.text) && !readLabel(line.text)) {
      index = readTitle(lines, index, attachment, ledger);
      continue;
    } else break;
    take(line);
  }
  const { blocks } = readBlocks(lines.slice(index), ledger);
  for (const block of blocks) for (const n of block.lines) ledger.claim(n, 'attachments');
  attachment.sections = buildTree(blocks);
  attachment.articles = readArticles(attachment.sections);
  return attachment;
}

/**
 * Splits the text after the document's closing block into attachments (a new one at each label,
 * type heading or Quốc hiệu once the current one has a body) and reads each.
 */
export function parseAttachments(lines: SourceLine[], ledger: LineLedger): Attachment[] {
  const starts: number[] = [];
  let hasBody = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as SourceLine;
    if (line.blank) continue;
    const start =
      starts.length === 0 ? index : hasBody ? attachmentStartAt(lines, index, starts.at(-1) ?? 0) : -1;
    if (start >= 0) {
      starts.push(start);
      hasBody = false;
      index = Math.max(index, start);
      continue;
    }
    if (readLabel(line.text) || (!isUpperText(line.text) && !isHeadingLine(line) && !note.test(line.key))) {
      hasBody = true;
    }
  }
  return starts.map((start, position) =>
    readAttachment(lines.slice(start, starts[position + 1] ?? lines.length), ledger),
  );
}
