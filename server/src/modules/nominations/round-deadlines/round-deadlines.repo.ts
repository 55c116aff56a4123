import { and, asc, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { CursorQuery } from '#contracts/common.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, type KeyKind, readKeysetPage } from '#server/platform/db/keyset.ts';
import { roundUnitDeadlines, units } from '#server/platform/db/schema.ts';

/**
 * When the first tờ trình still standing (sent, not drafted or returned) of the unit's subtree
 * reached the round, or null.
 */
export const firstSubmission = (roundId: string, unitPath: SQL | typeof units.path) =>
  sql<Date | string | null>`(select min(n.submitted_at) from nominations n
    join units pu on pu.id = n.proposing_unit_id
    where n.round_id = ${roundId} and n.status not in ('draft', 'returned')
      and pu.path like ${unitPath} || '%')`;

export interface RoundUnitRow {
  unitId: string;
  unitName: string;
  sortKey: string;
  ownDeadline: string | null;
  version: number | null;
  submittedAt: Date | string | null;
}

const KEY = [units.sortKey, units.id] as const;
const KINDS: readonly KeyKind[] = ['string', 'uuid'];

/** A lower unit with its own deadline in the round (if any) and its first standing submission. */
const roundUnits = (executor: Executor, roundId: string) =>
  executor
    .select({
      unitId: units.id,
      unitName: units.name,
      sortKey: units.sortKey,
      ownDeadline: roundUnitDeadlines.deadline,
      version: roundUnitDeadlines.version,
      submittedAt: firstSubmission(roundId, units.path),
    })
    .from(units)
    .leftJoin(
      roundUnitDeadlines,
      and(eq(roundUnitDeadlines.roundId, roundId), eq(roundUnitDeadlines.unitId, units.id)),
    );

/** One keyset page of the receiving unit's direct lower units (in force on `today`) in a round. */
export async function listRoundUnits(
  executor: Executor,
  round: { id: string; receivingUnitId: string },
  visible: SQL | undefined,
  today: string,
  query: CursorQuery,
) {
  const where = and(
    eq(units.parentId, round.receivingUnitId),
    or(isNull(units.validTo), sql`${units.validTo} >= ${today}`),
    visible,
  );
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      columns: KEY,
      kinds: KINDS,
      read: ({ where: key, descending, limit }) =>
        roundUnits(executor, round.id)
          .where(and(where, key))
          .orderBy(...KEY.map((column) => (descending ? desc(column) : asc(column))))
          .limit(limit) as Promise<RoundUnitRow[]>,
      keyOf: (row) => [row.sortKey, row.unitId],
    }),
    countCapped(
      executor,
      executor.select({ id: units.id }).from(units).where(where),
      query.exactTotal === 'true',
    ),
  ]);
  return { ...page, total };
}

/** One lower unit's row in a round (for the answer after a change), or null. */
export async function findRoundUnit(executor: Executor, roundId: string, unitId: string) {
  const [row] = await roundUnits(executor, roundId).where(eq(units.id, unitId));
  return (row as RoundUnitRow | undefined) ?? null;
}
