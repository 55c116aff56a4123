import type { NominationMove, NominationStatus } from '#contracts/nominees.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/** Which side of the exchange makes a move: the proposing unit or the receiving level. */
export type Side = 'proposer' | 'receiver';

/** Every move of a tờ trình: from which states, to which, and by which side (edit keeps the state). */
export const nominationTransitions: Record<
  NominationMove,
  { from: NominationStatus[]; to: NominationStatus | null; side: Side }
> = {
  edit: { from: ['draft', 'returned'], to: null, side: 'proposer' },
  delete: { from: ['draft'], to: null, side: 'proposer' },
  submit: { from: ['draft', 'returned'], to: 'submitted', side: 'proposer' },
  receive: { from: ['submitted'], to: 'received', side: 'receiver' },
  return: { from: ['submitted', 'received'], to: 'returned', side: 'receiver' },
  appraise: { from: ['received'], to: 'appraised', side: 'receiver' },
};

const refusals: Record<NominationMove, string> = {
  edit: 'Chỉ sửa được tờ trình đang soạn hoặc bị trả lại.',
  delete: 'Chỉ xóa được tờ trình đang soạn, chưa gửi lần nào.',
  submit: 'Tờ trình đã được gửi; không gửi lại được khi cấp trên chưa trả lại.',
  receive: 'Chỉ tiếp nhận được tờ trình đã gửi và chưa được xử lý.',
  return: 'Chỉ trả lại được tờ trình đã gửi hoặc đã tiếp nhận, chưa thẩm định.',
  appraise: 'Chỉ thẩm định được tờ trình đã tiếp nhận và chưa hoàn tất thẩm định.',
};

/** True when the move is allowed from the state. */
export const canMoveNomination = (status: NominationStatus, move: NominationMove) =>
  nominationTransitions[move].from.includes(status);

/** The state after the move; throws 409 CONFLICT in Vietnamese when the move is not allowed from it. */
export function nextNominationStatus(status: NominationStatus, move: NominationMove): NominationStatus {
  if (!canMoveNomination(status, move)) throw new AppError('CONFLICT', refusals[move]);
  return nominationTransitions[move].to ?? status;
}

/** The moves a side may make from a state. */
export function nominationMoves(status: NominationStatus, sides: readonly Side[]): NominationMove[] {
  return (Object.keys(nominationTransitions) as NominationMove[]).filter(
    (move) => canMoveNomination(status, move) && sides.includes(nominationTransitions[move].side),
  );
}

/** States from which the decisions module may decide or decline a nominee. */
export const DECIDABLE: readonly NominationStatus[] = ['received', 'appraised', 'in_council', 'posted'];

/**
 * Consolidation: a nominee the level received (or appraised) for an award above it is copied into its
 * own tờ trình upward and moves to `forwarded`; taken back out, it returns to `received`.
 */
export const CONSOLIDABLE: readonly NominationStatus[] = ['received', 'appraised'];
export const FORWARDED: NominationStatus = 'forwarded';

/** Working days the receiving level has to return a tờ trình after its submission. */
export const RETURN_WITHIN_WORKING_DAYS = 5;
