import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { MovementQuery } from '#contracts/movements.ts';
import { upgradeDocument } from '#server/modules/documents/index.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import { movements, planVersions, units } from '#server/platform/db/schema.ts';
import { matchesText } from '#server/platform/db/search.ts';
import { cleanStoredPlan } from './plans/plan-clean.ts';

export type MovementRow = typeof movements.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

const withUnit = {
  movement: movements,
  unitName: units.name,
  unitPath: units.path,
};
export type MovementWithUnit = { movement: MovementRow; unitName: string; unitPath: string };

/** One movement with its launching unit's name and path, or null. */
export async function findMovement(executor: Executor, id: string): Promise<MovementWithUnit | null> {
  const [row] = await executor
    .select(withUnit)
    .from(movements)
    .innerJoin(units, eq(units.id, movements.launchingUnitId))
    .where(eq(movements.id, id));
  return row ?? null;
}

/** Same, locking the movement row for an update in the transaction. */
export async function lockMovement(executor: Executor, id: string): Promise<MovementRow | null> {
  const [row] = await executor.select().from(movements).where(eq(movements.id, id)).for('update');
  return row ?? null;
}

/** The movement list's key: newest period first, then name and id (index movements_list_idx). */
const LIST_KEY = [sql`(-${movements.periodFrom})`, movements.name, movements.id] as const;

/**
 * One keyset page of the movements matching the condition, newest period first, and their total
 * counted up to TOTAL_CAP unless the exact figure is asked for.
 */
export async function listMovements(
  executor: Executor,
  condition: (path: SQL, status: SQL) => SQL | undefined,
  query: Pick<MovementQuery, 'q' | 'status' | 'after' | 'before' | 'limit' | 'exactTotal'>,
) {
  const where = and(
    condition(sql`${units.path}`, sql`${movements.status}`),
    query.q ? matchesText(movements.name, query.q) : undefined,
    query.status ? eq(movements.status, query.status) : undefined,
  );
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      columns: LIST_KEY,
      kinds: ['number', 'string', 'uuid'],
      read: async ({ where: key, descending, limit }) =>
        executor
          .select(withUnit)
          .from(movements)
          .innerJoin(units, eq(units.id, movements.launchingUnitId))
          .where(and(where, key))
          .orderBy(...LIST_KEY.map((column) => (descending ? desc(column) : asc(column))))
          .limit(limit),
      keyOf: (row) => [-row.movement.periodFrom, row.movement.name, row.movement.id],
    }),
    countCapped(
      executor,
      executor
        .select({ id: movements.id })
        .from(movements)
        .innerJoin(units, eq(units.id, movements.launchingUnitId))
        .where(where),
      query.exactTotal === 'true',
    ),
  ]);
  return { ...page, total };
}

/** One unit, or null. */
export async function findUnit(executor: Executor, id: string): Promise<UnitRow | null> {
  const [row] = await executor.select().from(units).where(eq(units.id, id));
  return row ?? null;
}

/**
 * A version of a movement's plan: a document stored by an earlier engine comes up to today's model,
 * and text the contracts now refuse is cleaned.
 */
export async function findPlanVersion(executor: Executor, movementId: string, version: number) {
  const [row] = await executor
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.movementId, movementId), eq(planVersions.version, version)));
  if (!row) return null;
  return {
    ...row,
    content: cleanStoredPlan({ ...row.content, document: upgradeDocument(row.content.document) }),
  };
}

/** Every version of a movement's plan, oldest first, without content. */
export async function listPlanVersions(executor: Executor, movementId: string) {
  return executor
    .select({
      version: planVersions.version,
      createdAt: planVersions.createdAt,
      createdBy: planVersions.createdBy,
      number: sql<string | null>`${planVersions.content}->'document'->>'number'`,
    })
    .from(planVersions)
    .where(eq(planVersions.movementId, movementId))
    .orderBy(asc(planVersions.version));
}

/** Movements whose plan number is one of the numbers (for linking legal bases). */
export async function findByPlanNumbers(executor: Executor, numbers: string[]) {
  if (!numbers.length) return [];
  return executor
    .select({ id: movements.id, name: movements.name, number: movements.planNumber })
    .from(movements)
    .where(inArray(movements.planNumber, numbers));
}
