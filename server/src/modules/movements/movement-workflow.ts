import type { MovementStatus } from '#contracts/movements.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/** The moves of a movement: its plan is edited, launched once, and closed after the final review. */
export type MovementMove = 'edit' | 'launch' | 'close';

const transitions: Record<MovementMove, { from: MovementStatus[]; to: MovementStatus | null }> = {
  edit: { from: ['draft', 'launched'], to: null },
  launch: { from: ['draft'], to: 'launched' },
  close: { from: ['launched'], to: 'closed' },
};

const refusals: Record<MovementMove, string> = {
  edit: 'Phong trào đã tổng kết; không sửa kế hoạch được nữa.',
  launch: 'Phong trào đã được phát động; không phát động lại được.',
  close: 'Chỉ tổng kết được phong trào đang diễn ra.',
};

/** True when the move is allowed from the state. */
export function canMoveMovement(status: MovementStatus, move: MovementMove): boolean {
  return transitions[move].from.includes(status);
}

/** The state after the move; throws CONFLICT with a Vietnamese message when not allowed. */
export function nextMovementStatus(status: MovementStatus, move: MovementMove): MovementStatus {
  if (!canMoveMovement(status, move)) throw new AppError('CONFLICT', refusals[move]);
  return transitions[move].to ?? status;
}

/**
 * Whether an edit of the plan rewrites the current version (a draft) or makes a new version
 * (after launch, so what was launched stays readable).
 */
export function editMakesNewVersion(status: MovementStatus): boolean {
  return status !== 'draft';
}
