import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CursorQuery } from '#contracts/common.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, type KeyKind, readKeysetPage } from '#server/platform/db/keyset.ts';
import { awardRounds, nominations, nominees, persons, units } from '#server/platform/db/schema.ts';
import { CONSOLIDABLE } from '../workflow/nomination-workflow.ts';

const proposing = alias(units, 'proposing_unit');
const nomineeUnit = alias(units, 'nominee_unit');

/** The lower levels' nominees with their tờ trình, proposing unit and the round's receiving unit. */
const candidateColumns = {
  nominee: nominees,
  nominationTitle: nominations.title,
  proposingUnitId: nominations.proposingUnitId,
  proposingName: proposing.name,
  proposingSortKey: proposing.sortKey,
  receivingUnitId: awardRounds.receivingUnitId,
  personName: persons.fullName,
  unitName: nomineeUnit.name,
  copyId: sql<string | null>`(select c.id from nominees c where c.source_nominee_id = ${nominees.id})`,
};
export type CandidateRow = {
  nominee: typeof nominees.$inferSelect;
  nominationTitle: string;
  proposingUnitId: string;
  proposingName: string;
  proposingSortKey: string;
  receivingUnitId: string;
  personName: string | null;
  unitName: string | null;
  copyId: string | null;
};

const candidates = (executor: Executor) =>
  executor
    .select(candidateColumns)
    .from(nominees)
    .innerJoin(nominations, eq(nominations.id, nominees.nominationId))
    .innerJoin(awardRounds, eq(awardRounds.id, nominations.roundId))
    .innerJoin(proposing, eq(proposing.id, nominations.proposingUnitId))
    .leftJoin(persons, eq(persons.id, nominees.personId))
    .leftJoin(nomineeUnit, eq(nomineeUnit.id, nominees.unitId));

/** The named nominees as consolidation sources (missing ids are simply absent). */
export async function findSources(executor: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return (await candidates(executor).where(inArray(nominees.id, [...ids]))) as CandidateRow[];
}

const KEY = [proposing.sortKey, nominations.id, nominees.position, nominees.id] as const;
const KINDS: readonly KeyKind[] = ['string', 'uuid', 'number', 'uuid'];

/**
 * One keyset page of the nominees a unit received from its lower levels and may still consolidate:
 * received or appraised, for one of the award codes, not from its own tờ trình.
 */
export async function listCandidates(
  executor: Executor,
  unitId: string,
  awardCodes: readonly string[],
  query: CursorQuery,
) {
  if (!awardCodes.length) return { rows: [], next: null, prev: null, total: { value: 0, exact: true } };
  const where = and(
    eq(awardRounds.receivingUnitId, unitId),
    ne(nominations.proposingUnitId, unitId),
    inArray(nominees.status, [...CONSOLIDABLE]),
    inArray(nominees.awardCode, [...awardCodes]),
  );
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      columns: KEY,
      kinds: KINDS,
      read: ({ where: key, descending, limit }) =>
        candidates(executor)
          .where(and(where, key))
          .orderBy(...KEY.map((column) => (descending ? desc(column) : asc(column))))
          .limit(limit) as Promise<CandidateRow[]>,
      keyOf: (row) => [row.proposingSortKey, row.nominee.nominationId, row.nominee.position, row.nominee.id],
    }),
    countCapped(
      executor,
      executor
        .select({ id: nominees.id })
        .from(nominees)
        .innerJoin(nominations, eq(nominations.id, nominees.nominationId))
        .innerJoin(awardRounds, eq(awardRounds.id, nominations.roundId))
        .where(where),
      query.exactTotal === 'true',
    ),
  ]);
  return { ...page, total };
}

/**
 * The consolidation links of a tờ trình's nominees: where each copy came from (source tờ trình and
 * its proposing unit) and where each source went (upper tờ trình, consolidating unit, copy's state).
 */
export async function nomineeLinks(executor: Executor, nominationId: string) {
  const other = alias(nominees, 'other_nominee');
  const otherNomination = alias(nominations, 'other_nomination');
  const otherUnit = alias(units, 'other_unit');
  const linked = (on: 'source' | 'copy') =>
    executor
      .select({
        nomineeId: nominees.id,
        otherId: other.id,
        otherNominationId: other.nominationId,
        otherStatus: other.status,
        unitId: otherUnit.id,
        unitName: otherUnit.name,
      })
      .from(nominees)
      .innerJoin(
        other,
        on === 'source' ? eq(other.id, nominees.sourceNomineeId) : eq(other.sourceNomineeId, nominees.id),
      )
      .innerJoin(otherNomination, eq(otherNomination.id, other.nominationId))
      .innerJoin(otherUnit, eq(otherUnit.id, otherNomination.proposingUnitId))
      .where(eq(nominees.nominationId, nominationId));
  const [sources, copies] = await Promise.all([linked('source'), linked('copy')]);
  const link = (row: (typeof sources)[number]) => ({
    nomineeId: row.otherId,
    nominationId: row.otherNominationId,
    unit: { id: row.unitId, name: row.unitName },
  });
  return {
    sources: new Map(sources.map((row) => [row.nomineeId, link(row)])),
    copies: new Map(copies.map((row) => [row.nomineeId, { ...link(row), status: row.otherStatus }])),
  };
}

/** True when a nominee of the tờ trình has been consolidated into an upper level's tờ trình. */
export async function hasForwardedNominees(executor: Executor, nominationId: string) {
  const [row] = await executor
    .select({ id: nominees.id })
    .from(nominees)
    .where(and(eq(nominees.nominationId, nominationId), eq(nominees.status, 'forwarded')))
    .limit(1);
  return Boolean(row);
}
