import { eq, inArray } from 'drizzle-orm';
import { type AwardCode, awardName } from '#contracts/awards.ts';
import type { NominationStatus } from '#contracts/nominees.ts';
import type {
  CreatePublicNoticeBody,
  NoticeCandidate,
  PublicNoticeQuery,
  WithdrawPublicNoticeBody,
} from '#contracts/public-notice.ts';
import { moveNominees, workingDayAfter } from '#server/modules/nominations/index.ts';
import { notifyUnitOfficers } from '#server/modules/notifications/index.ts';
import { resolveScope, scopeCondition } from '#server/modules/organisation/index.ts';
import { type ActorContext, recordAudit } from '#server/platform/audit/audit.ts';
import type { Principal } from '#server/platform/auth/policy.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { nominees, publicNotices, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { inScope, NOTICE_READ_ROLES, NOTICE_WRITE_ROLES } from '../public-notice.policy.ts';
import {
  dayBefore,
  formatDay,
  noticeRuleOf,
  noticeStatusOf,
  POSTABLE_STATUSES,
  vietnamToday,
} from './notice-rules.ts';
import {
  findNotice,
  listNotices,
  type NomineeSubject,
  type NoticeWithNames,
  nomineeSubjects,
  subjectOf,
} from './notices.repo.ts';

/** Who calls a use case: the signed-in user and the request's audit context. */
export interface Caller {
  principal: Principal;
  actor: ActorContext;
}

export const NOTICE = { subject: 'Thông báo công khai này', notFound: 'Không tìm thấy thông báo công khai.' };
const NOT_POSTABLE = 'Chỉ công khai được đối tượng đã thẩm định hoặc đang xét tại hội đồng, chưa công khai.';

/** The standard text above a nominee on the public page. */
export const standardNoticeText = (receivingName: string, article: string, start: string, end: string) =>
  `Thực hiện ${article}, ${receivingName} công khai danh sách đề nghị khen thưởng để lấy ý kiến của ` +
  `cán bộ, công chức, viên chức, người lao động và nhân dân. Ý kiến góp ý gửi trong thời gian công khai, ` +
  `từ ngày ${formatDay(start)} đến hết ngày ${formatDay(end)}.`;

/** Why a nominee cannot be posted now (Vietnamese), or null. */
function refusalOf(row: NomineeSubject, rule: ReturnType<typeof noticeRuleOf>): string | null {
  const name = subjectOf(row).name;
  if (!rule.required)
    return `${awardName(row.nominee.awardCode as AwardCode)} không thuộc diện phải công khai lấy ý kiến${rule.article ? ` (${rule.article})` : ''}.`;
  if (row.nominee.status === 'posted') return `${name} đang được công khai lấy ý kiến.`;
  if (!(POSTABLE_STATUSES as readonly string[]).includes(row.nominee.status))
    return `${name}: ${NOT_POSTABLE}`;
  return null;
}

/** The nominees of a tờ trình as candidates for notice (403 to whoever does not read the tờ trình). */
export async function noticeCandidates(db: Database, caller: Caller, nominationId: string) {
  const ids = await db
    .select({ id: nominees.id })
    .from(nominees)
    .where(eq(nominees.nominationId, nominationId));
  const rows = await nomineeSubjects(
    db,
    ids.map((row) => row.id),
  );
  // Only those who read the tờ trình: its receiving level and its proposing unit's subtree.
  const readScope = await resolveScope(db, caller.principal, NOTICE_READ_ROLES);
  const first = rows[0];
  if (first && !inScope(readScope, first.receivingPath) && !inScope(readScope, first.proposingPath))
    throw new AppError('OUT_OF_SCOPE');
  const scope = await resolveScope(db, caller.principal, NOTICE_WRITE_ROLES);
  const today = vietnamToday();
  const active = rows.length
    ? await db
        .select({
          id: publicNotices.id,
          nomineeId: publicNotices.nomineeId,
          withdrawnAt: publicNotices.withdrawnAt,
        })
        .from(publicNotices)
        .where(
          inArray(
            publicNotices.nomineeId,
            rows.map((row) => row.nominee.id),
          ),
        )
    : [];
  const items: NoticeCandidate[] = rows.map((row) => {
    const rule = noticeRuleOf(row.nominee.awardCode as AwardCode, today);
    const refusal = inScope(scope, row.receivingPath)
      ? refusalOf(row, rule)
      : 'Chỉ cán bộ thi đua, khen thưởng của cấp nhận tờ trình được công khai.';
    return {
      nomineeId: row.nominee.id,
      subjectName: subjectOf(row).name,
      awardName: awardName(row.nominee.awardCode as AwardCode),
      status: row.nominee.status as NominationStatus,
      requiresNotice: rule.required,
      workingDays: rule.workingDays,
      article: rule.article,
      canPost: refusal === null,
      reason: refusal,
      activeNoticeId:
        active.find((notice) => notice.nomineeId === row.nominee.id && !notice.withdrawnAt)?.id ?? null,
    };
  });
  const canManage = rows[0] ? inScope(scope, rows[0].receivingPath) : false;
  return { items, startDate: today, canManage };
}

/**
 * Posts nominees for public comment from the start date (today when not given) for the working days
 * their award requires: refuses (nothing stored) a nominee out of the caller's receiving level (403),
 * an award without notice (422), a nominee not appraised or before the council (409); moves them to
 * `posted` through moveNominees and audits each notice.
 */
export async function postNominees(db: Database, caller: Caller, input: CreatePublicNoticeBody) {
  const today = vietnamToday();
  const start = input.startDate ?? today;
  if (start < today)
    throw new AppError('VALIDATION_FAILED', 'Ngày bắt đầu công khai không được trước hôm nay.', [
      { path: 'startDate', message: 'Không được trước hôm nay' },
    ]);
  const ids = [...new Set(input.nomineeIds)];
  const rows = await nomineeSubjects(db, ids);
  if (rows.length !== ids.length) throw new AppError('NOT_FOUND', 'Không tìm thấy đối tượng đề nghị.');
  const scope = await resolveScope(db, caller.principal, NOTICE_WRITE_ROLES);
  if (rows.some((row) => !inScope(scope, row.receivingPath))) throw new AppError('OUT_OF_SCOPE');
  const plans: { row: NomineeSubject; rule: ReturnType<typeof noticeRuleOf>; days: number; end: string }[] =
    [];
  for (const row of rows) {
    const rule = noticeRuleOf(row.nominee.awardCode as AwardCode, start);
    const refusal = refusalOf(row, rule);
    if (refusal) throw new AppError(rule.required ? 'CONFLICT' : 'RULE_VIOLATION', refusal);
    const days = rule.workingDays ?? 0;
    // The first day counts when it is a working day: 10 working days from Wednesday 20/8/2025 end on 04/9.
    const end = await workingDayAfter(db, dayBefore(start), days);
    plans.push({ row, rule, days, end });
  }
  return db.transaction(async (tx) => {
    const locked = await tx
      .select({ id: nominees.id, status: nominees.status })
      .from(nominees)
      .where(inArray(nominees.id, ids))
      .for('update');
    const statusOf = new Map(locked.map((row) => [row.id, row.status]));
    await moveNominees(tx, caller.actor, {
      nomineeIds: ids,
      from: POSTABLE_STATUSES,
      to: 'posted',
      action: 'nominee.post',
      refusal: NOT_POSTABLE,
    });
    const created = [];
    for (const { row, rule, days, end } of plans) {
      const subject = subjectOf(row);
      const [notice] = await tx
        .insert(publicNotices)
        .values({
          nomineeId: row.nominee.id,
          receivingUnitId: row.receivingUnitId,
          startDate: start,
          endDate: end,
          workingDays: days,
          article: rule.article,
          noticeText: input.noticeText || standardNoticeText(row.receivingName, rule.article, start, end),
          subjectName: subject.name,
          position: subject.position,
          unitName: subject.unitName,
          awardName: awardName(row.nominee.awardCode as AwardCode),
          achievements: row.nominee.achievements,
          previousStatus: statusOf.get(row.nominee.id) ?? row.nominee.status,
          createdBy: caller.actor.userId,
          updatedBy: caller.actor.userId,
        })
        .returning();
      if (!notice) throw new Error('insert returned no row');
      await recordAudit(tx, caller.actor, {
        action: 'public_notice.post',
        entityType: 'public_notice',
        entityId: notice.id,
        after: notice,
      });
      created.push(notice);
    }
    // The proposing units hear that their nominees are out for comment, once per tờ trình.
    for (const nominationId of new Set(plans.map((plan) => plan.row.nominee.nominationId))) {
      const group = plans.filter((plan) => plan.row.nominee.nominationId === nominationId);
      const first = group[0]?.row;
      if (!first) continue;
      await notifyUnitOfficers(tx, [first.proposingUnitId], {
        kind: 'nominees_posted',
        title: `${first.receivingName} công khai lấy ý kiến về đề nghị khen thưởng`,
        body: `${group.map((plan) => subjectOf(plan.row).name).join(', ')}: từ ngày ${formatDay(start)} đến hết ngày ${formatDay(group[0]?.end ?? start)}.`,
        link: `/khen-thuong/to-trinh/${nominationId}`,
        entityType: 'nomination',
        entityId: nominationId,
      });
    }
    return created;
  });
}

/** A notice the caller reads: the receiving level's readers (403 OUT_OF_SCOPE otherwise). */
export async function getVisibleNotice(db: Executor, caller: Caller, id: string): Promise<NoticeWithNames> {
  const row = await findNotice(db, id);
  if (!row) throw new AppError('NOT_FOUND', NOTICE.notFound);
  if (!inScope(await resolveScope(db, caller.principal, NOTICE_READ_ROLES), row.receivingPath))
    throw new AppError('OUT_OF_SCOPE');
  return row;
}

/** A notice the caller may change: the receiving level's TĐKT officers. */
export async function getWritableNotice(db: Executor, caller: Caller, id: string) {
  const row = await getVisibleNotice(db, caller, id);
  if (!inScope(await resolveScope(db, caller.principal, NOTICE_WRITE_ROLES), row.receivingPath))
    throw new AppError('OUT_OF_SCOPE');
  return row;
}

/** A page of the notices of the caller's levels. */
export async function searchNotices(db: Database, caller: Caller, query: PublicNoticeQuery) {
  const scope = await resolveScope(db, caller.principal, NOTICE_READ_ROLES);
  return listNotices(db, scopeCondition(scope, units.path), query, vietnamToday());
}

/**
 * Withdraws a notice at the version the user saw, with a reason: the public page goes at once and
 * the nominee returns to the stage it was posted from (through moveNominees). Comments stay.
 */
export async function withdrawNotice(
  db: Database,
  caller: Caller,
  id: string,
  input: WithdrawPublicNoticeBody,
) {
  const row = await getWritableNotice(db, caller, id);
  if (noticeStatusOf(row.notice, vietnamToday()) === 'withdrawn')
    throw new AppError('CONFLICT', 'Thông báo công khai này đã được rút.');
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(publicNotices)
      .set({
        withdrawnAt: new Date(),
        withdrawReason: input.reason,
        ...nextVersion(publicNotices, caller.actor),
      })
      .where(atVersion(publicNotices, id, input.version))
      .returning();
    const notice = await versionedRow(tx, updated, publicNotices, id, NOTICE);
    await moveNominees(tx, caller.actor, {
      nomineeIds: [row.notice.nomineeId],
      from: ['posted'],
      to: row.notice.previousStatus as NominationStatus,
      action: 'nominee.unpost',
      refusal: 'Đối tượng này không còn ở bước công khai; không rút được.',
      reason: input.reason,
    });
    await recordAudit(tx, caller.actor, {
      action: 'public_notice.withdraw',
      entityType: 'public_notice',
      entityId: id,
      before: { withdrawnAt: null, version: row.notice.version },
      after: { withdrawnAt: notice.withdrawnAt, version: notice.version },
      reason: input.reason,
    });
    return notice;
  });
}
