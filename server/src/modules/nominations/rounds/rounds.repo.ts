import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { RoundQuery } from '#contracts/nominations.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, type KeyKind, readKeysetPage } from '#server/platform/db/keyset.ts';
import { awardRounds, movements, units } from '#server/platform/db/schema.ts';

export type RoundRow = typeof awardRounds.$inferSelect;
/** A round with the names the API shows and the receiving unit's path the policy needs. */
export interface RoundWithNames {
  round: RoundRow;
  unitName: string;
  unitPath: string;
  movementName: string | null;
}

const columns = {
  round: awardRounds,
  unitName: units.name,
  unitPath: units.path,
  movementName: movements.name,
};

/** One round with its names, or null. */
export async function findRound(executor: Executor, id: string): Promise<RoundWithNames | null> {
  const [row] = await executor
    .select(columns)
    .from(awardRounds)
    .innerJoin(units, eq(units.id, awardRounds.receivingUnitId))
    .leftJoin(movements, eq(movements.id, awardRounds.movementId))
    .where(eq(awardRounds.id, id));
  return row ?? null;
}

/** The list's key: newest year first (award_rounds_list_idx on -year, title, id). */
const LIST_KEY = [sql`(-${awardRounds.year})`, awardRounds.title, awardRounds.id] as const;
const LIST_KINDS: readonly KeyKind[] = ['number', 'string', 'uuid'];

/** One keyset page of the rounds matching the condition, with the total capped. */
export async function listRounds(executor: Executor, visible: SQL | undefined, query: RoundQuery) {
  const where = and(
    visible,
    query.year ? eq(awardRounds.year, query.year) : undefined,
    query.kind ? eq(awardRounds.kind, query.kind) : undefined,
    query.receivingUnitId ? eq(awardRounds.receivingUnitId, query.receivingUnitId) : undefined,
  );
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      columns: LIST_KEY,
      kinds: LIST_KINDS,
      read: ({ where: key, descending, limit }) =>
        executor
          .select(columns)
          .from(awardRounds)
          .innerJoin(units, eq(units.id, awardRounds.receivingUnitId))
          .leftJoin(movements, eq(movements.id, awardRounds.movementId))
          .where(and(where, key))
          .orderBy(...LIST_KEY.map((column) => (descending ? desc(column) : asc(column))))
          .limit(limit),
      keyOf: (row) => [-row.round.year, row.round.title, row.round.id],
    }),
    countCapped(
      executor,
      executor
        .select({ id: awardRounds.id })
        .from(awardRounds)
        .innerJoin(units, eq(units.id, awardRounds.receivingUnitId))
        .where(where),
      query.exactTotal === 'true',
    ),
  ]);
  return { ...page, total };
}
