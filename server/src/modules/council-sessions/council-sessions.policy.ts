import { and, eq, sql } from 'drizzle-orm';
import type { SessionAction } from '#contracts/council-sessions.ts';
import {
  inScope,
  READ_ROLES,
  resolveScope,
  WRITE_ROLES,
} from '#server/modules/organisation/organisation.policy.ts';
import type { Principal } from '#server/platform/auth/policy.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { councilMembers, councilSessionMembers, persons, units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';

export type { Caller } from '#server/modules/organisation/units/units.service.ts';

/** Where a session's council sits: its unit and its standing body (cơ quan thường trực). */
export interface SessionPlace {
  sessionId: string;
  status: string;
  chairMemberId: string;
  secretaryMemberId: string;
  unitPath: string;
  standingPath: string | null;
}

/** The signed-in user's seat in a session, when their person sits on it. */
export interface Seat {
  id: string;
  memberId: string;
  attendance: string;
  version: number;
}

/** The user's seat in the session (their person is one of its members), or null. */
export async function seatOf(db: Executor, userId: string, sessionId: string): Promise<Seat | null> {
  const [row] = await db
    .select({
      id: councilSessionMembers.id,
      memberId: councilSessionMembers.memberId,
      attendance: councilSessionMembers.attendance,
      version: councilSessionMembers.version,
    })
    .from(councilSessionMembers)
    .innerJoin(councilMembers, eq(councilMembers.id, councilSessionMembers.memberId))
    .innerJoin(persons, eq(persons.id, councilMembers.personId))
    .where(and(eq(councilSessionMembers.sessionId, sessionId), eq(persons.userId, userId)))
    .limit(1);
  return row ?? null;
}

const covers = (scope: string[] | null, place: SessionPlace) =>
  inScope(scope, place.unitPath) || (place.standingPath !== null && inScope(scope, place.standingPath));

/**
 * Who does what with a session: the emulation officers over the council's unit or its standing body
 * run it (agenda, attendance, written votes, close on the chair's word); the secretary runs it too;
 * the chair closes it; each member votes for themself; every role over the unit reads it.
 */
export async function sessionAccess(db: Executor, principal: Principal, place: SessionPlace) {
  const [writeScope, readScope, seat] = await Promise.all([
    resolveScope(db, principal, WRITE_ROLES),
    resolveScope(db, principal, READ_ROLES),
    seatOf(db, principal.id, place.sessionId),
  ]);
  const isOfficer = covers(writeScope, place);
  const isSecretary = seat?.memberId === place.secretaryMemberId;
  const isChair = seat?.memberId === place.chairMemberId;
  const canRead = isOfficer || seat !== null || covers(readScope, place);
  const open = place.status === 'open';
  const actions: SessionAction[] = [];
  if (open && (isOfficer || isSecretary)) actions.push('edit', 'agenda', 'attendance', 'written_votes');
  if (open && seat?.attendance === 'present') actions.push('vote');
  if (open && (isOfficer || isChair)) actions.push('close');
  return { canRead, open, isOfficer, isSecretary, isChair, seat, actions };
}
export type SessionAccess = Awaited<ReturnType<typeof sessionAccess>>;

/**
 * Throws unless the access allows the action: 403 OUT_OF_SCOPE when the user may not read the
 * session, 409 when it is closed (nothing changes after the count), 403 when the action is not theirs.
 */
export function assertAllowed(access: SessionAccess, action: SessionAction | 'read'): void {
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  if (action !== 'read' && !access.open)
    throw new AppError('CONFLICT', 'Phiên họp đã kết thúc; không thay đổi hay bỏ phiếu được nữa.');
  if (action !== 'read' && !access.actions.includes(action)) {
    if (action === 'vote' && !access.seat)
      throw new AppError('FORBIDDEN', 'Chỉ thành viên của phiên họp mới được bỏ phiếu.');
    throw new AppError('OUT_OF_SCOPE');
  }
}

/** SQL (over council_sessions joined to its council's `units` and standing body `s`): sessions the reader sees — officer/reader scope over the council's unit or standing body, or a seat. */
export function sessionVisibleSql(scope: string[] | null, userId: string) {
  if (scope === null) return undefined;
  const paths = scope.length
    ? sql.join(
        scope.map((prefix) => sql`${units.path} like ${`${prefix}%`} or s.path like ${`${prefix}%`}`),
        sql` or `,
      )
    : sql`false`;
  return sql`(${paths} or exists (select 1 from council_session_members csm
      join council_members cm on cm.id = csm.member_id join persons p on p.id = cm.person_id
      where csm.session_id = council_sessions.id and p.user_id = ${userId}))`;
}
