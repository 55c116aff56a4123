import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DecisionListQuery } from '#contracts/decisions.ts';
import { type Scope, scopeCondition } from '#server/modules/organisation/organisation.policy.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import { decisionRecipients, decisions, units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';

export type DecisionRow = typeof decisions.$inferSelect;
export type DecisionUnit = { path: string; name: string; kind: string; shortName: string | null };
export type DecisionWithUnit = { decision: DecisionRow; unit: DecisionUnit };

/** How a decision is named when it is gone or changed by someone else. */
export const DECISION = { subject: 'Quyết định này', notFound: 'Không tìm thấy quyết định khen thưởng.' };

const unitColumns = { path: units.path, name: units.name, kind: units.kind, shortName: units.shortName };

/** A decision with its issuing unit, or 404. */
export async function getDecisionRow(db: Executor, id: string): Promise<DecisionWithUnit> {
  const [row] = await db
    .select({ decision: decisions, unit: unitColumns })
    .from(decisions)
    .innerJoin(units, eq(units.id, decisions.unitId))
    .where(eq(decisions.id, id));
  if (!row) throw new AppError('NOT_FOUND', DECISION.notFound);
  return row;
}

/** Locks a decision row for the rest of the transaction (issue, revoke, payout take turns on it). */
export async function lockDecision(tx: Executor, id: string): Promise<void> {
  await tx.execute(sql`select id from decisions where id = ${id} for update`);
}

/** How many recipients each decision of a page has (one grouped query). */
export async function recipientCounts(db: Executor, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: decisionRecipients.decisionId, count: sql<number>`count(*)::int` })
    .from(decisionRecipients)
    .where(inArray(decisionRecipients.decisionId, ids))
    .groupBy(decisionRecipients.decisionId);
  return new Map(rows.map((row) => [row.id, Number(row.count)]));
}

/** Decisions of the units in scope (or under one unit), newest date first, keyset-paged. */
export async function listDecisionRows(
  db: Executor,
  scope: Scope,
  query: DecisionListQuery,
  unitPath: string | null,
) {
  const where = and(
    scopeCondition(scope),
    unitPath ? sql`${units.path} like ${`${unitPath}%`}` : undefined,
    query.status ? eq(decisions.status, query.status) : undefined,
    query.year
      ? sql`${decisions.decisionDate} between ${`${query.year}-01-01`} and ${`${query.year}-12-31`}`
      : undefined,
  );
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      order: 'desc',
      columns: [decisions.decisionDate, decisions.id],
      kinds: ['string', 'uuid'],
      read: ({ where: key, descending, limit }) =>
        db
          .select({ decision: decisions, unitName: units.name })
          .from(decisions)
          .innerJoin(units, eq(units.id, decisions.unitId))
          .where(and(where, key))
          .orderBy(
            ...(descending
              ? [desc(decisions.decisionDate), desc(decisions.id)]
              : [asc(decisions.decisionDate), asc(decisions.id)]),
          )
          .limit(limit),
      keyOf: (row) => [row.decision.decisionDate, row.decision.id],
    }),
    countCapped(
      db,
      db
        .select({ id: decisions.id })
        .from(decisions)
        .innerJoin(units, eq(units.id, decisions.unitId))
        .where(where),
      query.exactTotal === 'true',
    ),
  ]);
  return { page, total };
}

/** Every recipient of a decision in list order with its name and unit (for documents; bounded by the list's maximum). */
export async function readAllRecipients(db: Executor, id: string) {
  const result = await db.execute(sql`
    select r.id, r.position, r.person_id as "personId", r.unit_id as "unitId",
      r.household_name as "householdName", r.award_code as "awardCode",
      r.reward_type as "rewardType", r.year, r.achievement, r.cash_multiple as "cashMultiple",
      r.cash_amount as "cashAmount", coalesce(p.full_name, u.name, r.household_name) as name,
      p.position as "jobTitle", coalesce(pu.name, parent.name, hu.name) as context
    from decision_recipients r
    left join persons p on p.id = r.person_id
    left join units pu on pu.id = p.unit_id
    left join units u on u.id = r.unit_id
    left join units parent on parent.id = u.parent_id
    left join units hu on hu.id = r.household_unit_id
    where r.decision_id = ${id}
    order by r.position
    limit 10000`);
  return (result as unknown as { rows: RecipientLine[] }).rows.map((row) => ({
    ...row,
    cashAmount: row.cashAmount === null ? null : Number(row.cashAmount),
  }));
}

/** One recipient as the documents print it. */
export interface RecipientLine {
  id: string;
  position: number;
  personId: string | null;
  unitId: string | null;
  householdName: string | null;
  awardCode: string;
  rewardType: string;
  year: number;
  achievement: string | null;
  cashMultiple: number | null;
  cashAmount: number | null;
  name: string;
  jobTitle: string | null;
  context: string | null;
}
