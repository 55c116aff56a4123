import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tally, VoteResult } from '#contracts/council-sessions.ts';
import { formatVietnameseDate } from '#server/modules/documents/index.ts';
import { moveNominees } from '#server/modules/nominations/index.ts';
import { type ActorContext, recordAudit, systemActor } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { councilAgendaItems, councilSessions } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertAllowed, type Caller, sessionAccess } from '../council-sessions.policy.ts';
import { tallySession } from '../tally/session-tally.ts';
import { getSessionRow, lockSession, placeOf, SESSION } from './sessions.repo.ts';

/**
 * Closes a session inside the caller's transaction (the session row locked): tallies every nominee,
 * stores the result on its agenda item, moves failed nominees to declined with the reason and those
 * left without a quorum back to appraised (passed ones stay in council for public notice and the
 * decision), and audits the close with the counts.
 */
async function closeLocked(tx: Executor, actor: ActorContext, id: string, reason: string | null) {
  const row = await getSessionRow(tx, id);
  const { session } = row;
  const tallies = await tallySession(tx, id, session.meetingDate);
  if (tallies.length) {
    await tx.execute(sql`
      update council_agenda_items a set result = v.result, tally = v.tally,
        version = a.version + 1, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(tallies.map((item) => ({ id: item.id, result: item.tally.result, tally: item.tally })))}::jsonb)
        as v(id uuid, result text, tally jsonb)
      where a.id = v.id`);
  }
  const of = (result: VoteResult) =>
    tallies.filter((item) => item.tally.result === result).map((item) => item.nomineeId);
  const where = `${session.title} ngày ${formatVietnameseDate(session.meetingDate).replace(/^ngày /, '')}`;
  await moveNominees(tx, actor, {
    nomineeIds: of('failed'),
    from: ['in_council'],
    to: 'declined',
    action: 'nominee.decline',
    refusal: 'Có đối tượng không còn ở bước Hội đồng xét; không kết thúc phiên họp được.',
    reason: `Không đạt tỷ lệ phiếu đồng ý theo quy định tại phiên họp Hội đồng: ${where}.`,
  });
  await moveNominees(tx, actor, {
    nomineeIds: of('no_quorum'),
    from: ['in_council'],
    to: 'appraised',
    action: 'nominee.from_council',
    refusal: 'Có đối tượng không còn ở bước Hội đồng xét; không kết thúc phiên họp được.',
    reason: `Phiên họp không đủ số thành viên dự họp theo quy định: ${where}.`,
  });
  const closedAt = new Date();
  await tx
    .update(councilSessions)
    .set({
      status: 'closed',
      closedAt,
      updatedAt: closedAt,
      version: sql`${councilSessions.version} + 1`,
      updatedBy: actor.userId,
    })
    .where(eq(councilSessions.id, id));
  await recordAudit(tx, actor, {
    action: 'council_session.close',
    entityType: 'council_session',
    entityId: id,
    before: { status: 'open', version: session.version },
    after: {
      status: 'closed',
      closedAt,
      passed: of('passed').length,
      failed: of('failed').length,
      noQuorum: of('no_quorum').length,
    },
    reason,
  });
}

/** Closes the session if its closing time has passed (on read or the next action); true when it did. */
export async function closeIfDue(db: Database, id: string): Promise<boolean> {
  const [row] = await db
    .select({ status: councilSessions.status, closesAt: councilSessions.closesAt })
    .from(councilSessions)
    .where(eq(councilSessions.id, id));
  if (row?.status !== 'open' || row.closesAt.getTime() > Date.now()) return false;
  return db.transaction(async (tx) => {
    const locked = await lockSession(tx, id, 'update');
    if (locked.status !== 'open' || locked.closesAt.getTime() > Date.now()) return false;
    await closeLocked(tx, systemActor('council-sessions'), id, 'Hết thời gian bỏ phiếu');
    return true;
  });
}

/** The chair (or an officer on the chair's word) closes the session at the version loaded. */
export async function closeSession(db: Database, caller: Caller, id: string, version: number) {
  await closeIfDue(db, id);
  const row = await getSessionRow(db, id);
  assertAllowed(await sessionAccess(db, caller.principal, placeOf(row)), 'close');
  await db.transaction(async (tx) => {
    const locked = await lockSession(tx, id, 'update');
    if (locked.status !== 'open') throw new AppError('CONFLICT', 'Phiên họp đã kết thúc.');
    const [current] = await tx
      .select({ version: councilSessions.version })
      .from(councilSessions)
      .where(eq(councilSessions.id, id));
    if (current?.version !== version)
      throw new AppError('CONFLICT', `${SESSION.subject} vừa được người khác thay đổi. Vui lòng tải lại.`);
    await closeLocked(tx, caller.actor, id, null);
  });
}

/** A nominee's latest council result: for the public notice and decision parts. */
export interface CouncilResult {
  sessionId: string;
  sessionTitle: string;
  meetingDate: string;
  result: VoteResult;
  tally: Tally;
}

/**
 * The result each nominee got at the last closed session that tallied it (nominees never tallied are
 * absent from the map). Passed nominees stay "in council" until the public notice or the decision.
 */
export async function councilResults(db: Executor, nomineeIds: readonly string[]) {
  const found = new Map<string, CouncilResult>();
  if (!nomineeIds.length) return found;
  const rows = await db
    .select({
      nomineeId: councilAgendaItems.nomineeId,
      sessionId: councilSessions.id,
      sessionTitle: councilSessions.title,
      meetingDate: councilSessions.meetingDate,
      result: councilAgendaItems.result,
      tally: councilAgendaItems.tally,
    })
    .from(councilAgendaItems)
    .innerJoin(councilSessions, eq(councilSessions.id, councilAgendaItems.sessionId))
    .where(
      and(
        inArray(councilAgendaItems.nomineeId, [...new Set(nomineeIds)]),
        eq(councilSessions.status, 'closed'),
      ),
    )
    .orderBy(desc(councilSessions.closedAt));
  for (const row of rows)
    if (row.result && !found.has(row.nomineeId))
      found.set(row.nomineeId, {
        sessionId: row.sessionId,
        sessionTitle: row.sessionTitle,
        meetingDate: row.meetingDate,
        result: row.result as VoteResult,
        tally: row.tally as Tally,
      });
  return found;
}
