import type { DocNode, SplitItems } from '#contracts/documents.ts';
import { foldText } from '../parse/lines.ts';

/** Walks a tree depth-first, parents before children. */
export function* walkNodes(nodes: DocNode[]): Generator<DocNode> {
  for (const node of nodes) {
    yield node;
    yield* walkNodes(node.children);
  }
}

/** The heading part of a node: its text up to the first colon, folded. */
export function headingKey(node: DocNode): string {
  const known = headingKeys.get(node);
  if (known !== undefined && known.text === node.text) return known.key;
  const key = foldText(node.text.split(':')[0] ?? '');
  headingKeys.set(node, { text: node.text, key });
  return key;
}

/** Heading keys already folded: the views walk the same nodes several times. */
const headingKeys = new WeakMap<DocNode, { text: string; key: string }>();

/** Full text of a node and its descendants, joined by spaces. */
export function subtreeText(node: DocNode): string {
  return [node.text, ...node.children.map(subtreeText)].join(' ');
}

/** Finds the first node whose heading (short text before a colon) matches a pattern and not an exclusion. */
export function findHeading(nodes: DocNode[], pattern: RegExp, exclude?: RegExp): DocNode | null {
  let fallback: DocNode | null = null;
  for (const node of walkNodes(nodes)) {
    const key = headingKey(node);
    if (key.length > 90 || !pattern.test(key) || exclude?.test(key)) continue;
    if (node.children.length > 0) return node;
    fallback ??= node;
  }
  return fallback;
}

const collectiveGroup = /^(doi voi )?(cac )?(tap the|co quan, don vi|co quan|don vi)\b/;
const individualGroup = /^(doi voi )?(cac )?(ca nhan|can bo|nguoi lao dong|cong chuc)\b/;

/** Splits the items under a heading into collective and individual groups ("Đối với tập thể / cá nhân"). */
export function splitGroups(root: DocNode | null): SplitItems {
  const result: SplitItems = { collective: [], individual: [] };
  if (!root) return result;
  for (const node of walkNodes(root.children)) {
    const key = headingKey(node);
    if (key.length > 90 || node.children.length === 0) continue;
    if (result.collective.length === 0 && collectiveGroup.test(key)) result.collective = node.children;
    else if (result.individual.length === 0 && individualGroup.test(key)) result.individual = node.children;
  }
  return result;
}

const excludedForContents = /(doi tuong|tieu chuan|hinh thuc khen|to chuc thuc hien|muc dich|yeu cau)/;

/** Contents of the emulation: the "Nội dung thi đua" heading, or else top-level "Đối với …" groups. */
export function readContents(sections: DocNode[]): SplitItems {
  const heading = findHeading(sections, /noi dung/, /tieu chuan|giai phap|hinh thuc/);
  const split = splitGroups(heading);
  if (split.collective.length > 0 || split.individual.length > 0) return split;
  const groups = sections.filter((node) => !excludedForContents.test(headingKey(node)));
  return splitGroups({ label: null, text: '', lines: [0, 0], children: groups });
}

/** Criteria of the emulation: the "Tiêu chuẩn thi đua" heading split into groups. */
export function readCriteria(sections: DocNode[]): SplitItems {
  const specific = findHeading(sections, /tieu chuan/, /hinh thuc/);
  const heading = specific ?? findHeading(sections, /tieu chuan/);
  return splitGroups(heading);
}

/** Text of the funding section (kinh phí): the text after its heading, or its sub-items. */
export function readFunding(sections: DocNode[]): string | null {
  const node = findHeading(sections, /^kinh phi|kinh phi (thuc hien|to chuc)/);
  if (!node) return null;
  const own = node.text.includes(':') ? node.text.slice(node.text.indexOf(':') + 1).trim() : '';
  const parts = [own, ...node.children.map(subtreeText)].filter((part) => part.length > 0);
  return parts.length > 0 ? parts.join(' ') : node.text;
}
