import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BallotBody } from '#contracts/council-sessions.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import {
  ballotCounts,
  ballotReceipts,
  councilAgendaItems,
  councilRecusals,
} from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertAllowed, type Caller, seatOf, sessionAccess } from '../council-sessions.policy.ts';
import { closeIfDue } from '../sessions/close.service.ts';
import { getSessionRow, lockSession, placeOf } from '../sessions/sessions.repo.ts';

const CLOSED = 'Phiên họp đã kết thúc; không bỏ phiếu được nữa.';

/**
 * A member's secret ballot on nominees of the agenda, all or nothing: only a member present at an
 * open session, not recused, and once per nominee (a second ballot is 409 and nothing is stored).
 * What is stored: a receipt "member M voted on nominee N in session S", and the nominee's counter
 * raised by one. Nothing ties the choice to the member; the audit event names the nominees, not the
 * choices.
 */
export async function castBallot(db: Database, caller: Caller, id: string, body: BallotBody) {
  await closeIfDue(db, id);
  const row = await getSessionRow(db, id);
  const access = await sessionAccess(db, caller.principal, placeOf(row));
  if (!access.seat) {
    if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
    throw new AppError('FORBIDDEN', 'Chỉ thành viên của phiên họp mới được bỏ phiếu.');
  }
  if (access.open && access.seat.attendance !== 'present')
    throw new AppError(
      'FORBIDDEN',
      'Thành viên vắng mặt không bỏ phiếu điện tử; phiếu bằng văn bản do thư ký ghi nhận.',
    );
  assertAllowed(access, 'vote');
  const memberId = access.seat.memberId;
  const nomineeIds = body.choices.map((choice) => choice.nomineeId).sort();
  return db.transaction(async (tx) => {
    const locked = await lockSession(tx, id, 'share');
    if (locked.status !== 'open' || locked.closesAt.getTime() <= Date.now())
      throw new AppError('CONFLICT', CLOSED);
    const items = await tx
      .select({ id: councilAgendaItems.id, nomineeId: councilAgendaItems.nomineeId })
      .from(councilAgendaItems)
      .where(and(eq(councilAgendaItems.sessionId, id), inArray(councilAgendaItems.nomineeId, nomineeIds)));
    if (items.length !== nomineeIds.length)
      throw new AppError('CONFLICT', 'Có đối tượng không thuộc chương trình phiên họp.');
    const [recused] = await tx
      .select({ nomineeId: councilRecusals.nomineeId })
      .from(councilRecusals)
      .where(
        and(
          eq(councilRecusals.sessionId, id),
          eq(councilRecusals.memberId, memberId),
          inArray(councilRecusals.nomineeId, nomineeIds),
        ),
      )
      .limit(1);
    if (recused)
      throw new AppError(
        'FORBIDDEN',
        'Thành viên không tham gia biểu quyết đối tượng mình được đề nghị hoặc đã báo có xung đột lợi ích.',
      );
    const receipts = await tx
      .insert(ballotReceipts)
      .values(nomineeIds.map((nomineeId) => ({ sessionId: id, nomineeId, memberId })))
      .onConflictDoNothing()
      .returning({ nomineeId: ballotReceipts.nomineeId });
    if (receipts.length !== nomineeIds.length)
      throw new AppError(
        'CONFLICT',
        'Thành viên đã bỏ phiếu cho đối tượng này; mỗi thành viên chỉ bỏ một phiếu.',
      );
    const itemOf = new Map(items.map((item) => [item.nomineeId, item.id]));
    for (const choice of ['agree', 'disagree'] as const) {
      const ids = body.choices
        .filter((entry) => entry.choice === choice)
        .map((entry) => itemOf.get(entry.nomineeId) as string);
      if (!ids.length) continue;
      await tx
        .update(ballotCounts)
        .set(
          choice === 'agree'
            ? { agree: sql`${ballotCounts.agree} + 1` }
            : { disagree: sql`${ballotCounts.disagree} + 1` },
        )
        .where(inArray(ballotCounts.agendaItemId, ids));
    }
    await recordAudit(tx, caller.actor, {
      action: 'council_session.vote',
      entityType: 'council_session',
      entityId: id,
      after: { memberId, nomineeIds, count: nomineeIds.length },
    });
    return { voted: nomineeIds.length };
  });
}

/** The member's own seat, for the ballot page (null when the user does not sit on the session). */
export const ownSeat = (db: Database, caller: Caller, id: string) => seatOf(db, caller.principal.id, id);
