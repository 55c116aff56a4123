import type { RegistrationStatus } from '#contracts/movements.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/** The moves of a registration (đăng ký thi đua). */
export type RegistrationMove = 'edit' | 'submit' | 'approve' | 'return';

/** From which states each move is allowed, and where it leads (edit keeps the state). */
const transitions: Record<RegistrationMove, { from: RegistrationStatus[]; to: RegistrationStatus | null }> = {
  edit: { from: ['draft', 'returned'], to: null },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
};

const refusals: Record<RegistrationMove, string> = {
  edit: 'Chỉ sửa được bản đăng ký đang soạn hoặc bị trả lại.',
  submit: 'Bản đăng ký đã được gửi hoặc đã được duyệt; không gửi lại được.',
  approve: 'Chỉ duyệt được bản đăng ký đã gửi và chưa được xử lý.',
  return: 'Chỉ trả lại được bản đăng ký đã gửi và chưa được xử lý.',
};

/** True when the move is allowed from the state. */
export function canMoveRegistration(status: RegistrationStatus, move: RegistrationMove): boolean {
  return transitions[move].from.includes(status);
}

/** The state after the move; throws CONFLICT with a Vietnamese message when the move is not allowed. */
export function nextRegistrationStatus(
  status: RegistrationStatus,
  move: RegistrationMove,
): RegistrationStatus {
  if (!canMoveRegistration(status, move)) throw new AppError('CONFLICT', refusals[move]);
  return transitions[move].to ?? status;
}

/** The moves allowed from a state (before checking who the user is). */
export function registrationMoves(status: RegistrationStatus): RegistrationMove[] {
  return (Object.keys(transitions) as RegistrationMove[]).filter((move) => canMoveRegistration(status, move));
}
