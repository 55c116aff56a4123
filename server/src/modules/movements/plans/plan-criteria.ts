import { randomUUID } from 'node:crypto';
import type { WithoutVersion } from '#contracts/common.ts';
import type { CriteriaEdit, CriteriaTrees, CriterionNode } from '#contracts/movements.ts';
import { AppError } from '#server/platform/http/app-error.ts';

const notFound = () => new AppError('NOT_FOUND', 'Không tìm thấy tiêu chí trong kế hoạch.');

/** The list that holds the node with `id`, and its index there. */
function locate(nodes: CriterionNode[], id: string): { list: CriterionNode[]; index: number } | null {
  const index = nodes.findIndex((node) => node.id === id);
  if (index >= 0) return { list: nodes, index };
  for (const node of nodes) {
    const found = locate(node.children, id);
    if (found) return found;
  }
  return null;
}

/** The children list of `parentId` (the top level when null). */
function childrenOf(nodes: CriterionNode[], parentId: string | null): CriterionNode[] {
  if (parentId === null) return nodes;
  const found = locate(nodes, parentId);
  const parent = found?.list[found.index];
  if (!parent) throw notFound();
  return parent.children;
}

const contains = (node: CriterionNode, id: string): boolean =>
  node.id === id || node.children.some((child) => contains(child, id));

/** Applies one edit (add, move, delete, reword) to a copy of the criteria trees and returns it. */
export function applyCriteriaEdit(trees: CriteriaTrees, edit: WithoutVersion<CriteriaEdit>): CriteriaTrees {
  const next = structuredClone(trees);
  const tree = next[edit.tree];
  switch (edit.op) {
    case 'add': {
      const list = childrenOf(tree, edit.parentId);
      const node: CriterionNode = {
        id: randomUUID().slice(0, 8),
        label: '-',
        text: edit.text,
        points: edit.points ?? null,
        lines: null,
        children: [],
      };
      list.splice(Math.min(edit.index ?? list.length, list.length), 0, node);
      break;
    }
    case 'move': {
      const from = locate(tree, edit.id);
      const moving = from?.list[from.index];
      if (!from || !moving) throw notFound();
      if (edit.parentId && contains(moving, edit.parentId)) {
        throw new AppError(
          'CONFLICT',
          'Không chuyển được một tiêu chí vào chính nó hoặc tiêu chí con của nó.',
        );
      }
      from.list.splice(from.index, 1);
      const list = childrenOf(tree, edit.parentId);
      list.splice(Math.min(edit.index, list.length), 0, moving);
      break;
    }
    case 'delete': {
      const found = locate(tree, edit.id);
      if (!found) throw notFound();
      found.list.splice(found.index, 1);
      break;
    }
    case 'reword': {
      const found = locate(tree, edit.id);
      const node = found?.list[found.index];
      if (!node) throw notFound();
      if (edit.text !== undefined) node.text = edit.text;
      if (edit.points !== undefined) node.points = edit.points;
      break;
    }
  }
  return next;
}
