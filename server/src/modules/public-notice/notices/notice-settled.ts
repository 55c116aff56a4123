import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { AwardCode } from '#contracts/awards.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { publicComments, publicNotices } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { formatDay, noticeRuleOf, vietnamToday } from './notice-rules.ts';
import { nomineeSubjects, subjectOf } from './notices.repo.ts';

/**
 * For the decisions part, inside its issuing transaction: refuses (422 RULE_VIOLATION, in Vietnamese,
 * naming the nominee) when a nominee whose award requires public notice has none in force, when its
 * notice has not ended yet (the last day still counts), or when a comment on any of its notices has
 * no answer. Nominees whose award needs no notice and that were never posted pass.
 */
export async function assertNoticeSettled(
  tx: Executor,
  nomineeIds: readonly string[],
  today = vietnamToday(),
): Promise<void> {
  const ids = [...new Set(nomineeIds)];
  if (!ids.length) return;
  // One after another: the caller's transaction is one connection.
  const subjects = await nomineeSubjects(tx, ids);
  const notices = await tx
    .select({ nomineeId: publicNotices.nomineeId, endDate: publicNotices.endDate })
    .from(publicNotices)
    .where(and(inArray(publicNotices.nomineeId, ids), isNull(publicNotices.withdrawnAt)));
  const unanswered = await tx
    .select({ nomineeId: publicNotices.nomineeId, count: sql<number>`count(*)::int` })
    .from(publicComments)
    .innerJoin(publicNotices, sql`${publicNotices.id} = ${publicComments.noticeId}`)
    .where(and(inArray(publicNotices.nomineeId, ids), isNull(publicComments.answer)))
    .groupBy(publicNotices.nomineeId);
  for (const row of subjects) {
    const name = subjectOf(row).name;
    const notice = notices.find((candidate) => candidate.nomineeId === row.nominee.id);
    if (notice && notice.endDate >= today)
      throw new AppError(
        'RULE_VIOLATION',
        `${name} đang được công khai lấy ý kiến đến hết ngày ${formatDay(notice.endDate)}; chưa ban hành quyết định được trước khi hết thời gian công khai.`,
      );
    const open = Number(unanswered.find((candidate) => candidate.nomineeId === row.nominee.id)?.count ?? 0);
    if (open)
      throw new AppError(
        'RULE_VIOLATION',
        `Còn ${open} ý kiến góp ý về ${name} chưa được trả lời; cần trả lời mọi ý kiến trước khi ban hành quyết định.`,
      );
    const rule = noticeRuleOf(row.nominee.awardCode as AwardCode, today);
    if (rule.required && !notice)
      throw new AppError(
        'RULE_VIOLATION',
        `${name} được đề nghị hình thức phải công khai lấy ý kiến (${rule.article}) nhưng chưa được công khai.`,
      );
  }
}
