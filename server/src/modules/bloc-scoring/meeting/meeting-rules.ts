import { type Proposal, type ProposalQuota, proposalAwardLabels } from '#contracts/bloc-scoring-meeting.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/** The most proposals a quota allows for a bloc of `members` collectives: the stricter of its number and its share (rounded down). */
export function quotaLimit(quota: ProposalQuota, members: number): number {
  const byCount = quota.maxCount ?? Number.POSITIVE_INFINITY;
  const byShare =
    quota.maxPercent === null
      ? Number.POSITIVE_INFINITY
      : Math.floor((members * quota.maxPercent) / 100 + 1e-9);
  return Math.min(byCount, byShare);
}

/** How a quota reads in a message: "tối đa 1 (10% của 6 tập thể)". */
export function describeQuota(quota: ProposalQuota, members: number): string {
  const parts = [
    quota.maxCount === null ? null : `không quá ${quota.maxCount}`,
    quota.maxPercent === null
      ? null
      : `không quá ${quota.maxPercent.toLocaleString('vi-VN')}% của ${members} tập thể trong khối/cụm`,
  ].filter(Boolean);
  return `tối đa ${quotaLimit(quota, members)} (${parts.join(' và ')})`;
}

const invalid = (message: string, path: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** The meeting's record as sent with the publication. */
export interface MeetingInput {
  presentUnitIds: readonly string[];
  proposals: readonly Proposal[];
  nextHeadUnitId: string | null;
  nextDeputyUnitId: string | null;
}

/**
 * Refuses a meeting record naming units outside the bloc, a proposal twice, a Cờ thi đua for a unit
 * that does not lead, or more proposals of an award than the table's quota allows (400, naming the quota).
 */
export function checkMeeting(
  input: MeetingInput,
  memberIds: ReadonlySet<string>,
  leadingIds: ReadonlySet<string>,
  quotas: readonly ProposalQuota[],
) {
  const outside = (ids: readonly (string | null)[]) => ids.some((id) => id !== null && !memberIds.has(id));
  if (outside(input.presentUnitIds))
    throw invalid('Danh sách đơn vị dự họp có đơn vị không thuộc khối/cụm.', 'presentUnitIds');
  if (outside(input.proposals.map((proposal) => proposal.unitId)))
    throw invalid('Đề nghị khen thưởng có đơn vị không thuộc khối/cụm.', 'proposals');
  if (outside([input.nextHeadUnitId, input.nextDeputyUnitId]))
    throw invalid('Khối trưởng, khối phó năm sau phải là đơn vị thành viên của khối/cụm.', 'nextHeadUnitId');
  if (input.nextDeputyUnitId && !input.nextHeadUnitId)
    throw invalid('Chọn khối trưởng năm sau trước khi chọn khối phó.', 'nextHeadUnitId');
  const keys = input.proposals.map((proposal) => `${proposal.unitId}:${proposal.award}`);
  if (new Set(keys).size !== keys.length)
    throw invalid('Một đơn vị chỉ được đề nghị một lần cho mỗi hình thức.', 'proposals');
  for (const proposal of input.proposals)
    if (proposal.award.startsWith('CO_') && !leadingIds.has(proposal.unitId))
      throw invalid(
        `Chỉ đề nghị tặng ${proposalAwardLabels[proposal.award]} cho đơn vị dẫn đầu khối/cụm.`,
        'proposals',
      );
  for (const quota of quotas) {
    const count = input.proposals.filter((proposal) => proposal.award === quota.award).length;
    if (count > quotaLimit(quota, memberIds.size))
      throw invalid(
        `Số đề nghị tặng ${proposalAwardLabels[quota.award]} (${count}) vượt hạn mức của bảng tiêu chí: ${describeQuota(quota, memberIds.size)}.`,
        'proposals',
      );
  }
}
