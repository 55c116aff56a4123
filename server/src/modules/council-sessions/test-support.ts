import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { moveNominees } from '#server/modules/nominations/index.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import { councilMembers, nominees } from '#server/platform/db/schema.ts';
import { buildCouncil, buildPerson, buildUser, signIn } from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';
import { buildNominationScene } from '../nominations/test-support.ts';

type Headers = Record<string, string>;

/** A signed-in council member: the account, the person and the council membership. */
async function seatedMember(
  t: TestApp,
  councilId: string,
  unitId: string,
  role: string,
  personUnitId = unitId,
) {
  const user = await buildUser(t.handle.db, { role: 'council_member', unitId });
  const person = await buildPerson(t.handle.db, { unitId: personUnitId, userId: user.id });
  const [member] = await t.handle.db
    .insert(councilMembers)
    .values({ councilId, personId: person.id, role, termFrom: '2021-01-01' })
    .returning();
  if (!member) throw new Error('member not created');
  return { client: await signIn(t, user.username), person, member };
}

/**
 * The province of the nomination scene with its council: a chair, a secretary, two members (one of
 * them also a nominee, so recused from themself), a tờ trình of the commune received by the
 * province and its nominees brought to "appraised" (moveNominees, as the appraisal part would).
 */
export async function buildCouncilScene(t: TestApp, awards: string[] = ['BK_BO_TINH', 'CSTD_BO_TINH']) {
  const scene = await buildNominationScene(t);
  const db = t.handle.db;
  const council = await buildCouncil(db, {
    unitId: scene.province.id,
    name: `Hội đồng TĐKT ${scene.province.id.slice(0, 6)}`,
  });
  const chair = await seatedMember(t, council.id, scene.province.id, 'chair');
  const secretary = await seatedMember(t, council.id, scene.province.id, 'secretary');
  const member = await seatedMember(t, council.id, scene.province.id, 'member');
  const nomineeMember = await seatedMember(t, council.id, scene.province.id, 'member', scene.commune.id);
  const people = [nomineeMember.person, ...scene.people].slice(0, awards.length);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/nominations',
    headers: { ...scene.communeOfficer.headers, 'idempotency-key': crypto.randomUUID() },
    payload: scene.draft(people.map((person, index) => scene.nominee(person.id, awards[index]))),
  });
  expect(created.statusCode, created.body).toBe(201);
  const nominationId = created.json().id as string;
  for (const [who, move, version] of [
    [scene.communeOfficer, 'submit', 1],
    [scene.provinceOfficer, 'receive', 2],
  ] as const) {
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${nominationId}/${move}`,
      headers: who.headers,
      payload: { version },
    });
    expect(reply.statusCode, reply.body).toBe(200);
  }
  const rows = await db.select().from(nominees).where(eq(nominees.nominationId, nominationId));
  const nomineeIds = people.map((person) => rows.find((row) => row.personId === person.id)?.id as string);
  await db.transaction((tx) =>
    moveNominees(tx, systemActor('test'), {
      nomineeIds,
      from: ['received'],
      to: 'appraised',
      // The appraisal part owns its action name; the audit trail accepts any text in a test setup.
      action: 'nominee.appraise',
      refusal: 'not received',
    }),
  );
  return { ...scene, council, chair, secretary, member, nomineeMember, nominationId, nomineeIds };
}
export type CouncilScene = Awaited<ReturnType<typeof buildCouncilScene>>;

/** Sends a request as a client (a GET when there is no payload). */
export function sender(t: TestApp) {
  return (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    headers: Headers,
    payload?: object,
  ) =>
    payload === undefined
      ? t.app.inject({ method, url, headers })
      : t.app.inject({ method, url, headers, payload });
}

/** Opens a session of the scene's council (closing in an hour) and returns its view. */
export async function openSession(t: TestApp, scene: CouncilScene, withAgenda = true) {
  const send = sender(t);
  const created = await send(
    'POST',
    '/api/council-sessions',
    { ...scene.provinceOfficer.headers, 'idempotency-key': crypto.randomUUID() },
    {
      councilId: scene.council.id,
      title: 'Phiên họp xét khen thưởng tổng kết 2025',
      meetingDate: '2025-12-10',
      place: 'Hội trường UBND tỉnh',
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      chairMemberId: scene.chair.member.id,
      secretaryMemberId: scene.secretary.member.id,
    },
  );
  expect(created.statusCode, created.body).toBe(201);
  let view = created.json();
  if (withAgenda) {
    const added = await send(
      'POST',
      `/api/council-sessions/${view.id}/agenda`,
      scene.secretary.client.headers,
      {
        version: view.version,
        nomineeIds: scene.nomineeIds,
      },
    );
    expect(added.statusCode, added.body).toBe(200);
    view = added.json();
  }
  return view as { id: string; version: number; members: { memberId: string; version: number }[] };
}
