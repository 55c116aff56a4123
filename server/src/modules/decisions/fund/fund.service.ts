import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type {
  FundEntryBody,
  FundEntryUpdateBody,
  FundEntryView,
  FundLedger,
  FundQuery,
  FundTotals,
  PayoutResult,
} from '#contracts/decision-fund.ts';
import { fundCategoriesOf } from '#contracts/decision-fund.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import { isAdmin } from '#server/platform/auth/policy.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import { decisions, fundEntries, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, staleVersionError, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { getDecisionRow, lockDecision } from '../decisions/decisions.repo.ts';
import { assertCanRead, assertCanWrite, type Caller, inScope, writeScope } from '../decisions.policy.ts';

const ENTRY = { subject: 'Khoản thu, chi này', notFound: 'Không tìm thấy khoản thu, chi.' };
const yearOf = (date: string) => Number(date.slice(0, 4));

async function unitOf(db: Executor, unitId: string) {
  const [unit] = await db
    .select({ path: units.path, name: units.name })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit)
    throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.', [
      { path: 'unitId', message: 'Không có đơn vị này' },
    ]);
  return unit;
}

async function findEntry(db: Executor, id: string) {
  const [row] = await db.select().from(fundEntries).where(eq(fundEntries.id, id));
  if (!row) throw new AppError('NOT_FOUND', ENTRY.notFound);
  return row;
}

/** Sums of a unit's fund: the years before `year` (opening) and `year` itself by kind and category. */
export async function fundTotals(db: Executor, unitId: string, year: number): Promise<FundTotals> {
  const result = await db.execute(sql`
    select
      coalesce(sum(case when year < ${year} then (case when kind = 'income' then amount else -amount end) end), 0) as opening,
      coalesce(sum(amount) filter (where year = ${year} and kind = 'income'), 0) as income,
      coalesce(sum(amount) filter (where year = ${year} and kind = 'payout'), 0) as payouts,
      coalesce(sum(amount) filter (where year = ${year} and category = 'organising'), 0) as organising,
      coalesce(sum(amount) filter (where year = ${year} and kind = 'spending' and category <> 'organising'), 0) as other
    from fund_entries where unit_id = ${unitId} and year <= ${year}`);
  const row = (result as unknown as { rows: Record<string, string | number>[] }).rows[0] ?? {};
  const [opening, income, payouts, organising, otherSpending] = [
    'opening',
    'income',
    'payouts',
    'organising',
    'other',
  ].map((key) => Number(row[key] ?? 0)) as [number, number, number, number, number];
  const funds = opening + income;
  return {
    opening,
    income,
    payouts,
    organising,
    otherSpending,
    balance: funds - payouts - organising - otherSpending,
    organisingShare: funds > 0 ? Math.round((organising / funds) * 10000) / 10000 : null,
  };
}

/** One unit's ledger for a year: totals and the lines, newest first, keyset-paged. */
export async function getLedger(db: Database, caller: Caller, query: FundQuery): Promise<FundLedger> {
  const unit = await unitOf(db, query.unitId);
  await assertCanRead(db, caller.principal, unit.path);
  const where = and(eq(fundEntries.unitId, query.unitId), eq(fundEntries.year, query.year));
  const [page, total, totals, scope] = await Promise.all([
    readKeysetPage({
      query,
      order: 'desc',
      columns: [fundEntries.entryDate, fundEntries.id],
      kinds: ['string', 'uuid'],
      read: ({ where: key, descending, limit }) =>
        db
          .select({ entry: fundEntries, decisionNumber: decisions.number })
          .from(fundEntries)
          .leftJoin(decisions, eq(decisions.id, fundEntries.decisionId))
          .where(and(where, key))
          .orderBy(
            ...(descending
              ? [desc(fundEntries.entryDate), desc(fundEntries.id)]
              : [asc(fundEntries.entryDate), asc(fundEntries.id)]),
          )
          .limit(limit),
      keyOf: (row) => [row.entry.entryDate, row.entry.id],
    }),
    countCapped(
      db,
      db.select({ id: fundEntries.id }).from(fundEntries).where(where),
      query.exactTotal === 'true',
    ),
    fundTotals(db, query.unitId, query.year),
    writeScope(db, caller.principal),
  ]);
  return {
    items: page.rows.map(
      ({ entry, decisionNumber }): FundEntryView => ({
        id: entry.id,
        version: entry.version,
        kind: entry.kind as FundEntryView['kind'],
        category: entry.category as FundEntryView['category'],
        entryDate: entry.entryDate,
        amount: Number(entry.amount),
        description: entry.description,
        decisionId: entry.decisionId,
        decisionNumber,
      }),
    ),
    next: page.next,
    prev: page.prev,
    total,
    unitId: query.unitId,
    unitName: unit.name,
    year: query.year,
    totals,
    canEdit: isAdmin(caller.principal) || inScope(scope, unit.path),
  };
}

/** Adds an income or spending line to a unit's fund (the year is the line's date's). */
export async function createFundEntry(db: Database, caller: Caller, body: FundEntryBody) {
  const unit = await unitOf(db, body.unitId);
  await assertCanWrite(db, caller.principal, unit.path);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fundEntries)
      .values({ ...body, year: yearOf(body.entryDate), updatedBy: caller.actor.userId })
      .returning();
    if (!row) throw new Error('fund entry not created');
    await recordAudit(tx, caller.actor, {
      action: 'fund.entry_create',
      entityType: 'fund_entry',
      entityId: row.id,
      after: row,
    });
    return { id: row.id, version: row.version };
  });
}

/** A hand-entered line (payouts stay as the decision made them). */
async function editableEntry(db: Database, caller: Caller, id: string) {
  const before = await findEntry(db, id);
  await assertCanWrite(db, caller.principal, (await unitOf(db, before.unitId)).path);
  if (before.kind === 'payout')
    throw new AppError('CONFLICT', 'Khoản chi tiền thưởng theo quyết định không sửa, xóa bằng tay được.');
  return before;
}

/** Changes a line at the version loaded (else 409). */
export async function updateFundEntry(db: Database, caller: Caller, id: string, body: FundEntryUpdateBody) {
  const before = await editableEntry(db, caller, id);
  const { version, ...fields } = body;
  if (fields.category && !fundCategoriesOf[before.kind as 'income' | 'spending'].includes(fields.category))
    throw new AppError('VALIDATION_FAILED', 'Loại không hợp với khoản thu, chi này.', [
      { path: 'category', message: 'Loại không hợp với khoản thu, chi này' },
    ]);
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(fundEntries)
      .set({
        ...fields,
        ...(fields.entryDate ? { year: yearOf(fields.entryDate) } : {}),
        ...nextVersion(fundEntries, caller.actor),
      })
      .where(atVersion(fundEntries, id, version))
      .returning();
    const row = await versionedRow(tx, rows, fundEntries, id, ENTRY);
    await recordAudit(tx, caller.actor, {
      action: 'fund.entry_update',
      entityType: 'fund_entry',
      entityId: id,
      before,
      after: row,
    });
    return { id, version: row.version };
  });
}

/** Removes a line at the version loaded. */
export async function deleteFundEntry(db: Database, caller: Caller, id: string, version: number) {
  const before = await editableEntry(db, caller, id);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(fundEntries)
      .where(atVersion(fundEntries, id, version))
      .returning({ id: fundEntries.id });
    if (!removed.length) throw await staleVersionError(tx, fundEntries, id, ENTRY);
    await recordAudit(tx, caller.actor, {
      action: 'fund.entry_delete',
      entityType: 'fund_entry',
      entityId: id,
      before,
    });
  });
}

/**
 * Pays the cash of an issued decision's recipients from the issuing unit's fund: one line per
 * recipient not yet paid (a unique key on the recipient makes a second payout impossible, even at the
 * same moment); 409 when every recipient was already paid.
 */
export async function payDecision(
  db: Database,
  caller: Caller,
  id: string,
  entryDate: string,
): Promise<PayoutResult> {
  const row = await getDecisionRow(db, id);
  await assertCanWrite(db, caller.principal, row.unit.path);
  if (row.decision.status !== 'issued')
    throw new AppError('CONFLICT', 'Chỉ chi tiền thưởng theo quyết định đã ban hành.');
  return db.transaction(async (tx) => {
    await lockDecision(tx, id);
    const description = `Chi tiền thưởng theo Quyết định số ${row.decision.number}`;
    const inserted = await tx.execute(sql`
      insert into fund_entries (unit_id, year, kind, category, entry_date, amount, description, decision_id, recipient_id, updated_by)
      select ${row.decision.unitId}, ${yearOf(entryDate)}, 'payout', 'award', ${entryDate}, r.cash_amount,
        ${description} || ': ' || coalesce(p.full_name, u.name, r.household_name), ${id}, r.id, ${caller.actor.userId}
      from decision_recipients r
      left join persons p on p.id = r.person_id
      left join units u on u.id = r.unit_id
      where r.decision_id = ${id} and r.cash_amount is not null and r.cash_amount > 0
      order by r.position
      on conflict (recipient_id) do nothing
      returning amount`);
    const rows = (inserted as unknown as { rows: { amount: string | number }[] }).rows;
    const missing = await tx.execute(
      sql`select count(*)::int as n from decision_recipients where decision_id = ${id} and cash_amount is null`,
    );
    const withoutAmount = Number((missing as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
    if (!rows.length)
      throw new AppError(
        'CONFLICT',
        'Tiền thưởng của quyết định này đã được chi hết; không chi lần thứ hai.',
      );
    const amount = rows.reduce((sum, line) => sum + Number(line.amount), 0);
    await recordAudit(tx, caller.actor, {
      action: 'fund.payout',
      entityType: 'decision',
      entityId: id,
      after: { paid: rows.length, amount, entryDate, unitId: row.decision.unitId },
    });
    return { paid: rows.length, amount, withoutAmount };
  });
}
