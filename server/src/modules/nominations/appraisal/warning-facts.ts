import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Rating } from '#contracts/awards.ts';
import type { AppraisalWarning } from '#contracts/nomination-appraisal.ts';
import type { NominationStatus } from '#contracts/nominees.ts';
import type { Executor } from '#server/platform/db/client.ts';
import {
  awardsReceived,
  initiatives,
  nominations,
  nominees,
  personDisciplines,
  personRatings,
  persons,
  units,
} from '#server/platform/db/schema.ts';
import {
  type AppraisedNominee,
  type CapCount,
  type CapSubject,
  capCountsFor,
  capKey,
  doubleRewardWarnings,
  initiativeWarnings,
  pendingDisciplineWarnings,
  type ShareCount,
  shareCapWarnings,
} from './warning-rules.ts';

/** Nominees of tờ trình sent and not yet closed (a draft is not a proposal yet). */
export const OPEN_STATUSES: NominationStatus[] = [
  'submitted',
  'received',
  'returned',
  'appraised',
  'in_council',
  'posted',
];

type Row = typeof nominees.$inferSelect;

const subjectOf = (row: Row) => row.personId ?? row.unitId;
const appraised = (row: Row): AppraisedNominee => ({ ...row, subjectId: subjectOf(row) });

/** Counts one cap for a unit and year: received or openly proposed titles, or ratings. */
async function countCap(db: Executor, { cap, unitId, year }: CapCount): Promise<ShareCount> {
  const count = async (side: CapCount['cap']['numerator']) => {
    if ('ratings' in side) {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(personRatings)
        .innerJoin(persons, eq(persons.id, personRatings.personId))
        .where(
          and(
            eq(persons.unitId, unitId),
            eq(personRatings.year, year),
            inArray(personRatings.rating, side.ratings),
          ),
        );
      return Number(row?.count ?? 0);
    }
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(persons)
      .where(
        and(
          eq(persons.unitId, unitId),
          or(
            sql`exists (select 1 from ${awardsReceived} a where a.person_id = ${persons.id}
              and a.year = ${year} and a.award_code in ${side.awards})`,
            sql`exists (select 1 from ${nominees} n where n.person_id = ${persons.id}
              and n.period_to = ${year} and n.award_code in ${side.awards} and n.status in ${OPEN_STATUSES})`,
          ),
        ),
      );
    return Number(row?.count ?? 0);
  };
  const [numerator, denominator] = await Promise.all([count(cap.numerator), count(cap.denominator)]);
  return { numerator, denominator };
}

/**
 * The warnings of every nominee of a list (one tờ trình): double rewards, used initiatives, share
 * caps and pending discipline, read with one query per kind of record for the whole list.
 */
export async function appraisalWarnings(
  db: Executor,
  rows: readonly Row[],
): Promise<Map<string, AppraisalWarning[]>> {
  const result = new Map<string, AppraisalWarning[]>();
  if (!rows.length) return result;
  const personIds = [...new Set(rows.flatMap((row) => (row.personId ? [row.personId] : [])))];
  const unitIds = [...new Set(rows.flatMap((row) => (row.unitId ? [row.unitId] : [])))];
  const subjectIds = [...personIds, ...unitIds];
  const from = Math.min(...rows.map((row) => row.periodFrom));
  const to = Math.max(...rows.map((row) => row.periodTo));
  const noPeople = Promise.resolve([]);
  const [received, proposals, found, pending, people, ratings] = await Promise.all([
    db
      .select({
        personId: awardsReceived.personId,
        unitId: awardsReceived.unitId,
        awardCode: awardsReceived.awardCode,
        year: awardsReceived.year,
        rewardType: awardsReceived.rewardType,
        decisionNumber: awardsReceived.decisionNumber,
      })
      .from(awardsReceived)
      .where(
        and(
          or(
            personIds.length ? inArray(awardsReceived.personId, personIds) : undefined,
            unitIds.length ? inArray(awardsReceived.unitId, unitIds) : undefined,
          ),
          sql`${awardsReceived.year} between ${from} and ${to}`,
        ),
      ),
    db
      .select({ nominee: nominees, nominationTitle: nominations.title, proposingUnitName: units.name })
      .from(nominees)
      .innerJoin(nominations, eq(nominations.id, nominees.nominationId))
      .innerJoin(units, eq(units.id, nominations.proposingUnitId))
      .where(
        and(
          or(
            personIds.length ? inArray(nominees.personId, personIds) : undefined,
            unitIds.length ? inArray(nominees.unitId, unitIds) : undefined,
          ),
          inArray(nominees.status, OPEN_STATUSES),
        ),
      ),
    personIds.length
      ? db
          .select()
          .from(initiatives)
          .where(and(inArray(initiatives.personId, personIds), sql`${initiatives.year} <= ${to}`))
      : noPeople,
    personIds.length
      ? db
          .select({ personId: personDisciplines.personId })
          .from(personDisciplines)
          .where(and(inArray(personDisciplines.personId, personIds), eq(personDisciplines.pending, true)))
      : noPeople,
    personIds.length
      ? db
          .select({ id: persons.id, unitId: persons.unitId, unitName: units.name })
          .from(persons)
          .innerJoin(units, eq(units.id, persons.unitId))
          .where(inArray(persons.id, personIds))
      : noPeople,
    personIds.length
      ? db
          .select()
          .from(personRatings)
          .where(
            and(
              inArray(personRatings.personId, personIds),
              sql`${personRatings.year} between ${from} and ${to}`,
            ),
          )
      : noPeople,
  ]);
  if (!subjectIds.length) return result;
  const receivedAwards = received.map((row) => ({
    ...row,
    subjectId: (row.personId ?? row.unitId) as string,
  }));
  const openProposals = proposals.map((row) => ({
    ...appraised(row.nominee),
    nominationId: row.nominee.nominationId,
    nominationTitle: row.nominationTitle,
    proposingUnitName: row.proposingUnitName,
  }));
  const pendingIds = new Set(pending.map((row) => row.personId));
  const unitOf = new Map(people.map((row) => [row.id, row]));
  const capSubjects = new Map<string, CapSubject>();
  for (const row of rows) {
    const person = row.personId ? unitOf.get(row.personId) : undefined;
    if (!person?.unitId) continue;
    const own = new Map<number, Rating>(
      ratings.filter((rating) => rating.personId === row.personId).map((r) => [r.year, r.rating as Rating]),
    );
    capSubjects.set(row.id, {
      nominee: appraised(row),
      unitId: person.unitId,
      unitName: person.unitName,
      ratings: own,
    });
  }
  const needed = new Map<string, CapCount>();
  for (const subject of capSubjects.values())
    for (const count of capCountsFor(subject)) needed.set(capKey(count), count);
  const counts = new Map<string, ShareCount>();
  for (const [key, count] of needed) counts.set(key, await countCap(db, count));
  for (const row of rows) {
    const nominee = appraised(row);
    const capSubject = capSubjects.get(row.id);
    result.set(row.id, [
      ...doubleRewardWarnings(nominee, receivedAwards, openProposals),
      ...(row.personId ? initiativeWarnings(nominee, found) : []),
      ...(capSubject ? shareCapWarnings(capSubject, counts) : []),
      ...(row.personId ? pendingDisciplineWarnings(nominee, pendingIds) : []),
    ]);
  }
  return result;
}
