import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type AwardCode, awardCatalogue, awardName, rewardTypeLabels } from '#contracts/awards.ts';
import type { CursorQuery, FieldError } from '#contracts/common.ts';
import {
  DECISION_RECIPIENTS_MAX,
  type RecipientPage,
  type RecipientsAddBody,
  type RecipientView,
} from '#contracts/decisions.ts';
import { isUniqueViolation } from '#server/modules/organisation/sql-rows.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import { decisionRecipients, decisions, fundEntries, persons, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertCanRead, assertCanWrite, type Caller, inScope, writeScope } from '../decisions.policy.ts';
import { authorityFor, cashFor, effectiveRegistry, subjectOf } from './award-terms.ts';
import { DECISION, getDecisionRow } from './decisions.repo.ts';
import { assertDraft } from './decisions.service.ts';

const invalid = (message: string, fields: FieldError[]) => new AppError('VALIDATION_FAILED', message, fields);

/**
 * Adds recipients to a draft at its version, all or none: each person or unit must exist and lie in
 * the caller's scope, the award must suit the subject and reward type, and the issuing unit must be
 * competent for it on the decision date.
 */
export async function addRecipients(db: Database, caller: Caller, id: string, body: RecipientsAddBody) {
  const row = await getDecisionRow(db, id);
  await assertCanWrite(db, caller.principal, row.unit.path);
  assertDraft(row);
  const personIds = [...new Set(body.recipients.flatMap((item) => (item.personId ? [item.personId] : [])))];
  const unitIds = [...new Set(body.recipients.flatMap((item) => (item.unitId ? [item.unitId] : [])))];
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
  const errors: FieldError[] = [];
  body.recipients.forEach((item, index) => {
    const at = `recipients.${index}`;
    const subjectId = (item.personId ?? item.unitId) as string;
    const path = paths.get(subjectId);
    const entry = awardCatalogue[item.awardCode];
    if (!path)
      errors.push({ path: `${at}.${item.personId ? 'personId' : 'unitId'}`, message: 'Không tìm thấy' });
    else if (!inScope(scope, path))
      errors.push({ path: at, message: 'Nằm ngoài phạm vi đơn vị bạn được phân quyền' });
    else if (!entry.subjects.includes(subjectOf({ personId: item.personId ?? null })))
      errors.push({
        path: `${at}.awardCode`,
        message: `${entry.name} không tặng cho ${item.personId ? 'cá nhân' : 'tập thể'}`,
      });
    else if (!entry.rewardTypes.includes(item.rewardType))
      errors.push({
        path: `${at}.rewardType`,
        message: `${entry.name} không tặng theo loại hình ${rewardTypeLabels[item.rewardType].toLowerCase()}`,
      });
    else if (
      authorityFor(registry, row.decision.decisionDate, row.unit.kind, item.awardCode).competent === false
    )
      errors.push({
        path: `${at}.awardCode`,
        message: `Đơn vị ban hành không có thẩm quyền tặng ${entry.name}`,
      });
  });
  if (errors.length) throw invalid('Có người, tập thể không thêm được vào quyết định.', errors.slice(0, 50));
  try {
    return await db.transaction(async (tx) => {
      const bumped = await tx
        .update(decisions)
        .set(nextVersion(decisions, caller.actor))
        .where(sql`${atVersion(decisions, id, body.version)} and ${decisions.status} = 'draft'`)
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
      if (count + body.recipients.length > DECISION_RECIPIENTS_MAX)
        throw invalid(`Một quyết định có tối đa ${DECISION_RECIPIENTS_MAX} người, tập thể.`, [
          { path: 'recipients', message: `Tối đa ${DECISION_RECIPIENTS_MAX}` },
        ]);
      const last = Number(stats?.last ?? 0);
      const values = body.recipients.map((item, index) => ({
        decisionId: id,
        position: last + index + 1,
        personId: item.personId ?? null,
        unitId: item.unitId ?? null,
        awardCode: item.awardCode,
        rewardType: item.rewardType,
        year: item.year,
        achievement: item.achievement ?? null,
        nomineeId: item.nomineeId ?? null,
        updatedBy: caller.actor.userId,
      }));
      const inserted = [];
      for (let start = 0; start < values.length; start += 500) {
        inserted.push(
          ...(await tx
            .insert(decisionRecipients)
            .values(values.slice(start, start + 500))
            .returning()),
        );
      }
      await recordAudit(tx, caller.actor, {
        action: 'decision.recipients_add',
        entityType: 'decision',
        entityId: id,
        after: { added: inserted.length, recipients: inserted.slice(0, 200) },
      });
      return { version: decision.version, added: inserted.length };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(
        'CONFLICT',
        'Có người, tập thể đã có trong danh sách với cùng danh hiệu, hình thức này.',
      );
    throw error;
  }
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
    (select p.name from units p where p.id = ${units.parentId}))`;
  const [page, total, registry] = await Promise.all([
    readKeysetPage({
      query,
      columns: [decisionRecipients.position],
      kinds: ['number'],
      read: ({ where: key, descending, limit }) =>
        db
          .select({
            recipient: decisionRecipients,
            name: sql<string>`coalesce(${persons.fullName}, ${units.name})`,
            context: holder,
            paid: sql<boolean>`exists (select 1 from ${fundEntries} f where f.recipient_id = ${decisionRecipients.id})`,
          })
          .from(decisionRecipients)
          .leftJoin(persons, eq(persons.id, decisionRecipients.personId))
          .leftJoin(units, eq(units.id, decisionRecipients.unitId))
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
    items: page.rows.map(({ recipient, name, context, paid }): RecipientView => {
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
        name,
        context,
        awardCode: award,
        awardName: awardName(award),
        rewardType: recipient.rewardType as RecipientView['rewardType'],
        year: recipient.year,
        achievement: recipient.achievement,
        nomineeId: recipient.nomineeId,
        cashMultiple: cash.multiple,
        cashAmount: cash.amount,
        paid: Boolean(paid),
      };
    }),
    next: page.next,
    prev: page.prev,
    total,
  };
}
