import type { DocNode } from '#contracts/documents.ts';

const articleLabel = /^(Điều|ĐIỀU|Dieu)\s+\d+/u;

/** Articles (Điều 1, Điều 2 …) of a body in reading order, also inside chapters and parts. */
export function readArticles(nodes: DocNode[]): DocNode[] {
  return nodes.flatMap((node) =>
    node.label && articleLabel.test(node.label) ? [node] : readArticles(node.children),
  );
}
