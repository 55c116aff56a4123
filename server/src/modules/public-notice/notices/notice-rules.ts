import type { AwardCode } from '#contracts/awards.ts';
import type { PublicNoticeStatus } from '#contracts/public-notice.ts';
import { getShippedRegistry, procedureOf, ruleSetOn } from '#server/modules/awards/index.ts';

/**
 * Working days of a notice when the rule set says a notice is required but not for how long (the
 * 2003 law's TT 12/2019): the practice of every posting read (legal-rules §9, awards-research §c).
 */
export const DEFAULT_NOTICE_WORKING_DAYS = 10;

/** Stages a nominee may be posted from: appraised by the standing body, or before the council. */
export const POSTABLE_STATUSES = ['appraised', 'in_council'] as const;

/** Today's date in Vietnam (UTC+7), ISO yyyy-mm-dd. */
export const vietnamToday = (now = new Date()) =>
  new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The day before an ISO date. */
export const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** dd/mm/yyyy of an ISO date. */
export const formatDay = (iso: string) => iso.split('-').reverse().join('/');

/** Whether the award must be posted under the rule set in force on the date, for how long, by which article. */
export function noticeRuleOf(award: AwardCode, date: string) {
  const ruleSet = ruleSetOn(getShippedRegistry(), date);
  if (!ruleSet) return { required: false, workingDays: null, article: '' };
  const { posting } = procedureOf(ruleSet.data, award);
  return {
    required: posting.required,
    workingDays: posting.required ? (posting.workingDays ?? DEFAULT_NOTICE_WORKING_DAYS) : null,
    article: posting.article,
  };
}

/** Where a notice stands on a day: withdrawn, before its first day, open (both ends included), ended. */
export function noticeStatusOf(
  notice: { startDate: string; endDate: string; withdrawnAt: Date | string | null },
  today: string,
): PublicNoticeStatus {
  if (notice.withdrawnAt) return 'withdrawn';
  if (today < notice.startDate) return 'scheduled';
  if (today > notice.endDate) return 'ended';
  return 'open';
}
