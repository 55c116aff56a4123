import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '#server/platform/db/client.ts';
import { councilMembers, councilSessions, councils, persons, units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { SessionPlace } from '../council-sessions.policy.ts';

export type SessionRow = typeof councilSessions.$inferSelect;

/** How a session is named when it is gone or changed by someone else. */
export const SESSION = { subject: 'Phiên họp này', notFound: 'Không tìm thấy phiên họp Hội đồng.' };

/** A session with its council, the council's unit and standing body, or 404. */
export async function getSessionRow(db: Executor, id: string) {
  const [row] = await db
    .select({
      session: councilSessions,
      councilName: councils.name,
      unitId: units.id,
      unitName: units.name,
      unitPath: units.path,
      standingPath: sql<string | null>`(select s.path from units s where s.id = ${councils.standingUnitId})`,
    })
    .from(councilSessions)
    .innerJoin(councils, eq(councils.id, councilSessions.councilId))
    .innerJoin(units, eq(units.id, councils.unitId))
    .where(eq(councilSessions.id, id));
  if (!row) throw new AppError('NOT_FOUND', SESSION.notFound);
  return row;
}
export type SessionWithCouncil = Awaited<ReturnType<typeof getSessionRow>>;

/** What the policy needs of a session. */
export const placeOf = (row: SessionWithCouncil): SessionPlace => ({
  sessionId: row.session.id,
  status: row.session.status,
  chairMemberId: row.session.chairMemberId,
  secretaryMemberId: row.session.secretaryMemberId,
  unitPath: row.unitPath,
  standingPath: row.standingPath,
});

/** Locks the session row (ballots share it, close takes it alone) and returns its status. */
export async function lockSession(tx: Executor, id: string, mode: 'share' | 'update') {
  const result = (await tx.execute(
    sql`select status, closes_at as "closesAt" from council_sessions where id = ${id} for ${sql.raw(mode === 'share' ? 'share' : 'update')}`,
  )) as unknown as { rows: { status: string; closesAt: Date | string }[] };
  const [row] = result.rows;
  if (!row) throw new AppError('NOT_FOUND', SESSION.notFound);
  return { status: row.status, closesAt: new Date(row.closesAt) };
}

/** A member of the council by id, with the person's name, or a 400 naming the field. */
export async function councilMemberOf(db: Executor, councilId: string, memberId: string, field: string) {
  const [row] = await db
    .select({ id: councilMembers.id, name: persons.fullName, personId: persons.id })
    .from(councilMembers)
    .innerJoin(persons, eq(persons.id, councilMembers.personId))
    .where(and(eq(councilMembers.id, memberId), eq(councilMembers.councilId, councilId)));
  if (!row)
    throw new AppError('VALIDATION_FAILED', 'Chủ tọa và thư ký phải là thành viên của Hội đồng.', [
      { path: field, message: 'Không phải thành viên của Hội đồng' },
    ]);
  return row;
}
