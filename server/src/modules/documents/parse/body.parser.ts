import type { DocNode, LegalBasis } from '../../../../../contracts/documents.ts';
import type { LineLedger } from './ledger.ts';
import { endsSentence, isUpperText, joinTexts, type SourceLine, startsLowercase } from './lines.ts';
import { type Label, type LabelKind, readLabel } from './numbering.ts';
import { findReferences } from './references.ts';

/** A paragraph of the body: its label and the source lines it was read from. */
interface Block {
  label: Label | null;
  parts: string[];
  lines: number[];
}

/** The body: legal basis of the preamble, the section tree, and whether the text stops early. */
export interface BodyResult {
  legalBasis: LegalBasis[];
  sections: DocNode[];
  hasTruncationMark: boolean;
}

const truncationMark = /^[[(]?\s*(\.{3,}|…+)\s*[\])]?$/;
const listKinds: LabelKind[] = ['dash', 'plus', 'bullet', 'ordinal-word'];

/** Reads the body lines into legal basis and a tree of numbered nodes; claims every line it places. */
export function parseBody(lines: SourceLine[], ledger: LineLedger): BodyResult {
  const { blocks, hasTruncationMark } = readBlocks(lines, ledger);
  const firstLabelled = blocks.findIndex((block) => block.label !== null);
  const preambleEnd = firstLabelled < 0 ? blocks.length : firstLabelled;
  const legalBasis: LegalBasis[] = [];
  const rest: Block[] = [];
  blocks.forEach((block, index) => {
    const text = joinTexts(block.parts);
    if (index < preambleEnd && isLegalBasis(text)) {
      legalBasis.push({ text, refs: findReferences(text) });
      for (const n of block.lines) ledger.claim(n, 'legalBasis');
    } else {
      rest.push(block);
      for (const n of block.lines) ledger.claim(n, 'sections');
    }
  });
  return { legalBasis, sections: buildTree(rest), hasTruncationMark };
}

function readBlocks(
  lines: SourceLine[],
  ledger: LineLedger,
): { blocks: Block[]; hasTruncationMark: boolean } {
  const blocks: Block[] = [];
  let hasTruncationMark = false;
  for (const line of lines) {
    if (line.blank || !ledger.isFree(line.n)) continue;
    if (truncationMark.test(line.text)) {
      ledger.claim(line.n, 'truncated');
      hasTruncationMark = true;
      continue;
    }
    const label = readLabel(line.text);
    const previous = blocks.at(-1);
    if (!label && previous && startsLowercase(line.text) && !endsSentence(previous.parts.at(-1) ?? '')) {
      previous.parts.push(line.text);
      previous.lines.push(line.n);
      continue;
    }
    if (!label && isStray(line.text)) continue;
    blocks.push({ label, parts: [label ? label.rest : line.text], lines: [line.n] });
  }
  return { blocks, hasTruncationMark };
}

/** True for a short scrap left by scanning (one or two words, no punctuation), e.g. "Tiêu". */
function isStray(text: string): boolean {
  if (text.length > 15 || isUpperText(text)) return false;
  if (/[\d.,;:!?()"“”'’/]/.test(text)) return false;
  return text.split(' ').length <= 2;
}

const basisOpeners = /^(can cu|xet de nghi|xet|theo de nghi)\b/;
const implementOpeners = /^(thuc hien|huong ung|tiep theo)\b/;
const documentWords = /(luat|nghi dinh|thong tu|quyet dinh|chi thi|nghi quyet|ke hoach|cong van|huong dan)/;

/** True when a preamble paragraph is a legal basis ("Căn cứ …", "Thực hiện Quyết định số …"). */
export function isLegalBasis(text: string): boolean {
  const key = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  if (basisOpeners.test(key)) return true;
  if (!implementOpeners.test(key)) return false;
  return findReferences(text).length > 0 || documentWords.test(key.slice(0, 60));
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
function buildTree(blocks: Block[]): DocNode[] {
  const roots: DocNode[] = [];
  const stack: OpenNode[] = [];
  for (const block of blocks) {
    const node: DocNode = {
      label: block.label ? block.label.label : null,
      text: joinTexts(block.parts),
      lines: [block.lines[0] ?? 0, block.lines.at(-1) ?? 0],
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
