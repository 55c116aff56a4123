import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, councilMembers } from '#server/platform/db/schema.ts';
import { buildCouncil, buildPerson, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const storedMember = async (id: string) =>
  (await t.handle.db.select().from(councilMembers).where(eq(councilMembers.id, id)))[0];

/**
 * A province council with two members added through the API (a chair and a secretary), an officer of
 * the province, one of another province, and a second council of that other province.
 */
async function buildCouncilWithMembers() {
  const province = await buildUnit(t.handle.db, { name: 'Tỉnh Thử hội đồng' });
  const council = await buildCouncil(t.handle.db, { unitId: province.id });
  const officer = await signInAs(t, 'tdkt_officer', province.id);
  const elsewhere = await buildUnit(t.handle.db, { name: 'Tỉnh khác' });
  const outsider = await signInAs(t, 'tdkt_officer', elsewhere.id);
  const otherCouncil = await buildCouncil(t.handle.db, { unitId: elsewhere.id });
  const chair = await buildPerson(t.handle.db, { unitId: province.id, fullName: 'Lò Văn Chung' });
  const secretary = await buildPerson(t.handle.db, { unitId: province.id, fullName: 'Tao Thị Mai' });
  for (const [person, role] of [
    [chair, 'chair'],
    [secretary, 'secretary'],
  ] as const) {
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/councils/${council.id}/members`,
      headers: officer.headers,
      payload: { personId: person.id, role, termFrom: '2021-01-01' },
    });
    expect(added.statusCode).toBe(201);
  }
  const members = await t.handle.db
    .select()
    .from(councilMembers)
    .where(eq(councilMembers.councilId, council.id));
  const memberOf = (personId: string) => members.find((member) => member.personId === personId)?.id as string;
  return {
    council,
    officer,
    outsider,
    otherCouncil,
    chairId: memberOf(chair.id),
    secretaryId: memberOf(secretary.id),
  };
}

describe('PATCH /api/councils/:id/members/:memberId', () => {
  it('changes the role and term, stores them, and audits council.member.update with before and after', async () => {
    const { council, officer, secretaryId } = await buildCouncilWithMembers();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/councils/${council.id}/members/${secretaryId}`,
      headers: officer.headers,
      payload: { version: 1, role: 'standing_member', termTo: '2025-12-31' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().members).toContainEqual(
      expect.objectContaining({
        id: secretaryId,
        personName: 'Tao Thị Mai',
        role: 'standing_member',
        termFrom: '2021-01-01',
        termTo: '2025-12-31',
      }),
    );
    expect(await storedMember(secretaryId)).toMatchObject({
      role: 'standing_member',
      termFrom: '2021-01-01',
      termTo: '2025-12-31',
    });
    const events = await auditOf('council.member.update', council.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: officer.user.id,
      entityType: 'council',
      before: { id: secretaryId, role: 'secretary', termTo: null },
      after: { id: secretaryId, role: 'standing_member', termTo: '2025-12-31' },
    });
  });

  it('refuses another province’s officer, a bad role, a bad date and another council’s member, storing nothing', async () => {
    const { council, officer, outsider, otherCouncil, secretaryId } = await buildCouncilWithMembers();
    const patch = (councilId: string, headers: Record<string, string>, payload: object) =>
      expectNothingStored(t.handle, () =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/councils/${councilId}/members/${secretaryId}`,
          headers,
          payload: { version: 1, ...payload },
        }),
      );
    const foreign = await patch(council.id, outsider.headers, { role: 'chair' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('OUT_OF_SCOPE');
    expect((await patch(council.id, officer.headers, { role: 'king' })).statusCode).toBe(400);
    expect((await patch(council.id, officer.headers, { termFrom: '01/01/2021' })).statusCode).toBe(400);
    // A term ending before it starts: sent whole, or only the end against the stored start (2021-01-01).
    const reversed = await patch(council.id, officer.headers, {
      termFrom: '2024-01-01',
      termTo: '2023-12-31',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().fields).toEqual([
      { path: 'termTo', message: 'Ngày kết thúc nhiệm kỳ không được trước ngày bắt đầu' },
    ]);
    const endOnly = await patch(council.id, officer.headers, { termTo: '2020-12-31' });
    expect(endOnly.statusCode).toBe(400);
    expect(endOnly.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'termTo', message: 'Ngày kết thúc nhiệm kỳ không được trước ngày bắt đầu' }],
    });
    const wrongCouncil = await patch(otherCouncil.id, outsider.headers, { role: 'chair' });
    expect(wrongCouncil.statusCode).toBe(404);
    expect(await storedMember(secretaryId)).toMatchObject({ role: 'secretary', termTo: null });
    expect(await auditOf('council.member.update', council.id)).toEqual([]);
  });
});

describe('DELETE /api/councils/:id/members/:memberId', () => {
  it('removes the member, answers the council without them, and audits council.member.remove', async () => {
    const { council, officer, chairId, secretaryId } = await buildCouncilWithMembers();
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/councils/${council.id}/members/${chairId}`,
      headers: officer.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: council.id, memberCount: 1 });
    expect(response.json().members.map((member: { id: string }) => member.id)).toEqual([secretaryId]);
    expect(await storedMember(chairId)).toBeUndefined();
    const events = await auditOf('council.member.remove', council.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: officer.user.id,
      entityType: 'council',
      before: { id: chairId, role: 'chair', councilId: council.id },
    });
  });

  it('refuses another province’s officer with 403 and an unknown member with 404, storing nothing', async () => {
    const { council, officer, outsider, chairId } = await buildCouncilWithMembers();
    const foreign = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/councils/${council.id}/members/${chairId}`,
        headers: outsider.headers,
      }),
    );
    expect(foreign.statusCode).toBe(403);
    const unknown = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/councils/${council.id}/members/${crypto.randomUUID()}`,
        headers: officer.headers,
      }),
    );
    expect(unknown.statusCode).toBe(404);
    expect(await storedMember(chairId)).toMatchObject({ role: 'chair' });
    expect(await auditOf('council.member.remove', council.id)).toEqual([]);
  });
});
