import type { ReportStatus } from '#contracts/reports.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/** What can happen to a report. */
export type ReportMove = 'save' | 'approve' | 'submit' | 'return' | 'accept' | 'consolidate' | 'import';

/**
 * The transition table: a unit edits its draft (or a returned report, which becomes a draft again),
 * its head approves, it is submitted; the requesting unit returns it with a reason or accepts it.
 */
const TRANSITIONS: Record<ReportMove, Partial<Record<ReportStatus, ReportStatus>>> = {
  save: { draft: 'draft', returned: 'draft', approved: 'draft' },
  import: { draft: 'draft', returned: 'draft', approved: 'draft' },
  consolidate: { draft: 'draft', returned: 'draft', approved: 'draft' },
  approve: { draft: 'approved' },
  submit: { approved: 'submitted' },
  return: { submitted: 'returned' },
  accept: { submitted: 'accepted' },
};

const refusals: Record<ReportMove, string> = {
  save: 'Báo cáo đã gửi hoặc đã được tiếp nhận nên không sửa được.',
  import: 'Báo cáo đã gửi hoặc đã được tiếp nhận nên không sửa được.',
  consolidate: 'Báo cáo đã gửi hoặc đã được tiếp nhận nên không tổng hợp lại được.',
  approve: 'Chỉ duyệt được báo cáo đang soạn.',
  submit: 'Báo cáo cần được thủ trưởng duyệt trước khi gửi, và chỉ gửi một lần.',
  return: 'Chỉ trả lại được báo cáo đã gửi.',
  accept: 'Chỉ tiếp nhận được báo cáo đã gửi.',
};

/** True when the move is allowed from the status. */
export const canMoveReport = (status: ReportStatus, move: ReportMove): boolean =>
  TRANSITIONS[move][status] !== undefined;

/** The status after the move, or 409 CONFLICT with a Vietnamese reason. */
export function nextReportStatus(status: ReportStatus, move: ReportMove): ReportStatus {
  const next = TRANSITIONS[move][status];
  if (!next) throw new AppError('CONFLICT', refusals[move]);
  return next;
}
