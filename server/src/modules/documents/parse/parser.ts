import type { DocNode, LineRange, ParsedDocument } from '#contracts/documents.ts';
import { readArticles } from '../views/articles.views.ts';
import { readMovement } from '../views/movement.views.ts';
import { readPlanBody } from '../views/plan-body.views.ts';
import { readAssignments, readAwards, readMilestones } from '../views/schedule.views.ts';
import { readContents, readCriteria, readFunding } from '../views/views.ts';
import { parseAttachments } from './attachments.parser.ts';
import { parseBody } from './body.parser.ts';
import { findAttachmentsStart, findTailStart } from './closing.ts';
import { parseHeader } from './header.parser.ts';
import { LineLedger } from './ledger.ts';
import { endsSentence, readLines, type SourceLine } from './lines.ts';
import { joinWrappedLines } from './logical-lines.ts';
import { parseTail } from './signature.parser.ts';

/** A parse with its lossless accounting: the owner of every non-blank physical source line. */
export interface ParseOutcome {
  document: ParsedDocument;
  /** Physical line number → owner (see LineLedger for the owners and how split header lines are counted). */
  ownership: ReadonlyMap<number, string>;
  /** The physical lines of the source, cleaned. */
  lines: SourceLine[];
}

/** Own source lines of a node and of its descendants, in reading order. */
function subtreeRanges(node: DocNode | undefined): LineRange[] {
  return node ? [node.lines, ...node.children.flatMap(subtreeRanges)] : [];
}

/**
 * Parses a document text and reports which part owns each line. Hard-wrapped lines are joined into
 * logical lines first. Order: heading block, closing block (Nơi nhận, signature) before the first
 * attachment, the body between them, then the attachments; whatever no part claims becomes
 * `unclassified`.
 */
export function parseWithOwnership(text: string): ParseOutcome {
  const physical = readLines(text);
  const lines = joinWrappedLines(physical);
  const ledger = new LineLedger(physical, lines);
  const header = parseHeader(lines, ledger);
  let tailStart = findTailStart(lines, header.bodyStart);
  const attachmentsStart = findAttachmentsStart(lines, header.bodyStart, tailStart);
  if (attachmentsStart < tailStart) tailStart = findTailStart(lines, header.bodyStart, attachmentsStart);
  const tail = parseTail(lines.slice(tailStart, attachmentsStart), ledger);
  const body = parseBody(lines.slice(header.bodyStart, tailStart), ledger);
  const attachments = parseAttachments(lines.slice(attachmentsStart), ledger);
  const unclassified = ledger.claimRemaining().map((line) => ({ line: line.n, text: line.text }));
  const { sections } = body;
  const hasEnding =
    tail.recipients.length > 0 || tail.signature.name !== null || tail.signature.title !== null;
  const lastBodyLine = lines.slice(header.bodyStart, tailStart).findLast((line) => !line.blank);
  const cutShort =
    !hasEnding && attachments.length === 0 && lastBodyLine !== undefined && !endsSentence(lastBodyLine.text);
  const nodes = readPlanBody(sections, attachments);
  const planYear = header.date ? Number(header.date.slice(0, 4)) : null;
  const movement = readMovement(
    physical,
    header.titleLines,
    [
      ...body.preamble.map((paragraph) => paragraph.lines),
      ...body.basisLines,
      ...subtreeRanges(nodes[0]),
      ...nodes.slice(1, 3).map((node) => node.lines),
    ],
    planYear,
  );
  const document: ParsedDocument = {
    kind: header.kind,
    type: header.type,
    issuer: header.issuer,
    number: header.number,
    place: header.place,
    date: header.date,
    title: header.title,
    authority: header.authority,
    incoming: header.incoming,
    addressees: header.addressees,
    legalBasis: body.legalBasis,
    preamble: body.preamble,
    enacting: body.enacting,
    movement,
    sections,
    articles: readArticles(sections),
    contents: readContents(nodes),
    criteria: readCriteria(nodes),
    awards: readAwards(nodes),
    milestones: readMilestones(nodes),
    assignments: readAssignments(nodes),
    funding: readFunding(nodes),
    signature: { ...tail.signature, name: tail.signature.name ?? header.signer },
    recipients: tail.recipients,
    attachments,
    truncated: body.hasTruncationMark || cutShort,
    unclassified,
  };
  return { document, ownership: ledger.snapshot(), lines: physical };
}
