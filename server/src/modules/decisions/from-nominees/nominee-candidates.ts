import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type AwardCode, AwardCode as AwardCodes, awardName } from '#contracts/awards.ts';
import type { NomineeCandidatePage, NomineeCandidateQuery } from '#contracts/decision-nominees.ts';
import type { NominationStatus } from '#contracts/nominees.ts';
import { DECIDABLE } from '#server/modules/nominations/workflow/nomination-workflow.ts';
import { vietnamToday } from '#server/modules/nominations/working-days/vietnam-date.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import { awardRounds, nominations, nominees, persons, units } from '#server/platform/db/schema.ts';
import { matchesText } from '#server/platform/db/search.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { authorityFor, effectiveRegistry } from '../decisions/award-terms.ts';
import { assertCanWrite, type Caller } from '../decisions.policy.ts';

/** The award codes a unit of this kind may decide on the date (from the rule set in force). */
export async function competentAwards(db: Executor, unitKind: string, date: string): Promise<AwardCode[]> {
  const registry = await effectiveRegistry(db);
  return AwardCodes.options.filter((code) => authorityFor(registry, date, unitKind, code).competent === true);
}

const subjectUnit = alias(units, 'subject_unit');
const proposer = alias(units, 'proposer');
const name = sql<string>`coalesce(${persons.fullName}, ${subjectUnit.name}, ${nominees.householdName})`;

/**
 * Nominees a deciding unit may put on a decision: from the rounds it receives, in a decidable state,
 * a person, a collective or a household, not on any decision, for one of
 * the awards given. `extra` narrows further (ids, a tờ trình, a name search).
 */
export function decidableCondition(unitId: string, awards: readonly AwardCode[], extra?: SQL): SQL {
  return and(
    eq(awardRounds.receivingUnitId, unitId),
    inArray(nominees.status, [...DECIDABLE] as NominationStatus[]),
    awards.length ? inArray(nominees.awardCode, [...awards]) : sql`false`,
    sql`not exists (select 1 from decision_recipients d where d.nominee_id = ${nominees.id})`,
    extra,
  ) as SQL;
}

/** The nominees of the condition with their names, tờ trình and proposing unit. */
export function candidateRows(db: Executor) {
  return db
    .select({
      nominee: nominees,
      name,
      context: sql<string | null>`coalesce(
        (select u.name from units u where u.id = ${persons.unitId}),
        (select p.name from units p where p.id = ${subjectUnit.parentId}),
        case when ${nominees.subject} = 'household' then ${proposer.name} end)`,
      nominationTitle: nominations.title,
      proposingUnitName: proposer.name,
    })
    .from(nominees)
    .innerJoin(nominations, eq(nominations.id, nominees.nominationId))
    .innerJoin(awardRounds, eq(awardRounds.id, nominations.roundId))
    .innerJoin(proposer, eq(proposer.id, nominations.proposingUnitId))
    .leftJoin(persons, eq(persons.id, nominees.personId))
    .leftJoin(subjectUnit, eq(subjectUnit.id, nominees.unitId));
}

const KEY = [nominees.nominationId, nominees.position, nominees.id] as const;

/** One keyset page of the picker: nominees the officer of the deciding unit may decide. */
export async function listNomineeCandidates(
  db: Executor,
  caller: Caller,
  query: NomineeCandidateQuery,
): Promise<NomineeCandidatePage> {
  const [unit] = await db
    .select({ path: units.path, kind: units.kind })
    .from(units)
    .where(eq(units.id, query.unitId));
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị quyết định.');
  await assertCanWrite(db, caller.principal, unit.path);
  const awards = await competentAwards(db, unit.kind, query.decisionDate ?? vietnamToday());
  const where = decidableCondition(
    query.unitId,
    awards,
    and(
      query.nominationId ? eq(nominees.nominationId, query.nominationId) : undefined,
      query.q?.trim() ? matchesText(name, query.q) : undefined,
    ),
  );
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      columns: KEY,
      kinds: ['uuid', 'number', 'uuid'],
      read: ({ where: key, descending, limit }) =>
        candidateRows(db)
          .where(and(where, key))
          .orderBy(...KEY.map((column) => (descending ? desc(column) : asc(column))))
          .limit(limit),
      keyOf: (row) => [row.nominee.nominationId, row.nominee.position, row.nominee.id],
    }),
    countCapped(
      db,
      db
        .select({ id: nominees.id })
        .from(nominees)
        .innerJoin(nominations, eq(nominations.id, nominees.nominationId))
        .innerJoin(awardRounds, eq(awardRounds.id, nominations.roundId))
        .leftJoin(persons, eq(persons.id, nominees.personId))
        .leftJoin(subjectUnit, eq(subjectUnit.id, nominees.unitId))
        .where(where),
      query.exactTotal === 'true',
    ),
  ]);
  return {
    items: page.rows.map((row) => ({
      id: row.nominee.id,
      subject: row.nominee.subject as 'individual' | 'collective',
      personId: row.nominee.personId,
      unitId: row.nominee.unitId,
      name: row.name,
      context: row.context,
      awardCode: row.nominee.awardCode as AwardCode,
      awardName: awardName(row.nominee.awardCode as AwardCode),
      rewardType: row.nominee.rewardType as NomineeCandidatePage['items'][number]['rewardType'],
      periodTo: row.nominee.periodTo,
      status: row.nominee.status as NominationStatus,
      nominationId: row.nominee.nominationId,
      nominationTitle: row.nominationTitle,
      proposingUnitName: row.proposingUnitName,
    })),
    next: page.next,
    prev: page.prev,
    total,
  };
}
