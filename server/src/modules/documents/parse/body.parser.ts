import type { DocNode, DocParagraph, LegalBasis, LineRange } from '#contracts/documents.ts';
import { isEnactingSentence, isEnactingWords, isLegalBasis } from './body.opening.ts';
import type { LineLedger } from './ledger.ts';
import { endsSentence, isUpperText, joinTexts, type SourceLine, startsLowercase } from './lines.ts';
import { type Label, type LabelKind, readLabel, readPartLabel } from './numbering.ts';
import { findReferences } from './references.ts';

/** A paragraph of the body: its label and the source lines it was read from. */
export interface Block {
  label: Label | null;
  parts: string[];
  /** First number of each logical line it was read from. */
  lines: number[];
  /** Last physical line it was read from. */
  end: number;
}

/** The body: legal basis, preamble and enacting words, the section tree, and whether the text stops early. */
export interface BodyResult {
  legalBasis: LegalBasis[];
  /** Source lines of each legal-basis paragraph. */
  basisLines: LineRange[];
  preamble: DocParagraph[];
  enacting: string | null;
  sections: DocNode[];
  hasTruncationMark: boolean;
}

const truncationMark = /^[[(]?\s*(\.{3,}|…+)\s*[\])]?$/;
const listKinds: LabelKind[] = ['dash', 'plus', 'bullet', 'ordinal-word'];

/**
 * Reads the body lines: legal-basis paragraphs, the preamble (unnumbered opening paragraphs before the
 * first numbered section), the enacting words before the articles, and a tree of numbered nodes;
 * claims every line it places.
 */
export function parseBody(lines: SourceLine[], ledger: LineLedger): BodyResult {
  const { blocks, hasTruncationMark } = readBlocks(lines, ledger);
  const firstLabelled = blocks.findIndex((block) => block.label !== null);
  const openingEnd = firstLabelled < 0 ? blocks.length : firstLabelled;
  const result: BodyResult = {
    legalBasis: [],
    basisLines: [],
    preamble: [],
    enacting: null,
    sections: [],
    hasTruncationMark,
  };
  const rest: Block[] = [];
  const firstIsArticle = blocks[firstLabelled]?.label?.kind === 'article';
  blocks.forEach((block, index) => {
    const text = joinTexts(block.parts);
    const claim = (owner: string) => {
      for (const n of block.lines) ledger.claim(n, owner);
    };
    if (index >= openingEnd) {
      rest.push(block);
      claim('sections');
    } else if (isLegalBasis(text)) {
      result.legalBasis.push({ text, refs: findReferences(text) });
      result.basisLines.push([block.lines[0] ?? 0, block.end]);
      claim('legalBasis');
    } else if (
      result.enacting === null &&
      (isEnactingWords(text) || (firstIsArticle && index === openingEnd - 1 && isEnactingSentence(text)))
    ) {
      result.enacting = text;
      claim('enacting');
    } else if (firstLabelled >= 0) {
      result.preamble.push({ text, lines: [block.lines[0] ?? 0, block.end] });
      claim('preamble');
    } else {
      rest.push(block);
      claim('sections');
    }
  });
  result.sections = buildTree(rest);
  return result;
}

/**
 * Reads lines into paragraphs: a numbered line opens one, a line starting in lower case continues the
 * open one, a chapter label alone ("Chương I") takes the heading on the next line. Claims only
 * truncation marks; scraps left by scanning stay unclaimed.
 */
export function readBlocks(
  lines: SourceLine[],
  ledger: LineLedger,
): { blocks: Block[]; hasTruncationMark: boolean } {
  const blocks: Block[] = [];
  let hasTruncationMark = false;
  let partPending = false;
  for (const line of lines) {
    if (line.blank || !ledger.isFree(line.n)) continue;
    if (truncationMark.test(line.text)) {
      ledger.claim(line.n, 'truncated');
      hasTruncationMark = true;
      continue;
    }
    const previous = blocks.at(-1);
    const label = readLabel(line.text);
    if (partPending && previous && !label && isUpperText(line.text)) {
      previous.parts.push(line.text);
      previous.lines.push(line.n);
      previous.end = line.end;
      partPending = false;
      continue;
    }
    partPending = false;
    if (!label && previous && startsLowercase(line.text) && !endsSentence(previous.parts.at(-1) ?? '')) {
      previous.parts.push(line.text);
      previous.lines.push(line.n);
      previous.end = line.end;
      continue;
    }
    const part = label ? null : readPartLabel(line.text);
    if (part) {
      blocks.push({ label: part, parts: [], lines: [line.n], end: line.end });
      partPending = true;
      continue;
    }
    if (!label && isStray(line.text)) continue;
    blocks.push({ label, parts: [label ? label.rest : line.text], lines: [line.n], end: line.end });
  }
  return { blocks, hasTruncationMark };
}

/** True for a short scrap left by scanning (one or two words, no punctuation), e.g. "Tiêu". */
function isStray(text: string): boolean {
  if (text.length > 15 || isUpperText(text)) return false;
  if (/[\d.,;:!?()"“”'’/…|]/.test(text)) return false;
  return text.split(' ').length <= 2;
}

interface OpenNode {
  node: DocNode;
  kind: LabelKind;
}

/**
 * Builds the tree: a label of a family already open becomes that item's sibling, a new family opens one
 * level deeper; a free paragraph belongs to the open item, or beside it when that item is a list entry
 * that does not end with a colon.
 */
export function buildTree(blocks: Block[]): DocNode[] {
  const roots: DocNode[] = [];
  const stack: OpenNode[] = [];
  for (const block of blocks) {
    const node: DocNode = {
      label: block.label ? block.label.label : null,
      text: joinTexts(block.parts),
      lines: [block.lines[0] ?? 0, block.end],
      children: [],
    };
    if (block.label) {
      const kind = block.label.kind;
      const sibling = stack.findLastIndex((open) => open.kind === kind);
      if (sibling >= 0) stack.length = sibling;
      const parent = stack.at(-1);
      (parent ? parent.node.children : roots).push(node);
      stack.push({ node, kind });
      continue;
    }
    const top = stack.at(-1);
    const isListEntry = top && listKinds.includes(top.kind) && !top.node.text.endsWith(':');
    const owner = isListEntry ? stack.at(-2) : top;
    (owner ? owner.node.children : roots).push(node);
  }
  return roots;
}
