import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PublicNoticeQuery } from '#contracts/public-notice.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, type KeyKind, readKeysetPage } from '#server/platform/db/keyset.ts';
import {
  awardRounds,
  nominations,
  nominees,
  persons,
  publicNotices,
  units,
} from '#server/platform/db/schema.ts';

const receiving = alias(units, 'receiving_unit');
const proposing = alias(units, 'proposing_unit');
const collective = alias(units, 'collective_unit');
const personUnit = alias(units, 'person_unit');

/**
 * Nominees with what a notice needs: the receiving level (id, name, path for the scope), the
 * subject's name, position and unit (a person's own unit; the proposing unit for a collective or
 * household).
 */
export async function nomineeSubjects(executor: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return executor
    .select({
      nominee: nominees,
      receivingUnitId: receiving.id,
      receivingName: receiving.name,
      receivingPath: receiving.path,
      proposingName: proposing.name,
      proposingPath: proposing.path,
      proposingUnitId: proposing.id,
      personName: persons.fullName,
      position: persons.position,
      personUnitName: personUnit.name,
      collectiveName: collective.name,
    })
    .from(nominees)
    .innerJoin(nominations, eq(nominations.id, nominees.nominationId))
    .innerJoin(awardRounds, eq(awardRounds.id, nominations.roundId))
    .innerJoin(receiving, eq(receiving.id, awardRounds.receivingUnitId))
    .innerJoin(proposing, eq(proposing.id, nominations.proposingUnitId))
    .leftJoin(persons, eq(persons.id, nominees.personId))
    .leftJoin(personUnit, eq(personUnit.id, persons.unitId))
    .leftJoin(collective, eq(collective.id, nominees.unitId))
    .where(inArray(nominees.id, [...ids]))
    .orderBy(asc(nominees.position), asc(nominees.id));
}
export type NomineeSubject = Awaited<ReturnType<typeof nomineeSubjects>>[number];

/** The name, position and unit a notice shows for a nominee. */
export function subjectOf(row: NomineeSubject) {
  if (row.nominee.subject === 'individual')
    return { name: row.personName ?? '', position: row.position ?? null, unitName: row.personUnitName };
  if (row.nominee.subject === 'collective')
    return { name: row.collectiveName ?? '', position: null, unitName: row.proposingName };
  return { name: row.nominee.householdName ?? '', position: null, unitName: row.proposingName };
}

const noticeColumns = {
  notice: publicNotices,
  receivingName: units.name,
  receivingPath: units.path,
  nomineeStatus: nominees.status,
  nominationId: nominees.nominationId,
  commentCount: sql<number>`(select count(*)::int from public_comments c where c.notice_id = ${publicNotices.id})`,
  unansweredCount: sql<number>`(select count(*)::int from public_comments c
    where c.notice_id = ${publicNotices.id} and c.answer is null)`,
};
export type NoticeWithNames = NonNullable<Awaited<ReturnType<typeof findNotice>>>;

/** One notice with its receiving level, its nominee's stage and its comment counts, or null. */
export async function findNotice(executor: Executor, id: string) {
  const [row] = await executor
    .select(noticeColumns)
    .from(publicNotices)
    .innerJoin(units, eq(units.id, publicNotices.receivingUnitId))
    .innerJoin(nominees, eq(nominees.id, publicNotices.nomineeId))
    .where(eq(publicNotices.id, id));
  return row ?? null;
}

/** SQL: the notices standing as `status` on `today`. */
export function statusCondition(status: PublicNoticeQuery['status'], today: string): SQL | undefined {
  if (!status) return undefined;
  if (status === 'withdrawn') return sql`${publicNotices.withdrawnAt} is not null`;
  const live = sql`${publicNotices.withdrawnAt} is null`;
  if (status === 'scheduled') return and(live, sql`${publicNotices.startDate} > ${today}`);
  if (status === 'ended') return and(live, sql`${publicNotices.endDate} < ${today}`);
  return and(live, sql`${publicNotices.startDate} <= ${today}`, sql`${publicNotices.endDate} >= ${today}`);
}

/** The lists' key: latest end first (public_notices_list_idx). */
const LIST_KEY = [publicNotices.endDate, publicNotices.id] as const;
const LIST_KINDS: readonly KeyKind[] = ['string', 'uuid'];

/** One keyset page of the notices matching the condition, latest end first, with the total capped. */
export async function listNotices(
  executor: Executor,
  visible: SQL | undefined,
  query: PublicNoticeQuery,
  today: string,
) {
  const where = and(
    visible,
    statusCondition(query.status, today),
    query.nominationId ? eq(nominees.nominationId, query.nominationId) : undefined,
  );
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      columns: LIST_KEY,
      kinds: LIST_KINDS,
      order: 'desc',
      read: ({ where: key, descending, limit }) =>
        executor
          .select(noticeColumns)
          .from(publicNotices)
          .innerJoin(units, eq(units.id, publicNotices.receivingUnitId))
          .innerJoin(nominees, eq(nominees.id, publicNotices.nomineeId))
          .where(and(where, key))
          .orderBy(...LIST_KEY.map((column) => (descending ? desc(column) : asc(column))))
          .limit(limit),
      keyOf: (row) => [row.notice.endDate, row.notice.id],
    }),
    countCapped(
      executor,
      executor
        .select({ id: publicNotices.id })
        .from(publicNotices)
        .innerJoin(units, eq(units.id, publicNotices.receivingUnitId))
        .innerJoin(nominees, eq(nominees.id, publicNotices.nomineeId))
        .where(where),
      query.exactTotal === 'true',
    ),
  ]);
  return { ...page, total };
}
