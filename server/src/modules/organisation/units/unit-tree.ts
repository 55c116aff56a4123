import { AppError } from '#server/platform/http/app-error.ts';

/** The materialised path of a unit under a parent (or at the root). */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/**
 * Refuses a move that would break the tree: onto itself or into its own subtree (a cycle).
 * Returns the unit's new path.
 */
export function planMove(
  unit: { id: string; path: string },
  newParent: { id: string; path: string },
): string {
  if (newParent.id === unit.id || newParent.path.startsWith(unit.path)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Không thể chuyển đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó.',
      [{ path: 'parentId', message: 'Đơn vị cấp trên mới nằm trong cây của đơn vị đang chuyển' }],
    );
  }
  return childPath(newParent.path, unit.id);
}

/** The day before an ISO date (a unit ends the day before its successor starts). */
export function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
