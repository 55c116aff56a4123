import { and, eq, inArray, isNull } from 'drizzle-orm';
import {
  addToAgenda,
  castBallot,
  closeSession,
  createSession,
  setAttendance,
} from '#server/modules/council-sessions/index.ts';
import { updatePerson } from '#server/modules/organisation/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import {
  councilMembers,
  councilSessionMembers,
  councilSessions,
  councils,
  persons,
  units,
  users,
} from '#server/platform/db/schema.ts';
import { councilVoters } from './demo-accounts.ts';
import { demoCaller } from './demo-callers.ts';
import type { DemoRound } from './demo-nominations.ts';

export const DEMO_CLOSED_SESSION_TITLE =
  'Phiên họp xét khen thưởng cá nhân Sở Nội vụ (văn hóa công sở 2019–2025)';

/** Members absent from the closed session: three plain members without an account. */
const ABSENT = 3;

/**
 * Gives each voting demo account its seat's person (the chair, the vice-chairs, the standing member),
 * as the administrator does on the person's page. Returns the seat id of each account linked.
 */
async function linkVoters(db: Database, councilId: string) {
  const admin = await demoCaller(db, 'demo.admin');
  if (!admin) return new Map<string, string>();
  const seats = await db
    .select({ id: councilMembers.id, role: councilMembers.role, person: persons, unitCode: units.code })
    .from(councilMembers)
    .innerJoin(persons, eq(persons.id, councilMembers.personId))
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(eq(councilMembers.councilId, councilId))
    .orderBy(councilMembers.createdAt, councilMembers.id);
  const accounts = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      inArray(
        users.username,
        councilVoters.map((voter) => voter.username),
      ),
    );
  const linked = new Map<string, string>();
  const taken = new Set<string>();
  for (const voter of councilVoters) {
    const user = accounts.find((account) => account.username === voter.username);
    const seat = seats.find(
      (found) =>
        found.role === voter.seat &&
        found.unitCode === voter.seatUnit &&
        !found.person.userId &&
        !taken.has(found.id),
    );
    if (!user || !seat) continue;
    taken.add(seat.id);
    await updatePerson(db, admin, seat.person.id, { userId: user.id, version: seat.person.version });
    linked.set(voter.username, seat.id);
  }
  return linked;
}

/**
 * A session of the provincial council held today on Sở Nội vụ's appraised nominees and closed by its
 * chair: three plain members absent, the chair, both vice-chairs and the standing member (demo
 * accounts) voting "agree" for each through the secret ballot, so the tally passes them and the
 * minutes can be printed. Runs after `openCouncilSession` (so `demo.council` keeps its own seat and
 * its ballot at the open session).
 */
export async function closedCouncilSession(
  db: Database,
  round: DemoRound,
  today: string,
  nomineeIds: string[],
) {
  const [council] = await db
    .select({ id: councils.id })
    .from(councils)
    .where(eq(councils.unitId, round.provinceId));
  if (!council || !nomineeIds.length) return null;
  const voters = await linkVoters(db, council.id);
  const seats = await db
    .select({ id: councilMembers.id, role: councilMembers.role })
    .from(councilMembers)
    .where(eq(councilMembers.councilId, council.id));
  const chair = seats.find((seat) => seat.role === 'chair');
  const secretary = seats.find((seat) => seat.role === 'secretary');
  if (!chair || !secretary) return null;
  const id = await createSession(db, round.province, {
    councilId: council.id,
    title: DEMO_CLOSED_SESSION_TITLE,
    meetingDate: today,
    place: 'Phòng họp số 2, Trụ sở UBND tỉnh Lai Châu',
    closesAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
    chairMemberId: chair.id,
    secretaryMemberId: secretary.id,
  });
  const version = async () =>
    (
      await db
        .select({ version: councilSessions.version })
        .from(councilSessions)
        .where(eq(councilSessions.id, id))
    )[0]?.version ?? 1;
  await addToAgenda(db, round.province, id, { version: await version(), nomineeIds });
  const absent = await db
    .select({ memberId: councilSessionMembers.memberId, version: councilSessionMembers.version })
    .from(councilSessionMembers)
    .innerJoin(councilMembers, eq(councilMembers.id, councilSessionMembers.memberId))
    .innerJoin(persons, eq(persons.id, councilMembers.personId))
    .where(
      and(eq(councilSessionMembers.sessionId, id), eq(councilMembers.role, 'member'), isNull(persons.userId)),
    )
    .limit(ABSENT);
  for (const seat of absent)
    await setAttendance(db, round.province, id, seat.memberId, {
      attendance: 'absent',
      version: seat.version,
    });
  for (const voter of councilVoters) {
    if (!voters.has(voter.username)) continue;
    const member = await demoCaller(db, voter.username);
    if (member)
      await castBallot(db, member, id, {
        choices: nomineeIds.map((nomineeId) => ({ nomineeId, choice: 'agree' as const })),
      });
  }
  const chairCaller = await demoCaller(db, councilVoters[0].username);
  await closeSession(db, chairCaller ?? round.province, id, await version());
  return id;
}
