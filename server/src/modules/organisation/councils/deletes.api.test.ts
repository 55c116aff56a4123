import { and, asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, blocMembers, blocs, councilMembers, councils } from '#server/platform/db/schema.ts';
import { buildCouncil, buildPerson, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

/** The audit events written for an entity, in chain order. */
const eventsOf = (entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId))
    .orderBy(asc(auditEvents.seq));

/** A province council with members, and (optionally) blocs of district units with a supervisor. */
async function buildCouncilWithBlocs(blocCount: number) {
  const province = await buildUnit(t.handle.db, { name: 'Tỉnh Điện Biên' });
  const districts = await Promise.all(
    ['Huyện Mường Chà', 'Huyện Tủa Chùa', 'Huyện Mường Ảng'].map((name) =>
      buildUnit(t.handle.db, { parentId: province.id, name }),
    ),
  );
  const officer = await signInAs(t, 'tdkt_officer', province.id);
  const council = await buildCouncil(t.handle.db, { unitId: province.id });
  const people = await Promise.all(
    ['Lò Văn Mừng', 'Quàng Thị Hoa', 'Lường Văn Pọm'].map((fullName) =>
      buildPerson(t.handle.db, { unitId: province.id, fullName }),
    ),
  );
  const members = await t.handle.db
    .insert(councilMembers)
    .values(
      people.map((person) => ({
        councilId: council.id,
        personId: person.id,
        role: 'member',
        termFrom: '2021-01-01',
      })),
    )
    .returning();
  const blocIds: string[] = [];
  for (let index = 0; index < blocCount; index++) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/blocs',
      headers: officer.headers,
      payload: {
        councilId: council.id,
        year: 2025,
        name: `Cụm thi đua số ${index + 1}`,
        supervisorMemberId: members[0]?.id,
        members: districts.map((district, position) => ({
          unitId: district.id,
          role: position === 0 ? 'head' : 'member',
        })),
      },
    });
    expect(response.statusCode).toBe(201);
    blocIds.push(response.json().id);
  }
  return { council, members, districts, blocIds, officer };
}

describe('DELETE /api/councils/:id', () => {
  it('refuses with 409 while the council has blocs, and removes nothing', async () => {
    const { council, members, blocIds, officer } = await buildCouncilWithBlocs(2);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/councils/${council.id}`,
      headers: officer.headers,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'CONFLICT',
      message: 'Hội đồng còn 2 khối/cụm thi đua; hãy xóa các khối/cụm trước khi xóa hội đồng.',
    });
    expect(await t.handle.db.select().from(councils).where(eq(councils.id, council.id))).toHaveLength(1);
    expect(
      await t.handle.db.select().from(councilMembers).where(eq(councilMembers.councilId, council.id)),
    ).toHaveLength(members.length);
    expect(await t.handle.db.select().from(blocs).where(inArray(blocs.id, blocIds))).toHaveLength(2);
    expect(
      await t.handle.db.select().from(blocMembers).where(inArray(blocMembers.blocId, blocIds)),
    ).toHaveLength(6);
    expect((await eventsOf(council.id)).map((event) => event.action)).not.toContain('council.delete');
  });

  it('removes a council without blocs and its members, one audit event per removed member', async () => {
    const { council, members, officer } = await buildCouncilWithBlocs(0);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/councils/${council.id}`,
      headers: officer.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(await t.handle.db.select().from(councils).where(eq(councils.id, council.id))).toHaveLength(0);
    expect(
      await t.handle.db.select().from(councilMembers).where(eq(councilMembers.councilId, council.id)),
    ).toHaveLength(0);
    const events = await eventsOf(council.id);
    const removals = events.filter((event) => event.action === 'council.member.remove');
    expect(removals.map((event) => (event.before as { id: string }).id).sort()).toEqual(
      members.map((member) => member.id).sort(),
    );
    expect(removals.every((event) => event.reason === 'Xóa hội đồng')).toBe(true);
    const [deleted] = events.filter((event) => event.action === 'council.delete');
    expect(deleted?.before).toMatchObject({ id: council.id, memberCount: 3 });
    expect(new Set(events.slice(-4).map((event) => event.requestId)).size).toBe(1);
  });
});

describe('DELETE /api/blocs/:id', () => {
  it('removes the bloc and records each removed member unit', async () => {
    const { districts, blocIds, officer } = await buildCouncilWithBlocs(1);
    const blocId = blocIds[0] as string;
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/blocs/${blocId}`,
      headers: officer.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(await t.handle.db.select().from(blocs).where(eq(blocs.id, blocId))).toHaveLength(0);
    expect(await t.handle.db.select().from(blocMembers).where(eq(blocMembers.blocId, blocId))).toHaveLength(
      0,
    );
    const events = await eventsOf(blocId);
    const removals = events.filter((event) => event.action === 'bloc.member.remove');
    const removed = removals.map((event) => event.before as { position: number });
    expect(removed.sort((x, y) => x.position - y.position)).toEqual(
      districts.map((district, index) => ({
        blocId,
        unitId: district.id,
        role: index === 0 ? 'head' : 'member',
        position: index + 1,
      })),
    );
    expect(events.at(-1)).toMatchObject({ action: 'bloc.delete', before: { id: blocId, memberCount: 3 } });
  });
});

describe('PATCH /api/blocs/:id with a new member list', () => {
  it('records the replaced member rows in the bloc.update event', async () => {
    const { districts, blocIds, officer } = await buildCouncilWithBlocs(1);
    const blocId = blocIds[0] as string;
    const [first] = districts;
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/blocs/${blocId}`,
      headers: officer.headers,
      payload: { version: 1, members: [{ unitId: first?.id, role: 'head' }] },
    });
    expect(response.statusCode).toBe(200);
    expect(await t.handle.db.select().from(blocMembers).where(eq(blocMembers.blocId, blocId))).toHaveLength(
      1,
    );
    const [update] = (await eventsOf(blocId)).filter((event) => event.action === 'bloc.update');
    const before = update?.before as { members?: { unitId: string; position: number }[] } | undefined;
    const replaced = before?.members ?? [];
    expect(replaced.sort((x, y) => x.position - y.position).map((member) => member.unitId)).toEqual(
      districts.map((district) => district.id),
    );
  });
});

describe('DELETE /api/councils/:id/members/:memberId', () => {
  it('removes a member who supervises blocs and audits each bloc left without a supervisor', async () => {
    const { council, members, blocIds, officer } = await buildCouncilWithBlocs(2);
    const supervisor = members[0] as { id: string };
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/councils/${council.id}/members/${supervisor.id}`,
      headers: officer.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(
      await t.handle.db.select().from(councilMembers).where(eq(councilMembers.id, supervisor.id)),
    ).toHaveLength(0);
    const stored = await t.handle.db.select().from(blocs).where(inArray(blocs.id, blocIds));
    expect(stored.map((bloc) => bloc.supervisorMemberId)).toEqual([null, null]);
    for (const blocId of blocIds) {
      const [cleared] = (await eventsOf(blocId)).filter((event) => event.action === 'bloc.update');
      expect(cleared).toMatchObject({
        before: { supervisorMemberId: supervisor.id },
        after: { supervisorMemberId: null },
      });
    }
    const [removal] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'council.member.remove'), eq(auditEvents.entityId, council.id)));
    expect(removal?.before).toMatchObject({ id: supervisor.id });
  });
});
