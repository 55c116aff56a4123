import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { persons, registrations, units } from '../../platform/db/schema.ts';

export type RegistrationRow = typeof registrations.$inferSelect;
export interface RegistrationWithNames {
  registration: RegistrationRow;
  unitName: string;
  unitPath: string;
  unitParentId: string | null;
  personName: string | null;
  personUserId: string | null;
}

const columns = {
  registration: registrations,
  unitName: units.name,
  unitPath: units.path,
  unitParentId: units.parentId,
  personName: persons.fullName,
  personUserId: persons.userId,
};

/** One registration with its unit and person, or null. */
export async function findRegistration(
  executor: Executor,
  id: string,
): Promise<RegistrationWithNames | null> {
  const [row] = await executor
    .select(columns)
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .leftJoin(persons, eq(persons.id, registrations.personId))
    .where(eq(registrations.id, id));
  return row ?? null;
}

/** A page of registrations matching the condition, by unit then person. */
export async function listRegistrations(
  executor: Executor,
  where: SQL | undefined,
  page: number,
  pageSize: number,
) {
  const [rows, [total]] = await Promise.all([
    executor
      .select(columns)
      .from(registrations)
      .innerJoin(units, eq(units.id, registrations.unitId))
      .leftJoin(persons, eq(persons.id, registrations.personId))
      .where(where)
      .orderBy(asc(units.sortKey), asc(registrations.kind), asc(persons.sortKey), asc(registrations.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    executor
      .select({ value: count() })
      .from(registrations)
      .innerJoin(units, eq(units.id, registrations.unitId))
      .leftJoin(persons, eq(persons.id, registrations.personId))
      .where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

/** The person record linked to a user account, with its unit path. */
export async function findPersonOfUser(executor: Executor, userId: string) {
  const [row] = await executor
    .select({ id: persons.id, unitId: persons.unitId, unitPath: units.path })
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(eq(persons.userId, userId));
  return row ?? null;
}

/** Approved registrations a unit consolidates: its people's and its direct subordinate units'. */
export async function findConsolidatable(executor: Executor, movementId: string, unitId: string) {
  const own = await executor
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.movementId, movementId),
        eq(registrations.unitId, unitId),
        eq(registrations.kind, 'person'),
        eq(registrations.status, 'approved'),
      ),
    );
  const below = await executor
    .select({ id: registrations.id, kind: registrations.kind, unitId: registrations.unitId })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .where(
      and(
        eq(registrations.movementId, movementId),
        eq(units.parentId, unitId),
        eq(registrations.status, 'approved'),
      ),
    );
  return [...own, ...below.filter((row) => row.kind !== 'person')].map((row) => row.id);
}
