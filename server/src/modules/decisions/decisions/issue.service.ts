import { eq, sql } from 'drizzle-orm';
import { type AwardCode, awardName } from '#contracts/awards.ts';
import { markNomineesDecided } from '#server/modules/nominations/index.ts';
import { notifyUnitOfficers } from '#server/modules/notifications/index.ts';
import { recordAudit, recordAudits } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { awardsReceived, decisionRecipients, decisions } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertCanWrite, type Caller } from '../decisions.policy.ts';
import { decisionNumber, takeNextNumber } from '../register/decision-register.ts';
import { authorityFor, cashFor, effectiveRegistry, subjectKey, subjectOf } from './award-terms.ts';
import { DECISION, type DecisionWithUnit, getDecisionRow } from './decisions.repo.ts';
import { assertDraft } from './decisions.service.ts';
import { runPreIssueChecks } from './pre-issue-checks.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Who must hear of a decision: the officers of each recipient's unit (a person's current unit). */
const recipientUnits = (id: string) => sql`
  select coalesce(p.unit_id, r.unit_id, r.household_unit_id) from decision_recipients r
  left join persons p on p.id = r.person_id where r.decision_id = ${id}`;

/** The proposing units of the tờ trình the decision's recipients came from. */
const proposingUnits = (id: string) => sql`
  select distinct nm.proposing_unit_id from decision_recipients r
  join nominees n on n.id = r.nominee_id join nominations nm on nm.id = n.nomination_id
  where r.decision_id = ${id}`;

/** How many of a decision's recipients came from a tờ trình. */
async function linkedCount(tx: Executor, id: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(${decisionRecipients.nomineeId})::int` })
    .from(decisionRecipients)
    .where(eq(decisionRecipients.decisionId, id));
  return Number(row?.count ?? 0);
}

/** Names of recipients who already hold the same award for the same year and reward type (at most 5). */
async function alreadyAwarded(tx: Executor, id: string): Promise<string[]> {
  const result = await tx.execute(sql`
    select coalesce(p.full_name, u.name, r.household_name) as name, r.award_code as award, r.year
    from decision_recipients r
    join award_received a on (a.person_id = r.person_id or a.unit_id = r.unit_id
        or (a.household_unit_id = r.household_unit_id and a.household_name = r.household_name))
      and a.award_code = r.award_code and a.year = r.year and a.reward_type = r.reward_type
    left join persons p on p.id = r.person_id
    left join units u on u.id = r.unit_id
    where r.decision_id = ${id}
    order by r.position limit 5`);
  return rowsOf<{ name: string; award: AwardCode; year: number }>(result).map(
    (row) => `${row.name} (${awardName(row.award)} năm ${row.year})`,
  );
}

/** Competence of the issuing unit for every award of the list; 409 naming the first it lacks. */
async function assertCompetent(
  db: Executor,
  row: DecisionWithUnit,
  registry: Awaited<ReturnType<typeof effectiveRegistry>>,
) {
  const codes = await db
    .selectDistinct({ code: decisionRecipients.awardCode })
    .from(decisionRecipients)
    .where(eq(decisionRecipients.decisionId, row.decision.id));
  if (!codes.length)
    throw new AppError('CONFLICT', 'Quyết định chưa có người, tập thể nào được khen thưởng.');
  for (const { code } of codes) {
    const check = authorityFor(registry, row.decision.decisionDate, row.unit.kind, code as AwardCode);
    if (check.competent === false) throw new AppError('CONFLICT', check.message);
  }
}

/**
 * Issues a draft at its version, in one transaction: takes the next number of the unit's register for
 * the year of the decision date, fixes each recipient's cash (multiple × base salary in force on the
 * date), writes an award record per recipient (they feed every later eligibility check), audits each,
 * and notifies the officers of the recipients' units (a household's: the unit it lives in).
 */
export async function issueDecision(db: Database, caller: Caller, id: string, version: number) {
  const row = await getDecisionRow(db, id);
  await assertCanWrite(db, caller.principal, row.unit.path);
  assertDraft(row);
  const registry = await effectiveRegistry(db);
  await assertCompetent(db, row, registry);
  const date = row.decision.decisionDate;
  return db.transaction(async (tx) => {
    const issued = await tx
      .update(decisions)
      .set({
        status: 'issued',
        issuedAt: new Date(),
        issuedBy: caller.actor.userId,
        ...nextVersion(decisions, caller.actor),
      })
      .where(sql`${atVersion(decisions, id, version)} and ${decisions.status} = 'draft'`)
      .returning();
    await versionedRow(tx, issued, decisions, id, DECISION);
    const taken = await alreadyAwarded(tx, id);
    if (taken.length)
      throw new AppError('CONFLICT', `Đã có khen thưởng trùng trong hồ sơ: ${taken.join('; ')}.`);
    const year = Number(date.slice(0, 4));
    const sequence = await takeNextNumber(tx, row.decision.unitId, year);
    const number = decisionNumber(sequence, row.unit);
    const [after] = await tx
      .update(decisions)
      .set({ number, sequence, registerYear: year })
      .where(eq(decisions.id, id))
      .returning();
    const recipients = await tx
      .select()
      .from(decisionRecipients)
      .where(eq(decisionRecipients.decisionId, id))
      .orderBy(decisionRecipients.position);
    const nomineeIds = recipients.flatMap((recipient) => (recipient.nomineeId ? [recipient.nomineeId] : []));
    await runPreIssueChecks(tx, { decisionId: id, nomineeIds, actor: caller.actor });
    // The nominees of the tờ trình become decided with the issue (409 when one is no longer decidable).
    await markNomineesDecided(tx, nomineeIds, id, caller.actor);
    const created: (typeof awardsReceived.$inferSelect)[] = [];
    for (let start = 0; start < recipients.length; start += 500) {
      const slice = recipients.slice(start, start + 500);
      created.push(
        ...(await tx
          .insert(awardsReceived)
          .values(
            slice.map((recipient) => ({
              personId: recipient.personId,
              unitId: recipient.unitId,
              householdName: recipient.householdName,
              householdUnitId: recipient.householdUnitId,
              awardCode: recipient.awardCode,
              year: recipient.year,
              rewardType: recipient.rewardType,
              decisionNumber: number,
              decisionDate: date,
              decider: row.decision.decider,
              updatedBy: caller.actor.userId,
            })),
          )
          .returning()),
      );
    }
    const recordOf = new Map(
      created.map((record) => [`${subjectKey(record)}|${record.awardCode}`, record.id]),
    );
    const cashByKey = new Map<string, { multiple: number | null; amount: number | null }>();
    const lines = recipients.map((recipient) => {
      const subject = subjectOf(recipient);
      const key = `${recipient.awardCode}|${subject}`;
      if (!cashByKey.has(key))
        cashByKey.set(key, cashFor(registry, date, recipient.awardCode as AwardCode, subject));
      const cash = cashByKey.get(key) as { multiple: number | null; amount: number | null };
      const record = recordOf.get(`${subjectKey(recipient)}|${recipient.awardCode}`);
      return sql`(${recipient.id}::uuid, ${record ?? null}::uuid, ${cash.multiple}::double precision, ${cash.amount}::bigint)`;
    });
    for (let start = 0; start < lines.length; start += 500) {
      await tx.execute(sql`
        update decision_recipients r set award_received_id = v.record, cash_multiple = v.multiple, cash_amount = v.amount
        from (values ${sql.join(lines.slice(start, start + 500), sql`, `)}) as v(id, record, multiple, amount)
        where r.id = v.id`);
    }
    await recordAudits(
      tx,
      caller.actor,
      created.map((record) => ({
        action: 'award_record.create' as const,
        entityType: 'award_received',
        entityId: record.id,
        after: record,
      })),
    );
    await recordAudit(tx, caller.actor, {
      action: 'decision.issue',
      entityType: 'decision',
      entityId: id,
      before: row.decision,
      after: { ...after, recipients: recipients.length },
    });
    await notifyUnitOfficers(tx, recipientUnits(id), {
      kind: 'decision.issued',
      title: `Quyết định khen thưởng số ${number}`,
      body: `${row.unit.name} đã ban hành Quyết định số ${number}: ${row.decision.title}.`,
      link: `/khen-thuong/quyet-dinh/${id}`,
      entityType: 'decision',
      entityId: id,
      dedupeKey: `decision.issued:${id}`,
    });
    if (nomineeIds.length)
      await notifyUnitOfficers(tx, proposingUnits(id), {
        kind: 'decision.issued',
        title: `Tờ trình đã có quyết định khen thưởng số ${number}`,
        body: `${row.unit.name} đã ban hành Quyết định số ${number} (${row.decision.title}) khen thưởng đối tượng do đơn vị đề nghị.`,
        link: `/khen-thuong/quyet-dinh/${id}`,
        entityType: 'decision',
        entityId: id,
        dedupeKey: `decision.issued.proposers:${id}`,
      });
    return { number, version: after?.version ?? version + 1 };
  });
}

/**
 * Revokes an issued decision (Luật Thi đua, khen thưởng Điều 93) at its version, with the reason:
 * removes every award record it wrote (each removal audited) and notifies the recipients' units.
 * Fund payouts already made stay in the ledger; money recovered is recorded as income.
 */
export async function revokeDecision(
  db: Database,
  caller: Caller,
  id: string,
  version: number,
  reason: string,
) {
  const row = await getDecisionRow(db, id);
  await assertCanWrite(db, caller.principal, row.unit.path);
  if (row.decision.status !== 'issued')
    throw new AppError('CONFLICT', 'Chỉ hủy bỏ được quyết định đã ban hành (chưa bị hủy bỏ).');
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(decisions)
      .set({
        status: 'revoked',
        revokedAt: new Date(),
        revokedBy: caller.actor.userId,
        revokeReason: reason,
        publishedAt: null,
        ...nextVersion(decisions, caller.actor),
      })
      .where(sql`${atVersion(decisions, id, version)} and ${decisions.status} = 'issued'`)
      .returning();
    const after = await versionedRow(tx, revoked, decisions, id, DECISION);
    // Revoking leaves the nominees of the tờ trình decided, with their history: the audit says so.
    const nomineesKept = await linkedCount(tx, id);
    const linked = sql`select award_received_id from decision_recipients where decision_id = ${id} and award_received_id is not null`;
    const records = await tx.select().from(awardsReceived).where(sql`${awardsReceived.id} in (${linked})`);
    await tx
      .update(decisionRecipients)
      .set({ awardReceivedId: null })
      .where(eq(decisionRecipients.decisionId, id));
    if (records.length)
      await tx.delete(awardsReceived).where(
        sql`${awardsReceived.id} in (${sql.join(
          records.map((record) => sql`${record.id}::uuid`),
          sql`, `,
        )})`,
      );
    await recordAudits(
      tx,
      caller.actor,
      records.map((record) => ({
        action: 'award_record.delete' as const,
        entityType: 'award_received',
        entityId: record.id,
        before: record,
        reason,
      })),
    );
    await recordAudit(tx, caller.actor, {
      action: 'decision.revoke',
      entityType: 'decision',
      entityId: id,
      before: row.decision,
      after: {
        ...after,
        recordsRemoved: records.length,
        nomineesKept,
        ...(nomineesKept
          ? { nomineesNote: 'Các đối tượng đề nghị giữ trạng thái "đã quyết định" và lịch sử xét duyệt.' }
          : {}),
      },
      reason,
    });
    await notifyUnitOfficers(tx, recipientUnits(id), {
      kind: 'decision.revoked',
      title: `Hủy bỏ Quyết định khen thưởng số ${row.decision.number}`,
      body: `${row.unit.name} đã hủy bỏ Quyết định số ${row.decision.number}. Lý do: ${reason}`,
      link: `/khen-thuong/quyet-dinh/${id}`,
      entityType: 'decision',
      entityId: id,
      dedupeKey: `decision.revoked:${id}`,
    });
    if (nomineesKept)
      await notifyUnitOfficers(tx, proposingUnits(id), {
        kind: 'decision.revoked',
        title: `Hủy bỏ Quyết định khen thưởng số ${row.decision.number}`,
        body: `${row.unit.name} đã hủy bỏ Quyết định số ${row.decision.number}. Lý do: ${reason}. Hồ sơ, lịch sử xét duyệt của tờ trình vẫn được giữ nguyên.`,
        link: `/khen-thuong/quyet-dinh/${id}`,
        entityType: 'decision',
        entityId: id,
        dedupeKey: `decision.revoked.proposers:${id}`,
      });
    return { version: after.version, nomineesKept };
  });
}
