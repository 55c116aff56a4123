import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type AwardCode, awardCatalogue, awardName, rewardTypeLabels } from '#contracts/awards.ts';
import type { CursorQuery, FieldError } from '#contracts/common.ts';
import {
  DECISION_RECIPIENTS_MAX,
  type RecipientInput,
  type RecipientPage,
  type RecipientsAddBody,
  type RecipientView,
} from '#contracts/decisions.ts';
import { isUniqueViolation } from '#server/modules/organisation/sql-rows.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import {
  decisionRecipients,
  decisions,
  fundEntries,
  nominations,
  nominees,
  persons,
  units,
} from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertCanRead, assertCanWrite, type Caller, inScope, writeScope } from '../decisions.policy.ts';
import { authorityFor, cashFor, effectiveRegistry, subjectOf } from './award-terms.ts';
import { DECISION, type DecisionWithUnit, getDecisionRow } from './decisions.repo.ts';
import { assertDraft } from './decisions.service.ts';

const subjectWords = { individual: 'cá nhân', collective: 'tập thể', household: 'hộ gia đình' } as const;
const invalid = (message: string, fields: FieldError[]) => new AppError('VALIDATION_FAILED', message, fields);

/** A recipient as stored by `appendRecipients` (the nominee link only from a tờ trình). */
export type RecipientValues = Omit<RecipientInput, 'nomineeId'> & { nomineeId?: string | null };

/**
 * Checks recipients for a draft, all or none: each person or unit must exist and lie in the caller's
 * scope, the award must suit the subject and reward type, and the issuing unit must be competent for
 * it on the decision date. Returns the problems by index (empty when all are fine).
 */
export async function recipientProblems(
  db: Database,
  caller: Caller,
  row: DecisionWithUnit,
  recipients: readonly RecipientValues[],
): Promise<{ index: number; field: string; message: string }[]> {
  const personIds = [...new Set(recipients.flatMap((item) => (item.personId ? [item.personId] : [])))];
  const unitIds = [
    ...new Set(recipients.flatMap((item) => [item.unitId ?? item.householdUnitId ?? []].flat())),
  ];
  const [people, unitRows, scope, registry] = await Promise.all([
    personIds.length
      ? db
          .select({ id: persons.id, path: units.path })
          .from(persons)
          .innerJoin(units, eq(units.id, persons.unitId))
          .where(inArray(persons.id, personIds))
      : [],
    unitIds.length
      ? db.select({ id: units.id, path: units.path }).from(units).where(inArray(units.id, unitIds))
      : [],
    writeScope(db, caller.principal),
    effectiveRegistry(db),
  ]);
  const paths = new Map([...people, ...unitRows].map((found) => [found.id, found.path]));
  const problems: { index: number; field: string; message: string }[] = [];
  recipients.forEach((item, index) => {
    const subjectId = (item.personId ?? item.unitId ?? item.householdUnitId) as string;
    const path = paths.get(subjectId);
    const entry = awardCatalogue[item.awardCode];
    const subject = subjectOf(item);
    const problem = (field: string, message: string) => problems.push({ index, field, message });
    if (!path)
      problem(item.personId ? 'personId' : item.unitId ? 'unitId' : 'householdUnitId', 'Không tìm thấy');
    else if (!inScope(scope, path)) problem('', 'Nằm ngoài phạm vi đơn vị bạn được phân quyền');
    else if (!entry.subjects.includes(subject))
      problem('awardCode', `${entry.name} không tặng cho ${subjectWords[subject]}`);
    else if (!entry.rewardTypes.includes(item.rewardType))
      problem(
        'rewardType',
        `${entry.name} không tặng theo loại hình ${rewardTypeLabels[item.rewardType].toLowerCase()}`,
      );
    else if (
      authorityFor(registry, row.decision.decisionDate, row.unit.kind, item.awardCode).competent === false
    )
      problem('awardCode', `Đơn vị ban hành không có thẩm quyền tặng ${entry.name}`);
  });
  return problems;
}

/**
 * Adds recipients to a draft at its version, all or none (see `recipientProblems`). A nominee link
 * is made only by the tờ trình path (from-nominees), never by this route.
 */
export async function addRecipients(db: Database, caller: Caller, id: string, body: RecipientsAddBody) {
  const row = await getDecisionRow(db, id);
  await assertCanWrite(db, caller.principal, row.unit.path);
  assertDraft(row);
  const errors: FieldError[] = body.recipients.flatMap((item, index) =>
    item.nomineeId
      ? [
          {
            path: `recipients.${index}.nomineeId`,
            message: 'Dùng "Lập quyết định từ tờ trình" để thêm đối tượng đề nghị',
          },
        ]
      : [],
  );
  for (const problem of await recipientProblems(db, caller, row, body.recipients))
    errors.push({
      path: `recipients.${problem.index}${problem.field ? `.${problem.field}` : ''}`,
      message: problem.message,
    });
  if (errors.length) throw invalid('Có người, tập thể không thêm được vào quyết định.', errors.slice(0, 50));
  return db.transaction((tx) => appendRecipients(tx, caller, id, body.version, body.recipients));
}

/**
 * Appends checked recipients to a draft inside the caller's transaction: bumps the decision's version
 * (409 when stale or no longer a draft), numbers them after the last, audits them as one event.
 * A person or unit already listed for the same award, or a nominee already on a decision, is a 409.
 */
export async function appendRecipients(
  tx: Executor,
  caller: Caller,
  id: string,
  version: number,
  recipients: readonly RecipientValues[],
  audit: { source?: string } = {},
) {
  const bumped = await tx
    .update(decisions)
    .set(nextVersion(decisions, caller.actor))
    .where(sql`${atVersion(decisions, id, version)} and ${decisions.status} = 'draft'`)
    .returning({ id: decisions.id, version: decisions.version });
  const decision = await versionedRow(tx, bumped, decisions, id, DECISION);
  const [stats] = await tx
    .select({
      count: sql<number>`count(*)::int`,
      last: sql<number>`coalesce(max(${decisionRecipients.position}), 0)::int`,
    })
    .from(decisionRecipients)
    .where(eq(decisionRecipients.decisionId, id));
  const count = Number(stats?.count ?? 0);
  if (count + recipients.length > DECISION_RECIPIENTS_MAX)
    throw invalid(`Một quyết định có tối đa ${DECISION_RECIPIENTS_MAX} người, tập thể.`, [
      { path: 'recipients', message: `Tối đa ${DECISION_RECIPIENTS_MAX}` },
    ]);
  const last = Number(stats?.last ?? 0);
  const values = recipients.map((item, index) => ({
    decisionId: id,
    position: last + index + 1,
    personId: item.personId ?? null,
    unitId: item.unitId ?? null,
    householdName: item.householdName ?? null,
    householdUnitId: item.householdUnitId ?? null,
    awardCode: item.awardCode,
    rewardType: item.rewardType,
    year: item.year,
    achievement: item.achievement ?? null,
    nomineeId: item.nomineeId ?? null,
    updatedBy: caller.actor.userId,
  }));
  const inserted = [];
  try {
    for (let start = 0; start < values.length; start += 500) {
      // A savepoint, so a duplicate is answered as a 409 and the transaction stays usable.
      inserted.push(
        ...(await tx.transaction((inner) =>
          inner
            .insert(decisionRecipients)
            .values(values.slice(start, start + 500))
            .returning(),
        )),
      );
    }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError(
      'CONFLICT',
      values.some((value) => value.nomineeId)
        ? 'Có đối tượng đề nghị đã nằm trong một quyết định khác, hoặc người, tập thể đã có trong danh sách với cùng hình thức.'
        : 'Có người, tập thể, hộ gia đình đã có trong danh sách với cùng danh hiệu, hình thức này.',
    );
  }
  await recordAudit(tx, caller.actor, {
    action: 'decision.recipients_add',
    entityType: 'decision',
    entityId: id,
    after: { added: inserted.length, ...audit, recipients: inserted.slice(0, 200) },
  });
  return { version: decision.version, added: inserted.length, inserted };
}

/** Removes one recipient from a draft at the decision's version. */
export async function removeRecipient(
  db: Database,
  caller: Caller,
  id: string,
  recipientId: string,
  version: number,
) {
  const row = await getDecisionRow(db, id);
  await assertCanWrite(db, caller.principal, row.unit.path);
  assertDraft(row);
  const [before] = await db
    .select()
    .from(decisionRecipients)
    .where(and(eq(decisionRecipients.id, recipientId), eq(decisionRecipients.decisionId, id)));
  if (!before) throw new AppError('NOT_FOUND', 'Không có người, tập thể này trong quyết định.');
  return db.transaction(async (tx) => {
    const bumped = await tx
      .update(decisions)
      .set(nextVersion(decisions, caller.actor))
      .where(sql`${atVersion(decisions, id, version)} and ${decisions.status} = 'draft'`)
      .returning({ version: decisions.version });
    const decision = await versionedRow(tx, bumped, decisions, id, DECISION);
    await tx.delete(decisionRecipients).where(eq(decisionRecipients.id, recipientId));
    await recordAudit(tx, caller.actor, {
      action: 'decision.recipient_remove',
      entityType: 'decision_recipient',
      entityId: recipientId,
      before,
    });
    return { version: decision.version };
  });
}

/** The recipients of a decision in list order, keyset-paged, with names and cash. */
export async function listRecipients(
  db: Database,
  caller: Caller,
  id: string,
  query: CursorQuery,
): Promise<RecipientPage> {
  const row = await getDecisionRow(db, id);
  await assertCanRead(db, caller.principal, row.unit.path);
  const where = eq(decisionRecipients.decisionId, id);
  const holder = sql<string | null>`coalesce(
    (select u.name from units u where u.id = ${persons.unitId}),
    (select p.name from units p where p.id = ${units.parentId}),
    (select h.name from units h where h.id = ${decisionRecipients.householdUnitId}))`;
  const [page, total, registry] = await Promise.all([
    readKeysetPage({
      query,
      columns: [decisionRecipients.position],
      kinds: ['number'],
      read: ({ where: key, descending, limit }) =>
        db
          .select({
            recipient: decisionRecipients,
            name: sql<string>`coalesce(${persons.fullName}, ${units.name}, ${decisionRecipients.householdName})`,
            context: holder,
            paid: sql<boolean>`exists (select 1 from ${fundEntries} f where f.recipient_id = ${decisionRecipients.id})`,
            nominationId: nominations.id,
            nominationTitle: nominations.title,
          })
          .from(decisionRecipients)
          .leftJoin(persons, eq(persons.id, decisionRecipients.personId))
          .leftJoin(units, eq(units.id, decisionRecipients.unitId))
          .leftJoin(nominees, eq(nominees.id, decisionRecipients.nomineeId))
          .leftJoin(nominations, eq(nominations.id, nominees.nominationId))
          .where(and(where, key))
          .orderBy(descending ? desc(decisionRecipients.position) : asc(decisionRecipients.position))
          .limit(limit),
      keyOf: (found) => [found.recipient.position],
    }),
    countCapped(db, db.select({ id: decisionRecipients.id }).from(decisionRecipients).where(where), true),
    effectiveRegistry(db),
  ]);
  const draft = row.decision.status === 'draft';
  return {
    items: page.rows.map(
      ({ recipient, name, context, paid, nominationId, nominationTitle }): RecipientView => {
        const award = recipient.awardCode as AwardCode;
        const cash = draft
          ? cashFor(registry, row.decision.decisionDate, award, subjectOf(recipient))
          : { multiple: recipient.cashMultiple, amount: recipient.cashAmount };
        return {
          id: recipient.id,
          version: recipient.version,
          position: recipient.position,
          personId: recipient.personId,
          unitId: recipient.unitId,
          householdName: recipient.householdName,
          householdUnitId: recipient.householdUnitId,
          name,
          context,
          awardCode: award,
          awardName: awardName(award),
          rewardType: recipient.rewardType as RecipientView['rewardType'],
          year: recipient.year,
          achievement: recipient.achievement,
          nomineeId: recipient.nomineeId,
          nomination: nominationId ? { id: nominationId, title: nominationTitle ?? '' } : null,
          cashMultiple: cash.multiple,
          cashAmount: cash.amount,
          paid: Boolean(paid),
        };
      },
    ),
    next: page.next,
    prev: page.prev,
    total,
  };
}
