import { and, eq, inArray } from 'drizzle-orm';
import type { NominationMove, NominationStatus } from '#contracts/nominees.ts';
import { notifyUnitOfficers } from '#server/modules/notifications/index.ts';
import { type ActorContext, recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { nominations, nominees } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertNothingForwarded } from '../consolidation/consolidation-links.ts';
import { getVisibleNomination, movesFor, NOMINATION } from '../nominations/nominations.service.ts';
import type { Caller } from '../rounds/rounds.service.ts';
import { workingDayAfter } from '../working-days/holidays.service.ts';
import { vietnamToday } from '../working-days/vietnam-date.ts';
import { DECIDABLE, nextNominationStatus, RETURN_WITHIN_WORKING_DAYS } from './nomination-workflow.ts';
import { moveNominees } from './nominee-moves.ts';

type WorkflowMove = Extract<NominationMove, 'submit' | 'receive' | 'return'>;

const notices: Record<WorkflowMove, { kind: string; title: (name: string) => string }> = {
  submit: { kind: 'nomination_submitted', title: (unit) => `${unit} gửi tờ trình đề nghị khen thưởng` },
  receive: { kind: 'nomination_received', title: (unit) => `${unit} đã tiếp nhận tờ trình` },
  return: { kind: 'nomination_returned', title: (unit) => `${unit} trả lại tờ trình` },
};

/**
 * Makes a workflow move on a tờ trình at the version the user saw: checks the side and the state
 * (409 in Vietnamese when the move is not allowed now; a stale version is a 409 too, so a double
 * submit changes nothing), moves its nominees with it, audits and notifies the other side.
 */
export async function moveNomination(
  db: Database,
  caller: Caller,
  id: string,
  move: WorkflowMove,
  input: { version: number; reason?: string },
) {
  const row = await getVisibleNomination(db, caller, id);
  const status = nextNominationStatus(row.nomination.status as NominationStatus, move);
  if (!(await movesFor(db, caller, row)).includes(move)) throw new AppError('OUT_OF_SCOPE');
  const now = new Date();
  const returnDue =
    move === 'submit'
      ? await workingDayAfter(db, vietnamToday(now), RETURN_WITHIN_WORKING_DAYS)
      : row.nomination.returnDue;
  return db.transaction(async (tx) => {
    if (move === 'return') await assertNothingForwarded(tx, id);
    const updated = await tx
      .update(nominations)
      .set({
        status,
        ...(move === 'submit' ? { submittedAt: now, returnDue, returnReason: null } : {}),
        ...(move === 'return' ? { returnReason: input.reason ?? null } : {}),
        ...nextVersion(nominations, caller.actor),
      })
      .where(atVersion(nominations, id, input.version))
      .returning();
    const nomination = await versionedRow(tx, updated, nominations, id, NOMINATION);
    await tx
      .update(nominees)
      .set({ status, updatedAt: now })
      .where(
        and(
          eq(nominees.nominationId, id),
          inArray(nominees.status, ['draft', 'submitted', 'received', 'returned']),
        ),
      );
    await recordAudit(tx, caller.actor, {
      action: `nomination.${move}`,
      entityType: 'nomination',
      entityId: id,
      before: { status: row.nomination.status, version: row.nomination.version },
      after: { status, version: nomination.version, returnDue: nomination.returnDue },
      reason: move === 'return' ? (input.reason ?? null) : null,
    });
    const [target, from] =
      move === 'submit'
        ? [row.receivingUnitId, row.unitName]
        : [row.nomination.proposingUnitId, row.receivingName];
    await notifyUnitOfficers(tx, [target], {
      kind: notices[move].kind,
      title: notices[move].title(from),
      body: move === 'return' ? `${row.nomination.title}. Lý do: ${input.reason}` : row.nomination.title,
      link: `/khen-thuong/to-trinh/${id}`,
      entityType: 'nomination',
      entityId: id,
    });
    return nomination;
  });
}

const closeNominees = (
  tx: Executor,
  actor: ActorContext,
  nomineeIds: readonly string[],
  decisionId: string,
  status: 'decided' | 'declined',
) =>
  moveNominees(tx, actor, {
    nomineeIds,
    from: DECIDABLE,
    to: status,
    decisionId,
    action: status === 'decided' ? 'nominee.decide' : 'nominee.decline',
    refusal: 'Có đối tượng đề nghị chưa được tiếp nhận hoặc đã có quyết định; không ghi quyết định được.',
  });

/**
 * For the decisions module: moves the nominees to decided inside the caller's transaction (409 when
 * one was not received yet or already has a decision), with one audit event naming them.
 */
export const markNomineesDecided = (
  tx: Executor,
  nomineeIds: readonly string[],
  decisionId: string,
  actor: ActorContext,
) => closeNominees(tx, actor, nomineeIds, decisionId, 'decided');

/** For the decisions module: moves the nominees to declined inside the caller's transaction. */
export const markNomineesDeclined = (
  tx: Executor,
  nomineeIds: readonly string[],
  decisionId: string,
  actor: ActorContext,
) => closeNominees(tx, actor, nomineeIds, decisionId, 'declined');
