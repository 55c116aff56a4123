import { eq, inArray, sql } from 'drizzle-orm';
import { type AwardCode, awardName, type RewardType } from '#contracts/awards.ts';
import type {
  DecisionFromNomineesBody,
  DecisionNomineesAddBody,
  DecisionNomineesDeclineBody,
} from '#contracts/decision-nominees.ts';
import type { NominationStatus } from '#contracts/nominees.ts';
import { moveNominees } from '#server/modules/nominations/index.ts';
import { DECIDABLE } from '#server/modules/nominations/workflow/nomination-workflow.ts';
import { recordAudit, recordAudits } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import {
  awardRounds,
  decisionRecipients,
  decisions,
  nominations,
  nominees,
  units,
} from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { DECISION, type DecisionWithUnit, getDecisionRow } from '../decisions/decisions.repo.ts';
import { assertDraft } from '../decisions/decisions.service.ts';
import {
  appendRecipients,
  type RecipientValues,
  recipientProblems,
} from '../decisions/recipients.service.ts';
import { assertCanWrite, type Caller } from '../decisions.policy.ts';
import { competentAwards } from './nominee-candidates.ts';

/** The certificate line from a nominee's summary: its first 1,000 characters, cut at a word. */
export function achievementLine(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  if (flat.length <= 1000) return flat;
  const cut = flat.slice(0, 999);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 900))}…`;
}

/** A nominee with the unit that proposed it (where a household nominee lives). */
type NomineeRow = typeof nominees.$inferSelect & { proposingUnitId: string };

/**
 * Reads the chosen nominees and refuses, naming the first problem: one that does not exist (404),
 * that is not from a round the deciding unit receives (403), an award the unit may not decide (422), one not in a decidable state (409), or one already on a decision (409).
 */
export async function checkNominees(
  db: Executor,
  decider: { unitId: string; unitKind: string; date: string },
  ids: readonly string[],
  options: { allowOnDecision?: string } = {},
): Promise<NomineeRow[]> {
  const unique = [...new Set(ids)];
  const rows = await db
    .select({
      nominee: nominees,
      proposingUnitId: nominations.proposingUnitId,
      receivingUnitId: awardRounds.receivingUnitId,
      onDecision: sql<
        string | null
      >`(select d.decision_id from decision_recipients d where d.nominee_id = ${nominees.id})`,
      onNumber: sql<
        string | null
      >`(select coalesce(x.number, 'dự thảo') from decision_recipients d join decisions x on x.id = d.decision_id where d.nominee_id = ${nominees.id})`,
    })
    .from(nominees)
    .innerJoin(nominations, eq(nominations.id, nominees.nominationId))
    .innerJoin(awardRounds, eq(awardRounds.id, nominations.roundId))
    .where(inArray(nominees.id, unique));
  if (rows.length !== unique.length)
    throw new AppError('NOT_FOUND', 'Không tìm thấy đối tượng đề nghị đã chọn.');
  const competent = new Set(await competentAwards(db, decider.unitKind, decider.date));
  for (const row of rows)
    if (row.receivingUnitId !== decider.unitId)
      throw new AppError('OUT_OF_SCOPE', 'Có đối tượng thuộc tờ trình không gửi đến đơn vị quyết định này.');
  for (const { nominee } of rows) {
    if (!competent.has(nominee.awardCode as AwardCode))
      throw new AppError(
        'RULE_VIOLATION',
        `Đơn vị quyết định không có thẩm quyền tặng ${awardName(nominee.awardCode as AwardCode)}; tờ trình cần trình cấp có thẩm quyền.`,
      );
  }
  for (const { nominee } of rows)
    if (!DECIDABLE.includes(nominee.status as NominationStatus))
      throw new AppError(
        'CONFLICT',
        'Có đối tượng đề nghị chưa được tiếp nhận hoặc đã có kết quả; không đưa vào quyết định được.',
      );
  for (const row of rows)
    if (row.onDecision && row.onDecision !== options.allowOnDecision)
      throw new AppError(
        'CONFLICT',
        `Đối tượng đề nghị đã nằm trong quyết định khác (${row.onNumber}); bỏ khỏi quyết định đó trước.`,
      );
  const order = new Map(unique.map((id, index) => [id, index]));
  return rows
    .map((row) => ({ ...row.nominee, proposingUnitId: row.proposingUnitId }))
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/**
 * The recipients the nominees become: the same subject (a household in the unit that proposed it),
 * award, reward type, last year of the period.
 */
export function recipientsOf(rows: readonly NomineeRow[]): RecipientValues[] {
  const subject = (nominee: NomineeRow) =>
    nominee.personId
      ? { personId: nominee.personId }
      : nominee.unitId
        ? { unitId: nominee.unitId }
        : { householdName: nominee.householdName ?? '', householdUnitId: nominee.proposingUnitId };
  return rows.map((nominee) => ({
    ...subject(nominee),
    awardCode: nominee.awardCode as AwardCode,
    rewardType: nominee.rewardType as RewardType,
    year: nominee.periodTo,
    achievement: achievementLine(nominee.achievements),
    nomineeId: nominee.id,
  }));
}

/** 403 when a recipient lies outside the caller's scope (recipientProblems' other checks were made). */
async function assertRecipients(
  db: Executor,
  caller: Caller,
  row: DecisionWithUnit,
  list: RecipientValues[],
) {
  const [problem] = await recipientProblems(db as Database, caller, row, list);
  if (problem) throw new AppError('RULE_VIOLATION', problem.message);
}

/** Creates a draft of the deciding unit whose list is the chosen nominees (one transaction). */
export async function createDecisionFromNominees(
  db: Database,
  caller: Caller,
  body: DecisionFromNomineesBody,
) {
  const { nomineeIds, ...fields } = body;
  const [unit] = await db
    .select({ path: units.path, kind: units.kind, name: units.name, shortName: units.shortName })
    .from(units)
    .where(eq(units.id, fields.unitId));
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị ban hành.');
  await assertCanWrite(db, caller.principal, unit.path);
  const rows = await checkNominees(
    db,
    { unitId: fields.unitId, unitKind: unit.kind, date: fields.decisionDate },
    nomineeIds,
  );
  const list = recipientsOf(rows);
  return db.transaction(async (tx) => {
    const [decision] = await tx
      .insert(decisions)
      .values({ ...fields, place: fields.place ?? null, updatedBy: caller.actor.userId })
      .returning();
    if (!decision) throw new Error('decision not created');
    await recordAudit(tx, caller.actor, {
      action: 'decision.create',
      entityType: 'decision',
      entityId: decision.id,
      after: decision,
    });
    await assertRecipients(tx, caller, { decision, unit }, list);
    await appendRecipients(tx, caller, decision.id, decision.version, list, { source: 'nominations' });
    return decision.id;
  });
}

/** Adds the chosen nominees to a draft of the deciding unit at its version. */
export async function addNomineesToDecision(
  db: Database,
  caller: Caller,
  id: string,
  body: DecisionNomineesAddBody,
) {
  const row = await getDecisionRow(db, id);
  await assertCanWrite(db, caller.principal, row.unit.path);
  assertDraft(row);
  const rows = await checkNominees(
    db,
    { unitId: row.decision.unitId, unitKind: row.unit.kind, date: row.decision.decisionDate },
    body.nomineeIds,
  );
  const list = recipientsOf(rows);
  await assertRecipients(db, caller, row, list);
  return db.transaction((tx) =>
    appendRecipients(tx, caller, id, body.version, list, { source: 'nominations' }),
  );
}

/**
 * The decider refuses nominees (Luật: not rewarded) with the reason, at the draft's version: those on
 * the draft leave its list (each removal audited), and the nominees move to declined with this
 * decision named (one `nominee.decline` event with the reason). Final for the nominees.
 */
export async function declineNominees(
  db: Database,
  caller: Caller,
  id: string,
  body: DecisionNomineesDeclineBody,
) {
  const row = await getDecisionRow(db, id);
  await assertCanWrite(db, caller.principal, row.unit.path);
  assertDraft(row);
  await checkNominees(
    db,
    { unitId: row.decision.unitId, unitKind: row.unit.kind, date: row.decision.decisionDate },
    body.nomineeIds,
    { allowOnDecision: id },
  );
  return db.transaction(async (tx) => {
    const bumped = await tx
      .update(decisions)
      .set(nextVersion(decisions, caller.actor))
      .where(sql`${atVersion(decisions, id, body.version)} and ${decisions.status} = 'draft'`)
      .returning({ version: decisions.version });
    const decision = await versionedRow(tx, bumped, decisions, id, DECISION);
    const removed = await tx
      .delete(decisionRecipients)
      .where(
        sql`${decisionRecipients.decisionId} = ${id} and ${inArray(decisionRecipients.nomineeId, body.nomineeIds)}`,
      )
      .returning();
    await recordAudits(
      tx,
      caller.actor,
      removed.map((recipient) => ({
        action: 'decision.recipient_remove' as const,
        entityType: 'decision_recipient',
        entityId: recipient.id,
        before: recipient,
        reason: body.reason,
      })),
    );
    await moveNominees(tx, caller.actor, {
      nomineeIds: body.nomineeIds,
      from: DECIDABLE,
      to: 'declined',
      decisionId: id,
      action: 'nominee.decline',
      refusal: 'Có đối tượng đề nghị chưa được tiếp nhận hoặc đã có kết quả; không ghi được.',
      reason: body.reason,
    });
    return { version: decision.version, removed: removed.length };
  });
}
