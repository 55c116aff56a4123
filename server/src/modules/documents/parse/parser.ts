import type { ParsedDocument } from '../../../../../contracts/documents.ts';
import { readAssignments, readAwards, readMilestones, readMovement } from '../views/schedule.views.ts';
import { readContents, readCriteria, readFunding } from '../views/views.ts';
import { parseBody } from './body.parser.ts';
import { parseHeader } from './header.parser.ts';
import { LineLedger } from './ledger.ts';
import { endsSentence, readLines, type SourceLine } from './lines.ts';
import { findTailStart, parseTail } from './signature.parser.ts';

/** A parse with its lossless accounting: the owner of every non-blank source line. */
export interface ParseOutcome {
  document: ParsedDocument;
  /** Line number → owner (see LineLedger for the owners and how split header lines are counted). */
  ownership: ReadonlyMap<number, string>;
  lines: SourceLine[];
}

/**
 * Parses a document text and reports which part owns each line. Order: heading block, closing block
 * (Nơi nhận, signature), then the body between them; whatever no part claims becomes `unclassified`.
 */
export function parseWithOwnership(text: string): ParseOutcome {
  const lines = readLines(text);
  const ledger = new LineLedger(lines);
  const header = parseHeader(lines, ledger);
  const tailStart = findTailStart(lines, header.bodyStart);
  const tail = parseTail(lines.slice(tailStart), ledger);
  const body = parseBody(lines.slice(header.bodyStart, tailStart), ledger);
  const unclassified = ledger.claimRemaining().map((line) => ({ line: line.n, text: line.text }));
  const sections = body.sections;
  const hasEnding =
    tail.recipients.length > 0 || tail.signature.name !== null || tail.signature.title !== null;
  const lastBodyLine = lines.slice(header.bodyStart, tailStart).findLast((line) => !line.blank);
  const cutShort = !hasEnding && lastBodyLine !== undefined && !endsSentence(lastBodyLine.text);
  const document: ParsedDocument = {
    kind: header.kind,
    issuer: header.issuer,
    number: header.number,
    place: header.place,
    date: header.date,
    title: header.title,
    incoming: header.incoming,
    addressees: header.addressees,
    legalBasis: body.legalBasis,
    movement: readMovement([
      header.title ?? '',
      ...body.legalBasis.map((basis) => basis.text),
      ...sections.slice(0, 3).map((node) => node.text),
    ]),
    sections,
    contents: readContents(sections),
    criteria: readCriteria(sections),
    awards: readAwards(sections),
    milestones: readMilestones(sections),
    assignments: readAssignments(sections),
    funding: readFunding(sections),
    signature: { ...tail.signature, name: tail.signature.name ?? header.signer },
    recipients: tail.recipients,
    truncated: body.hasTruncationMark || cutShort,
    unclassified,
  };
  return { document, ownership: ledger.snapshot(), lines };
}
