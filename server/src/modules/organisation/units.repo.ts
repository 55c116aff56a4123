import { and, asc, count, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.ts';
import { unitSuccessions, units } from '../../platform/db/schema.ts';
import { matchesText } from '../../platform/db/search.ts';
import { selectRows } from './sql-rows.ts';

export type UnitRow = typeof units.$inferSelect;
const parent = alias(units, 'parent');

/** Condition "the unit is still valid today". */
export const isActiveUnit = (table: typeof units = units) =>
  or(isNull(table.validTo), sql`${table.validTo} >= current_date`) as SQL;

/** Condition for a diacritic-insensitive search on name, short name or code. */
export const unitMatches = (q: string) =>
  or(matchesText(units.name, q), matchesText(units.shortName, q), matchesText(units.code, q)) as SQL;

const listColumns = {
  unit: units,
  parentName: parent.name,
  childCount: sql<number>`(select count(*)::int from units c where c.parent_id = ${units.id}
    and (c.valid_to is null or c.valid_to >= current_date))`,
};

/** A page of units matching the condition, in Vietnamese alphabetical order, with the total. */
export async function listUnits(executor: Executor, where: SQL | undefined, page: number, pageSize: number) {
  const [rows, [total]] = await Promise.all([
    executor
      .select(listColumns)
      .from(units)
      .leftJoin(parent, eq(parent.id, units.parentId))
      .where(where)
      .orderBy(asc(units.sortKey), asc(units.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    executor.select({ value: count() }).from(units).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

/** Every unit matching the condition, in order, in chunks (for exports without loading everything). */
export async function* streamUnits(executor: Executor, where: SQL | undefined, chunk = 5000) {
  for (let offset = 0; ; offset += chunk) {
    const rows = await executor
      .select({ unit: units, parentCode: parent.code })
      .from(units)
      .leftJoin(parent, eq(parent.id, units.parentId))
      .where(where)
      .orderBy(asc(units.path))
      .limit(chunk)
      .offset(offset);
    yield rows;
    if (rows.length < chunk) return;
  }
}

/** One unit with its parent's name and child count, or null. */
export async function findUnitItem(executor: Executor, id: string) {
  const [row] = await executor
    .select(listColumns)
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(eq(units.id, id));
  return row ?? null;
}

/** One unit row, or null. */
export async function findUnitRow(executor: Executor, id: string): Promise<UnitRow | null> {
  const [row] = await executor.select().from(units).where(eq(units.id, id));
  return row ?? null;
}

/** Units by id (for checking lists of ids at once). */
export async function findUnitRows(executor: Executor, ids: string[]): Promise<UnitRow[]> {
  if (!ids.length) return [];
  return executor.select().from(units).where(inArray(units.id, ids));
}

/** Ids and names of the units on a path, root first. */
export async function findAncestors(executor: Executor, path: string) {
  const ids = path.split('/').filter(Boolean).slice(0, -1);
  if (!ids.length) return [];
  const rows = await executor
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, ids));
  return ids.flatMap((id) => rows.filter((row) => row.id === id));
}

/** Paths of every unit the given units succeeded, directly or through a chain of successions. */
export async function predecessorPaths(executor: Executor, unitIds: string[]): Promise<string[]> {
  if (!unitIds.length) return [];
  const ids = sql.join(
    unitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await selectRows<{ path: string }>(
    executor,
    sql`with recursive predecessors(id) as (
      select predecessor_id from unit_successions where successor_id in (${ids})
      union
      select s.predecessor_id from unit_successions s join predecessors p on s.successor_id = p.id
    )
    select path from units where id in (select id from predecessors)`,
  );
  return rows.map((row) => row.path);
}

/** The units this unit succeeded and the units that succeeded it. */
export async function findSuccessionLinks(executor: Executor, id: string) {
  const link = {
    id: units.id,
    name: units.name,
    code: units.code,
    kind: unitSuccessions.kind,
    effectiveDate: unitSuccessions.effectiveDate,
  };
  const [predecessors, successors] = await Promise.all([
    executor
      .select(link)
      .from(unitSuccessions)
      .innerJoin(units, eq(units.id, unitSuccessions.predecessorId))
      .where(eq(unitSuccessions.successorId, id))
      .orderBy(asc(units.sortKey)),
    executor
      .select(link)
      .from(unitSuccessions)
      .innerJoin(units, eq(units.id, unitSuccessions.successorId))
      .where(eq(unitSuccessions.predecessorId, id))
      .orderBy(asc(units.sortKey)),
  ]);
  return { predecessors, successors };
}

/** Rewrites the paths of a whole subtree after a move, in one statement. */
export async function rewriteSubtreePaths(executor: Executor, oldPrefix: string, newPrefix: string) {
  await executor
    .update(units)
    .set({
      path: sql`${newPrefix} || substr(${units.path}, ${oldPrefix.length + 1})`,
      updatedAt: new Date(),
    })
    .where(and(sql`${units.path} like ${`${oldPrefix}%`}`));
}
