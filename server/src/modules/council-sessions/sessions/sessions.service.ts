import { and, asc, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type {
  SessionCreateBody,
  SessionListQuery,
  SessionPage,
  SessionUpdateBody,
  SessionView,
} from '#contracts/council-sessions.ts';
import type { CouncilRole } from '#contracts/councils.ts';
import { READ_ROLES, resolveScope, WRITE_ROLES } from '#server/modules/organisation/organisation.policy.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import {
  councilAgendaItems,
  councilMembers,
  councilSessionMembers,
  councilSessions,
  councils,
  persons,
  units,
} from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertAllowed, type Caller, sessionAccess, sessionVisibleSql } from '../council-sessions.policy.ts';
import { closeIfDue } from './close.service.ts';
import { councilMemberOf, getSessionRow, placeOf, SESSION } from './sessions.repo.ts';

const inTermOn = (date: string) =>
  and(
    lte(councilMembers.termFrom, date),
    or(isNull(councilMembers.termTo), gte(councilMembers.termTo, date)),
  );

function assertFuture(closesAt: string) {
  if (new Date(closesAt).getTime() <= Date.now())
    throw new AppError('VALIDATION_FAILED', 'Thời điểm kết thúc bỏ phiếu phải sau thời điểm hiện tại.', [
      { path: 'closesAt', message: 'Phải sau thời điểm hiện tại' },
    ]);
}

/** Opens a session of a council the caller is an officer of, its members frozen from those in term. */
export async function createSession(db: Database, caller: Caller, body: SessionCreateBody) {
  const [council] = await db
    .select({
      id: councils.id,
      unitPath: units.path,
      standingPath: sql<string | null>`(select s.path from units s where s.id = ${councils.standingUnitId})`,
    })
    .from(councils)
    .innerJoin(units, eq(units.id, councils.unitId))
    .where(eq(councils.id, body.councilId));
  if (!council) throw new AppError('NOT_FOUND', 'Không tìm thấy Hội đồng Thi đua – Khen thưởng.');
  const access = await sessionAccess(db, caller.principal, {
    sessionId: '00000000-0000-0000-0000-000000000000',
    status: 'open',
    chairMemberId: '',
    secretaryMemberId: '',
    unitPath: council.unitPath,
    standingPath: council.standingPath,
  });
  if (!access.isOfficer) throw new AppError('OUT_OF_SCOPE');
  assertFuture(body.closesAt);
  const members = await db
    .select({ id: councilMembers.id })
    .from(councilMembers)
    .where(and(eq(councilMembers.councilId, council.id), inTermOn(body.meetingDate)));
  const ids = new Set(members.map((member) => member.id));
  await councilMemberOf(db, council.id, body.chairMemberId, 'chairMemberId');
  await councilMemberOf(db, council.id, body.secretaryMemberId, 'secretaryMemberId');
  for (const field of ['chairMemberId', 'secretaryMemberId'] as const)
    if (!ids.has(body[field]))
      throw new AppError('VALIDATION_FAILED', 'Chủ tọa và thư ký phải đang trong nhiệm kỳ vào ngày họp.', [
        { path: field, message: 'Không trong nhiệm kỳ vào ngày họp' },
      ]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(councilSessions)
      .values({ ...body, closesAt: new Date(body.closesAt), createdBy: caller.actor.userId })
      .returning();
    if (!row) throw new Error('session not created');
    await tx
      .insert(councilSessionMembers)
      .values(members.map((member) => ({ sessionId: row.id, memberId: member.id })));
    await recordAudit(tx, caller.actor, {
      action: 'council_session.create',
      entityType: 'council_session',
      entityId: row.id,
      after: { ...row, memberCount: members.length },
    });
    return row.id;
  });
}

/** Changes an open session's fields at the version loaded (else 409). */
export async function updateSession(db: Database, caller: Caller, id: string, body: SessionUpdateBody) {
  const before = await getSessionRow(db, id);
  assertAllowed(await sessionAccess(db, caller.principal, placeOf(before)), 'edit');
  if (body.closesAt) assertFuture(body.closesAt);
  const { version, closesAt, ...fields } = body;
  for (const field of ['chairMemberId', 'secretaryMemberId'] as const) {
    const memberId = fields[field];
    if (!memberId) continue;
    const [seat] = await db
      .select({ id: councilSessionMembers.id })
      .from(councilSessionMembers)
      .where(and(eq(councilSessionMembers.sessionId, id), eq(councilSessionMembers.memberId, memberId)));
    if (!seat)
      throw new AppError('VALIDATION_FAILED', 'Chủ tọa và thư ký phải là thành viên của phiên họp.', [
        { path: field, message: 'Không phải thành viên của phiên họp' },
      ]);
  }
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(councilSessions)
      .set({
        ...fields,
        ...(closesAt ? { closesAt: new Date(closesAt) } : {}),
        ...nextVersion(councilSessions, caller.actor),
      })
      .where(sql`${atVersion(councilSessions, id, version)} and ${councilSessions.status} = 'open'`)
      .returning();
    const row = await versionedRow(tx, rows, councilSessions, id, SESSION);
    await recordAudit(tx, caller.actor, {
      action: 'council_session.update',
      entityType: 'council_session',
      entityId: id,
      before: before.session,
      after: row,
    });
  });
}

/** One session the caller may read, with its members, who has voted how many times (never how), and actions. */
export async function getSession(db: Database, caller: Caller, id: string): Promise<SessionView> {
  await closeIfDue(db, id);
  const row = await getSessionRow(db, id);
  const access = await sessionAccess(db, caller.principal, placeOf(row));
  assertAllowed(access, 'read');
  const [members, [agenda]] = await Promise.all([
    db
      .select({
        memberId: councilSessionMembers.memberId,
        name: persons.fullName,
        role: councilMembers.role,
        attendance: councilSessionMembers.attendance,
        version: councilSessionMembers.version,
        votedCount: sql<number>`(select count(*)::int from ballot_receipts r
          where r.session_id = ${id} and r.member_id = ${councilSessionMembers.memberId})`,
      })
      .from(councilSessionMembers)
      .innerJoin(councilMembers, eq(councilMembers.id, councilSessionMembers.memberId))
      .innerJoin(persons, eq(persons.id, councilMembers.personId))
      .where(eq(councilSessionMembers.sessionId, id))
      .orderBy(asc(persons.sortKey), asc(councilSessionMembers.memberId)),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(councilAgendaItems)
      .where(eq(councilAgendaItems.sessionId, id)),
  ]);
  const person = (memberId: string) => ({
    memberId,
    name: members.find((member) => member.memberId === memberId)?.name ?? '',
  });
  const { session } = row;
  return {
    id: session.id,
    title: session.title,
    councilId: session.councilId,
    councilName: row.councilName,
    unitId: row.unitId,
    unitName: row.unitName,
    meetingDate: session.meetingDate,
    place: session.place,
    closesAt: session.closesAt.toISOString(),
    closedAt: session.closedAt?.toISOString() ?? null,
    status: session.status as SessionView['status'],
    agendaCount: Number(agenda?.count ?? 0),
    chair: person(session.chairMemberId),
    secretary: person(session.secretaryMemberId),
    version: session.version,
    members: members.map((member) => ({
      ...member,
      role: member.role as CouncilRole,
      attendance: member.attendance as SessionView['members'][number]['attendance'],
      votedCount: Number(member.votedCount),
    })),
    myMemberId: access.seat?.memberId ?? null,
    actions: access.actions,
  };
}

/** Sessions the caller sees (officer or reader over the council, or a seat), newest meeting first. */
export async function listSessions(
  db: Database,
  caller: Caller,
  query: SessionListQuery,
): Promise<SessionPage> {
  const scope = await resolveScope(db, caller.principal, [...new Set([...READ_ROLES, ...WRITE_ROLES])]);
  const where = and(
    sessionVisibleSql(scope, caller.principal.id),
    query.status ? eq(councilSessions.status, query.status) : undefined,
  );
  const base = () =>
    db
      .select({
        session: councilSessions,
        councilName: councils.name,
        agendaCount: sql<number>`(select count(*)::int from council_agenda_items a where a.session_id = ${councilSessions.id})`,
      })
      .from(councilSessions)
      .innerJoin(councils, eq(councils.id, councilSessions.councilId))
      .innerJoin(units, eq(units.id, councils.unitId))
      .leftJoin(sql`units s`, sql`s.id = ${councils.standingUnitId}`);
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      order: 'desc',
      columns: [councilSessions.meetingDate, councilSessions.id],
      kinds: ['string', 'uuid'],
      read: ({ where: key, descending, limit }) =>
        base()
          .where(and(where, key))
          .orderBy(
            ...(descending
              ? [desc(councilSessions.meetingDate), desc(councilSessions.id)]
              : [asc(councilSessions.meetingDate), asc(councilSessions.id)]),
          )
          .limit(limit),
      keyOf: (row) => [row.session.meetingDate, row.session.id],
    }),
    countCapped(
      db,
      db
        .select({ id: councilSessions.id })
        .from(councilSessions)
        .innerJoin(councils, eq(councils.id, councilSessions.councilId))
        .innerJoin(units, eq(units.id, councils.unitId))
        .leftJoin(sql`units s`, sql`s.id = ${councils.standingUnitId}`)
        .where(where),
      query.exactTotal === 'true',
    ),
  ]);
  const now = Date.now();
  return {
    items: page.rows.map((row) => ({
      id: row.session.id,
      title: row.session.title,
      councilName: row.councilName,
      meetingDate: row.session.meetingDate,
      place: row.session.place,
      closesAt: row.session.closesAt.toISOString(),
      // A session past its closing time reads as closed; the next action on it stores the close.
      status:
        row.session.status === 'open' && row.session.closesAt.getTime() <= now
          ? 'closed'
          : (row.session.status as 'open' | 'closed'),
      agendaCount: Number(row.agendaCount),
    })),
    next: page.next,
    prev: page.prev,
    total,
  };
}
