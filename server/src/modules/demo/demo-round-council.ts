import { and, eq, isNull } from 'drizzle-orm';
import { addToAgenda, createSession } from '#server/modules/council-sessions/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { councilMembers, councilSessions, councils, persons, users } from '#server/platform/db/schema.ts';
import { plus } from './demo-current-movement.ts';
import type { DemoRound } from './demo-nominations.ts';

export const DEMO_SESSION_TITLE = 'Phiên họp xét khen thưởng tổng kết phong trào văn hóa công sở 2019–2025';

/**
 * The `demo.council` account sits on the council as one of its plain members (its person gets the
 * account), so the ballot to-do and the ballot page are theirs. Skips when the account is linked.
 */
async function linkCouncilAccount(db: Database, councilId: string) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'demo.council'));
  if (!user) return;
  const [linked] = await db.select({ id: persons.id }).from(persons).where(eq(persons.userId, user.id));
  if (linked) return;
  const [seat] = await db
    .select({ personId: councilMembers.personId })
    .from(councilMembers)
    .innerJoin(persons, eq(persons.id, councilMembers.personId))
    .where(
      and(eq(councilMembers.councilId, councilId), eq(councilMembers.role, 'member'), isNull(persons.userId)),
    )
    .limit(1);
  if (seat) await db.update(persons).set({ userId: user.id }).where(eq(persons.id, seat.personId));
}

/**
 * A session of the provincial council opened today and closing in three days, every member present
 * (the default), with the appraised nominees of Tam Đường's provincial tờ trình on its agenda. Left
 * open: the members vote on the ballot page (`demo.council` is one of them).
 */
export async function openCouncilSession(
  db: Database,
  round: DemoRound,
  today: string,
  nomineeIds: string[],
) {
  const [council] = await db
    .select({ id: councils.id })
    .from(councils)
    .where(eq(councils.unitId, round.provinceId));
  if (!council) return null;
  await linkCouncilAccount(db, council.id);
  const seats = await db
    .select({ id: councilMembers.id, role: councilMembers.role })
    .from(councilMembers)
    .where(eq(councilMembers.councilId, council.id));
  const chair = seats.find((seat) => seat.role === 'chair');
  const secretary = seats.find((seat) => seat.role === 'secretary');
  if (!chair || !secretary) return null;
  const id = await createSession(db, round.province, {
    councilId: council.id,
    title: DEMO_SESSION_TITLE,
    meetingDate: today,
    place: 'Phòng họp số 1, Trụ sở UBND tỉnh Lai Châu',
    closesAt: new Date(`${plus(today, 3)}T17:00:00+07:00`).toISOString(),
    chairMemberId: chair.id,
    secretaryMemberId: secretary.id,
  });
  if (nomineeIds.length) {
    const [session] = await db
      .select({ version: councilSessions.version })
      .from(councilSessions)
      .where(eq(councilSessions.id, id));
    await addToAgenda(db, round.province, id, { version: session?.version ?? 1, nomineeIds });
  }
  return id;
}
