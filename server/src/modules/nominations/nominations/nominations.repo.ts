import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { NominationQuery, NomineeInput } from '#contracts/nominees.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, type KeyKind, readKeysetPage } from '#server/platform/db/keyset.ts';
import { awardRounds, nominations, nominees, persons, units } from '#server/platform/db/schema.ts';

export type NominationRow = typeof nominations.$inferSelect;
export type NomineeRow = typeof nominees.$inferSelect;

const receiving = alias(units, 'receiving_unit');
const columns = {
  nomination: nominations,
  unitName: units.name,
  unitPath: units.path,
  unitSortKey: units.sortKey,
  roundTitle: awardRounds.title,
  receivingUnitId: awardRounds.receivingUnitId,
  receivingName: receiving.name,
  receivingPath: receiving.path,
  nomineeCount: sql<number>`(select count(*)::int from nominees n where n.nomination_id = ${nominations.id})`,
};
/** A tờ trình with its proposing and receiving units (names and paths) and its round's title. */
export type NominationWithNames = {
  nomination: NominationRow;
  unitName: string;
  unitPath: string;
  unitSortKey: string;
  roundTitle: string;
  receivingUnitId: string;
  receivingName: string;
  receivingPath: string;
  nomineeCount: number;
};

const base = (executor: Executor) =>
  executor
    .select(columns)
    .from(nominations)
    .innerJoin(units, eq(units.id, nominations.proposingUnitId))
    .innerJoin(awardRounds, eq(awardRounds.id, nominations.roundId))
    .innerJoin(receiving, eq(receiving.id, awardRounds.receivingUnitId));

/** One tờ trình with its names, or null; `lock` takes the row lock so two moves queue. */
export async function findNomination(executor: Executor, id: string, lock = false) {
  const query = base(executor).where(eq(nominations.id, id));
  const [row] = await (lock ? query.for('update', { of: nominations }) : query);
  return (row as NominationWithNames | undefined) ?? null;
}

const LIST_KEY = [units.sortKey, nominations.id] as const;
const LIST_KINDS: readonly KeyKind[] = ['string', 'uuid'];

/** One keyset page of a round's tờ trình matching the condition, by proposing unit. */
export async function listNominations(
  executor: Executor,
  roundId: string,
  visible: SQL | undefined,
  query: NominationQuery,
) {
  const where = and(eq(nominations.roundId, roundId), visible);
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      columns: LIST_KEY,
      kinds: LIST_KINDS,
      read: ({ where: key, descending, limit }) =>
        base(executor)
          .where(and(where, key))
          .orderBy(...LIST_KEY.map((column) => (descending ? desc(column) : asc(column))))
          .limit(limit) as Promise<NominationWithNames[]>,
      keyOf: (row) => [row.unitSortKey, row.nomination.id],
    }),
    countCapped(
      executor,
      executor
        .select({ id: nominations.id })
        .from(nominations)
        .innerJoin(units, eq(units.id, nominations.proposingUnitId))
        .where(where),
      query.exactTotal === 'true',
    ),
  ]);
  return { ...page, total };
}

/** The nominees of a tờ trình in their order, with the person's or unit's name. */
export function listNominees(executor: Executor, nominationId: string) {
  const nomineeUnit = alias(units, 'nominee_unit');
  return executor
    .select({ nominee: nominees, personName: persons.fullName, unitName: nomineeUnit.name })
    .from(nominees)
    .leftJoin(persons, eq(persons.id, nominees.personId))
    .leftJoin(nomineeUnit, eq(nomineeUnit.id, nominees.unitId))
    .where(eq(nominees.nominationId, nominationId))
    .orderBy(asc(nominees.position), asc(nominees.id));
}

/** Inserts the nominees of a tờ trình in the order given. */
export function insertNominees(executor: Executor, nominationId: string, list: readonly NomineeInput[]) {
  return executor
    .insert(nominees)
    .values(
      list.map((nominee, position) => ({
        nominationId,
        position,
        subject: nominee.subject,
        personId: nominee.subject === 'individual' ? (nominee.personId ?? null) : null,
        unitId: nominee.subject === 'collective' ? (nominee.unitId ?? null) : null,
        householdName: nominee.subject === 'household' ? (nominee.householdName ?? null) : null,
        awardCode: nominee.awardCode,
        rewardType: nominee.rewardType,
        periodFrom: nominee.periodFrom,
        periodTo: nominee.periodTo,
        achievements: nominee.achievements,
        sourceNomineeId: nominee.sourceNomineeId ?? null,
      })),
    )
    .returning();
}

/** The paths of the persons' units and of the units named by nominees (to check the proposer's subtree). */
export async function subjectPaths(executor: Executor, list: readonly NomineeInput[]) {
  const personIds = list.flatMap((n) => (n.subject === 'individual' && n.personId ? [n.personId] : []));
  const unitIds = list.flatMap((n) => (n.subject === 'collective' && n.unitId ? [n.unitId] : []));
  const [people, collectives] = await Promise.all([
    personIds.length
      ? executor
          .select({ id: persons.id, path: units.path })
          .from(persons)
          .innerJoin(units, eq(units.id, persons.unitId))
          .where(inArray(persons.id, personIds))
      : [],
    unitIds.length
      ? executor.select({ id: units.id, path: units.path }).from(units).where(inArray(units.id, unitIds))
      : [],
  ]);
  return new Map([...people, ...collectives].map((row) => [row.id, row.path]));
}
