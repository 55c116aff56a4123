import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { CursorQuery } from '#contracts/common.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, decodeCursor, type KeyKind, readKeysetPage } from '#server/platform/db/keyset.ts';
import { persons, registrations, units } from '#server/platform/db/schema.ts';

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

/**
 * The registration list's key: by unit (name, then id), kind, then person (alphabetical), and id.
 * The unit part leads so a page walks units_sort_idx and probes each unit's registrations.
 */
const LIST_KEY = [
  units.sortKey,
  units.id,
  registrations.kind,
  sql`coalesce(${persons.sortKey}, '')`,
  registrations.id,
] as const;
const LIST_KINDS: readonly KeyKind[] = ['string', 'uuid', 'string', 'string', 'uuid'];

/**
 * One keyset page of the registrations matching the condition (one movement's), by unit then
 * person, with the total counted up to TOTAL_CAP unless the exact figure is asked for. Besides the
 * whole key, the page is bounded by its unit part alone, which PostgreSQL reads as a range of
 * units_sort_idx (a row comparison across two tables is only a filter).
 */
export async function listRegistrations(
  executor: Executor,
  where: SQL | undefined,
  query: Pick<CursorQuery, 'after' | 'before' | 'limit' | 'exactTotal'>,
) {
  const cursor = query.after
    ? decodeCursor(query.after, LIST_KINDS, 'after')
    : query.before
      ? decodeCursor(query.before, LIST_KINDS, 'before')
      : null;
  const unitBound = (descending: boolean) =>
    cursor
      ? sql`(${units.sortKey}, ${units.id}) ${sql.raw(descending ? '<=' : '>=')} (${cursor[0]}, ${cursor[1]}::uuid)`
      : undefined;
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      columns: LIST_KEY,
      kinds: LIST_KINDS,
      read: async ({ where: key, descending, limit }) =>
        executor
          .select({ ...columns, unitSortKey: units.sortKey, personSortKey: persons.sortKey })
          .from(registrations)
          .innerJoin(units, eq(units.id, registrations.unitId))
          .leftJoin(persons, eq(persons.id, registrations.personId))
          .where(and(where, key, key ? unitBound(descending) : undefined))
          .orderBy(...LIST_KEY.map((column) => (descending ? desc(column) : asc(column))))
          .limit(limit),
      keyOf: (row) => [
        row.unitSortKey,
        row.registration.unitId,
        row.registration.kind,
        row.personSortKey ?? '',
        row.registration.id,
      ],
    }),
    countCapped(
      executor,
      executor
        .select({ id: registrations.id })
        .from(registrations)
        .innerJoin(units, eq(units.id, registrations.unitId))
        .where(where),
      query.exactTotal === 'true',
    ),
  ]);
  return { ...page, rows: page.rows as RegistrationWithNames[], total };
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
