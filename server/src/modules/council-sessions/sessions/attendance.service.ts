import { and, eq, sql } from 'drizzle-orm';
import type { AwardCode } from '#contracts/awards.ts';
import type { Attendance, RecusalBody, WrittenVotesBody } from '#contracts/council-sessions.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import {
  ballotReceipts,
  councilAgendaItems,
  councilRecusals,
  councilSessionMembers,
  nominees,
} from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertAllowed, type Caller, sessionAccess } from '../council-sessions.policy.ts';
import { voteRules } from '../tally/session-tally.ts';
import { closeIfDue } from './close.service.ts';
import { getSessionRow, placeOf } from './sessions.repo.ts';

const ATTENDANCE = {
  subject: 'Điểm danh của thành viên này',
  notFound: 'Thành viên không có trong phiên họp.',
};
const AGENDA_ITEM = {
  subject: 'Đối tượng này',
  notFound: 'Đối tượng này không có trong chương trình phiên họp.',
};

const votedCount = async (db: Database, id: string, memberId: string) => {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(ballotReceipts)
    .where(and(eq(ballotReceipts.sessionId, id), eq(ballotReceipts.memberId, memberId)));
  return Number(row?.count ?? 0);
};

/** Records a member's attendance at the version loaded; a member who voted stays present (409). */
export async function setAttendance(
  db: Database,
  caller: Caller,
  id: string,
  memberId: string,
  body: { attendance: Attendance; version: number },
) {
  await closeIfDue(db, id);
  const row = await getSessionRow(db, id);
  assertAllowed(await sessionAccess(db, caller.principal, placeOf(row)), 'attendance');
  const [seat] = await db
    .select()
    .from(councilSessionMembers)
    .where(and(eq(councilSessionMembers.sessionId, id), eq(councilSessionMembers.memberId, memberId)));
  if (!seat) throw new AppError('NOT_FOUND', ATTENDANCE.notFound);
  if (body.attendance !== 'present' && (await votedCount(db, id, memberId)) > 0)
    throw new AppError('CONFLICT', 'Thành viên đã bỏ phiếu tại phiên họp; không ghi vắng mặt được.');
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(councilSessionMembers)
      .set({ attendance: body.attendance, ...nextVersion(councilSessionMembers, caller.actor) })
      .where(atVersion(councilSessionMembers, seat.id, body.version))
      .returning();
    const updated = await versionedRow(tx, rows, councilSessionMembers, seat.id, ATTENDANCE);
    await recordAudit(tx, caller.actor, {
      action: 'council_session.attendance',
      entityType: 'council_session',
      entityId: id,
      before: { memberId, attendance: seat.attendance, version: seat.version },
      after: { memberId, attendance: updated.attendance, version: updated.version },
    });
  });
}

/** A member declares a conflict on a nominee (themself, or the secretary for them) before voting on it. */
export async function declareRecusal(db: Database, caller: Caller, id: string, body: RecusalBody) {
  await closeIfDue(db, id);
  const row = await getSessionRow(db, id);
  const access = await sessionAccess(db, caller.principal, placeOf(row));
  assertAllowed(access, 'read');
  const own = access.seat?.memberId === body.memberId;
  if (!own) assertAllowed(access, 'attendance');
  else assertAllowed(access, 'vote');
  const [seat] = await db
    .select({ id: councilSessionMembers.id })
    .from(councilSessionMembers)
    .where(and(eq(councilSessionMembers.sessionId, id), eq(councilSessionMembers.memberId, body.memberId)));
  if (!seat) throw new AppError('NOT_FOUND', ATTENDANCE.notFound);
  const [item] = await db
    .select({ id: councilAgendaItems.id })
    .from(councilAgendaItems)
    .where(and(eq(councilAgendaItems.sessionId, id), eq(councilAgendaItems.nomineeId, body.nomineeId)));
  if (!item) throw new AppError('NOT_FOUND', AGENDA_ITEM.notFound);
  const [voted] = await db
    .select({ memberId: ballotReceipts.memberId })
    .from(ballotReceipts)
    .where(
      and(
        eq(ballotReceipts.sessionId, id),
        eq(ballotReceipts.nomineeId, body.nomineeId),
        eq(ballotReceipts.memberId, body.memberId),
      ),
    );
  if (voted) throw new AppError('CONFLICT', 'Thành viên đã bỏ phiếu cho đối tượng này.');
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(councilRecusals)
      .values({
        sessionId: id,
        memberId: body.memberId,
        nomineeId: body.nomineeId,
        reason: 'conflict',
        note: body.note,
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length)
      throw new AppError('CONFLICT', 'Thành viên đã không tham gia biểu quyết đối tượng này.');
    await recordAudit(tx, caller.actor, {
      action: 'council_session.recusal',
      entityType: 'council_session',
      entityId: id,
      after: inserted[0],
    });
  });
}

/**
 * The secretary records the written votes of absent members on a nominee as counts, at the item's
 * version: only when the award's rule admits written votes, and never more than the absent members
 * with a written vote who are not recused.
 */
export async function recordWrittenVotes(
  db: Database,
  caller: Caller,
  id: string,
  nomineeId: string,
  body: WrittenVotesBody,
) {
  await closeIfDue(db, id);
  const row = await getSessionRow(db, id);
  assertAllowed(await sessionAccess(db, caller.principal, placeOf(row)), 'written_votes');
  const [item] = await db
    .select({ item: councilAgendaItems, awardCode: nominees.awardCode })
    .from(councilAgendaItems)
    .innerJoin(nominees, eq(nominees.id, councilAgendaItems.nomineeId))
    .where(and(eq(councilAgendaItems.sessionId, id), eq(councilAgendaItems.nomineeId, nomineeId)));
  if (!item) throw new AppError('NOT_FOUND', AGENDA_ITEM.notFound);
  const rule = (await voteRules(db, row.session.meetingDate))(item.awardCode as AwardCode);
  if (!rule.absentWrittenVotes)
    throw new AppError(
      'CONFLICT',
      `Danh hiệu, hình thức này không lấy phiếu bằng văn bản (${rule.article}).`,
    );
  const [absent] = (
    (await db.execute(sql`select count(*)::int as n from council_session_members m
      where m.session_id = ${id} and m.attendance = 'absent_written'
      and not exists (select 1 from council_recusals x where x.session_id = m.session_id
        and x.member_id = m.member_id and x.nominee_id = ${nomineeId})`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  const allowed = Number(absent?.n ?? 0);
  if (body.agree + body.disagree > allowed)
    throw new AppError(
      'VALIDATION_FAILED',
      `Số phiếu bằng văn bản vượt số thành viên vắng có phiếu (${allowed}).`,
      [{ path: 'agree', message: `Tổng số phiếu tối đa ${allowed}` }],
    );
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(councilAgendaItems)
      .set({
        writtenAgree: body.agree,
        writtenDisagree: body.disagree,
        ...nextVersion(councilAgendaItems, caller.actor),
      })
      .where(atVersion(councilAgendaItems, item.item.id, body.version))
      .returning();
    const updated = await versionedRow(tx, rows, councilAgendaItems, item.item.id, AGENDA_ITEM);
    await recordAudit(tx, caller.actor, {
      action: 'council_session.written_votes',
      entityType: 'council_session',
      entityId: id,
      before: { nomineeId, agree: item.item.writtenAgree, disagree: item.item.writtenDisagree },
      after: {
        nomineeId,
        agree: updated.writtenAgree,
        disagree: updated.writtenDisagree,
        version: updated.version,
      },
    });
  });
}
