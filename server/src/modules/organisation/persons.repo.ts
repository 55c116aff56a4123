import { and, asc, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { employments, persons, units } from '../../platform/db/schema.ts';

export type PersonRow = typeof persons.$inferSelect;

const listColumns = { person: persons, unitName: units.name, unitPath: units.path };

/** A page of people matching the condition (which may use `units.path`), in Vietnamese order. */
export async function listPersons(
  executor: Executor,
  where: SQL | undefined,
  page: number,
  pageSize: number,
) {
  const [rows, [total]] = await Promise.all([
    executor
      .select(listColumns)
      .from(persons)
      .innerJoin(units, eq(units.id, persons.unitId))
      .where(where)
      .orderBy(asc(persons.sortKey), asc(persons.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    executor
      .select({ value: count() })
      .from(persons)
      .innerJoin(units, eq(units.id, persons.unitId))
      .where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

/** Every person matching the condition, in order, chunk by chunk (keyset paging for large exports). */
export async function* streamPersons(executor: Executor, where: SQL | undefined, chunk = 5000) {
  for (let offset = 0; ; offset += chunk) {
    const rows = await executor
      .select({ ...listColumns, unitCode: units.code })
      .from(persons)
      .innerJoin(units, eq(units.id, persons.unitId))
      .where(where)
      .orderBy(asc(persons.sortKey), asc(persons.id))
      .limit(chunk)
      .offset(offset);
    yield rows;
    if (rows.length < chunk) return;
  }
}

/** One person with the name and path of their unit, or null. */
export async function findPerson(executor: Executor, id: string) {
  const [row] = await executor
    .select(listColumns)
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(eq(persons.id, id));
  return row ?? null;
}

/** A person's employment history, latest first. */
export async function listEmployments(executor: Executor, personId: string) {
  return executor
    .select({
      id: employments.id,
      unitId: employments.unitId,
      unitName: units.name,
      position: employments.position,
      startedOn: employments.startedOn,
      endedOn: employments.endedOn,
    })
    .from(employments)
    .innerJoin(units, eq(units.id, employments.unitId))
    .where(eq(employments.personId, personId))
    .orderBy(desc(employments.createdAt));
}

/** Closes the person's open employment (if any) on the given date. */
export async function closeOpenEmployment(executor: Executor, personId: string, endedOn: string) {
  await executor
    .update(employments)
    .set({ endedOn, updatedAt: new Date() })
    .where(and(eq(employments.personId, personId), isNull(employments.endedOn)));
}
