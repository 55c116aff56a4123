import type { AwardRound, MilestoneKind } from '../../../../../contracts/documents.ts';

/** Commendation rounds in Vietnamese. */
export const awardRoundLabels: Record<AwardRound, string> = {
  annual: 'Hằng năm',
  midterm: 'Sơ kết',
  final: 'Tổng kết',
  adhoc: 'Đột xuất',
};

/** Milestone kinds in Vietnamese. */
export const milestoneKindLabels: Record<MilestoneKind, string> = {
  launch: 'Phát động',
  annual: 'Hằng năm',
  midterm_review: 'Sơ kết',
  final_review: 'Tổng kết',
  deadline: 'Hạn chót',
  other: 'Khác',
};

/** The two criteria trees in Vietnamese. */
export const treeLabels = { collective: 'Đối với tập thể', individual: 'Đối với cá nhân' } as const;

/** A text with its calendar dates as people write them: "2019-09-30" → "30/09/2019" (other words stay). */
export function readableDates(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, year, month, day) => `${day}/${month}/${year}`);
}
