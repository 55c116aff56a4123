import { and, eq, sql } from 'drizzle-orm';
import { type AwardCode, awardName } from '#contracts/awards.ts';
import type { CursorQuery } from '#contracts/common.ts';
import type {
  AgendaAddBody,
  AgendaCandidatePage,
  AgendaPage,
  RecusalReason,
  Tally,
} from '#contracts/council-sessions.ts';
import { moveNominees } from '#server/modules/nominations/index.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import {
  ballotCounts,
  ballotReceipts,
  councilAgendaItems,
  councilRecusals,
  councilSessions,
  councils,
} from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertAllowed, type Caller, sessionAccess } from '../council-sessions.policy.ts';
import { candidateCondition, nomineeJoins, nomineeNameSql } from './agenda.repo.ts';
import { closeIfDue } from './close.service.ts';
import { getSessionRow, placeOf, SESSION } from './sessions.repo.ts';

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;

async function councilUnitId(db: Database, councilId: string) {
  const [council] = await db
    .select({ unitId: councils.unitId })
    .from(councils)
    .where(eq(councils.id, councilId));
  return council?.unitId as string;
}

/** Appraised nominees of tờ trình received by the council's level, for the agenda picker (keyset by id). */
export async function listCandidates(
  db: Database,
  caller: Caller,
  id: string,
  query: CursorQuery,
): Promise<AgendaCandidatePage> {
  const row = await getSessionRow(db, id);
  assertAllowed(await sessionAccess(db, caller.principal, placeOf(row)), 'agenda');
  const pool = candidateCondition(row.unitId);
  type Candidate = { id: string; name: string; unitName: string; awardCode: string; nominationTitle: string };
  const page = await readKeysetPage<Candidate>({
    query,
    columns: [sql`n.id`],
    kinds: ['uuid'],
    read: async ({ where, descending, limit }) =>
      rowsOf<Candidate>(
        await db.execute(sql`select n.id, ${nomineeNameSql} as name, pu.name as "unitName",
          n.award_code as "awardCode", t.title as "nominationTitle"
          from nominees n join nominations t on t.id = n.nomination_id ${nomineeJoins}
          where ${pool} ${where ? sql`and ${where}` : sql``}
          order by n.id ${sql.raw(descending ? 'desc' : 'asc')} limit ${limit}`),
      ),
    keyOf: (candidate) => [candidate.id],
  });
  const total = await countCapped(
    db,
    sql`select n.id from nominees n join nominations t on t.id = n.nomination_id where ${pool}`,
    query.exactTotal === 'true',
  );
  return {
    items: page.rows.map((candidate) => ({
      nomineeId: candidate.id,
      name: candidate.name,
      unitName: candidate.unitName,
      awardCode: candidate.awardCode as AwardCode,
      awardName: awardName(candidate.awardCode as AwardCode),
      nominationTitle: candidate.nominationTitle,
    })),
    next: page.next,
    prev: page.prev,
    total,
  };
}

/**
 * Puts appraised nominees of the council's level on the agenda at the session's version: they move
 * to "in council" (moveNominees: 409 when one is not appraised), a member who is the nominee is
 * recused automatically, and each item gets its ballot counters.
 */
export async function addToAgenda(db: Database, caller: Caller, id: string, body: AgendaAddBody) {
  await closeIfDue(db, id);
  const row = await getSessionRow(db, id);
  assertAllowed(await sessionAccess(db, caller.principal, placeOf(row)), 'agenda');
  const ids = [...new Set(body.nomineeIds)];
  const unitId = await councilUnitId(db, row.session.councilId);
  const found = rowsOf<{ id: string }>(
    await db.execute(sql`select n.id from nominees n join nominations t on t.id = n.nomination_id
      where n.id in (${sql.join(
        ids.map((nomineeId) => sql`${nomineeId}`),
        sql`, `,
      )})
      and exists (select 1 from award_rounds r where r.id = t.round_id and r.receiving_unit_id = ${unitId})`),
  );
  if (found.length !== ids.length)
    throw new AppError(
      'OUT_OF_SCOPE',
      'Chỉ đưa ra Hội đồng các đối tượng thuộc tờ trình gửi cấp của Hội đồng.',
    );
  await db.transaction(async (tx) => {
    const bumped = await tx
      .update(councilSessions)
      .set(nextVersion(councilSessions, caller.actor))
      .where(sql`${atVersion(councilSessions, id, body.version)} and ${councilSessions.status} = 'open'`)
      .returning();
    await versionedRow(tx, bumped, councilSessions, id, SESSION);
    await moveNominees(tx, caller.actor, {
      nomineeIds: ids,
      from: ['appraised'],
      to: 'in_council',
      action: 'nominee.to_council',
      refusal: 'Chỉ đưa ra Hội đồng các đối tượng đã thẩm định, chưa đưa ra phiên họp nào.',
      reason: `Phiên họp: ${row.session.title}`,
    });
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${councilAgendaItems.position}), 0)::int` })
      .from(councilAgendaItems)
      .where(eq(councilAgendaItems.sessionId, id));
    const start = Number(last?.position ?? 0);
    for (let offset = 0; offset < ids.length; offset += 1000) {
      const slice = ids.slice(offset, offset + 1000);
      const items = await tx
        .insert(councilAgendaItems)
        .values(
          slice.map((nomineeId, index) => ({
            sessionId: id,
            nomineeId,
            position: start + offset + index + 1,
          })),
        )
        .returning({ id: councilAgendaItems.id });
      await tx.insert(ballotCounts).values(items.map((item) => ({ agendaItemId: item.id })));
    }
    const selfRecused = await tx.execute(sql`
      insert into council_recusals (session_id, member_id, nominee_id, reason)
      select ${id}, m.member_id, n.id, 'self'
      from nominees n
      join council_members cm on cm.person_id = n.person_id
      join council_session_members m on m.member_id = cm.id and m.session_id = ${id}
      where n.id in (${sql.join(
        ids.map((nomineeId) => sql`${nomineeId}`),
        sql`, `,
      )})
      on conflict do nothing
      returning member_id as "memberId", nominee_id as "nomineeId"`);
    const recusals = rowsOf<{ memberId: string; nomineeId: string }>(selfRecused);
    if (recusals.length)
      await recordAudit(tx, caller.actor, {
        action: 'council_session.recusal',
        entityType: 'council_session',
        entityId: id,
        after: { reason: 'self', recusals },
      });
  });
}

/** Takes a nominee off the agenda (back to appraised) while nobody has voted on it. */
export async function removeFromAgenda(
  db: Database,
  caller: Caller,
  id: string,
  nomineeId: string,
  version: number,
) {
  await closeIfDue(db, id);
  const row = await getSessionRow(db, id);
  assertAllowed(await sessionAccess(db, caller.principal, placeOf(row)), 'agenda');
  const [item] = await db
    .select()
    .from(councilAgendaItems)
    .where(and(eq(councilAgendaItems.sessionId, id), eq(councilAgendaItems.nomineeId, nomineeId)));
  if (!item) throw new AppError('NOT_FOUND', 'Đối tượng này không có trong chương trình phiên họp.');
  await db.transaction(async (tx) => {
    const bumped = await tx
      .update(councilSessions)
      .set(nextVersion(councilSessions, caller.actor))
      .where(sql`${atVersion(councilSessions, id, version)} and ${councilSessions.status} = 'open'`)
      .returning();
    await versionedRow(tx, bumped, councilSessions, id, SESSION);
    const [voted] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(ballotReceipts)
      .where(and(eq(ballotReceipts.sessionId, id), eq(ballotReceipts.nomineeId, nomineeId)));
    if (Number(voted?.count) > 0 || item.writtenAgree + item.writtenDisagree > 0)
      throw new AppError(
        'CONFLICT',
        'Đã có thành viên bỏ phiếu cho đối tượng này; không bỏ khỏi chương trình được.',
      );
    const recusals = await tx
      .delete(councilRecusals)
      .where(and(eq(councilRecusals.sessionId, id), eq(councilRecusals.nomineeId, nomineeId)))
      .returning();
    await tx.delete(ballotCounts).where(eq(ballotCounts.agendaItemId, item.id));
    await tx.delete(councilAgendaItems).where(eq(councilAgendaItems.id, item.id));
    await recordAudit(tx, caller.actor, {
      action: 'council_session.update',
      entityType: 'council_session',
      entityId: id,
      before: { agendaItem: item, recusals },
      after: null,
    });
    await moveNominees(tx, caller.actor, {
      nomineeIds: [nomineeId],
      from: ['in_council'],
      to: 'appraised',
      action: 'nominee.from_council',
      refusal: 'Đối tượng không còn ở bước Hội đồng xét.',
      reason: `Bỏ khỏi chương trình phiên họp: ${row.session.title}`,
    });
  });
}

type ItemRow = {
  id: string;
  position: number;
  nomineeId: string;
  nominationId: string;
  name: string;
  unitName: string;
  awardCode: string;
  writtenAgree: number;
  writtenDisagree: number;
  version: number;
  tally: Tally | null;
  ballotsCast: number;
  recused: { memberId: string; name: string; reason: RecusalReason }[] | null;
  myVote: boolean | null;
};

/** One page of the agenda: who has voted on each nominee (how many, never how), recusals, and the result once closed. */
export async function listAgenda(
  db: Database,
  caller: Caller,
  id: string,
  query: CursorQuery,
): Promise<AgendaPage> {
  await closeIfDue(db, id);
  const row = await getSessionRow(db, id);
  const access = await sessionAccess(db, caller.principal, placeOf(row));
  assertAllowed(access, 'read');
  const memberId = access.seat?.memberId ?? null;
  const page = await readKeysetPage<ItemRow>({
    query,
    columns: [sql`a.position`, sql`a.id`],
    kinds: ['number', 'uuid'],
    read: async ({ where, descending, limit }) =>
      rowsOf<ItemRow>(
        await db.execute(sql`select a.id, a.position, a.nominee_id as "nomineeId", t.id as "nominationId", ${nomineeNameSql} as name,
          pu.name as "unitName", n.award_code as "awardCode", a.written_agree as "writtenAgree",
          a.written_disagree as "writtenDisagree", a.version, a.tally,
          (select count(*)::int from ballot_receipts b where b.session_id = a.session_id and b.nominee_id = a.nominee_id) as "ballotsCast",
          (select json_agg(json_build_object('memberId', x.member_id, 'name', xp.full_name, 'reason', x.reason) order by xp.full_name)
             from council_recusals x join council_members xm on xm.id = x.member_id join persons xp on xp.id = xm.person_id
             where x.session_id = a.session_id and x.nominee_id = a.nominee_id) as recused,
          ${memberId ? sql`exists (select 1 from ballot_receipts b where b.session_id = a.session_id and b.nominee_id = a.nominee_id and b.member_id = ${memberId})` : sql`null`} as "myVote"
          from council_agenda_items a join nominees n on n.id = a.nominee_id join nominations t on t.id = n.nomination_id
          ${nomineeJoins}
          where a.session_id = ${id} ${where ? sql`and ${where}` : sql``}
          order by a.position ${sql.raw(descending ? 'desc' : 'asc')}, a.id ${sql.raw(descending ? 'desc' : 'asc')}
          limit ${limit}`),
      ),
    keyOf: (item) => [Number(item.position), item.id],
  });
  const total = await countCapped(
    db,
    sql`select a.id from council_agenda_items a where a.session_id = ${id}`,
    query.exactTotal === 'true',
  );
  return {
    items: page.rows.map((item) => {
      const recused = item.recused ?? [];
      const myBallot = !memberId
        ? null
        : item.myVote
          ? ('voted' as const)
          : recused.some((entry) => entry.memberId === memberId)
            ? ('recused' as const)
            : ('pending' as const);
      return {
        nomineeId: item.nomineeId,
        nominationId: item.nominationId,
        name: item.name,
        unitName: item.unitName,
        awardCode: item.awardCode as AwardCode,
        awardName: awardName(item.awardCode as AwardCode),
        recused,
        ballotsCast: Number(item.ballotsCast),
        writtenAgree: Number(item.writtenAgree),
        writtenDisagree: Number(item.writtenDisagree),
        version: Number(item.version),
        myBallot,
        tally: row.session.status === 'closed' ? item.tally : null,
      };
    }),
    next: page.next,
    prev: page.prev,
    total,
  };
}
