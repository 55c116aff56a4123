import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  councilAgendaItems,
  councilRecusals,
  councilSessionMembers,
  councilSessions,
  nominees,
} from '#server/platform/db/schema.ts';
import { signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildCouncilScene, openSession, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const statusOf = async (id: string) =>
  (await t.handle.db.select().from(nominees).where(eq(nominees.id, id)))[0]?.status;

describe('POST /api/council-sessions', () => {
  it('opens a session with the council members in term, audited, listed for officers and members', async () => {
    const scene = await buildCouncilScene(t);
    const view = await openSession(t, scene, false);
    expect(view).toMatchObject({ status: 'open', version: 1, agendaCount: 0 });
    expect(view.members).toHaveLength(4);
    const stored = await t.handle.db
      .select()
      .from(councilSessionMembers)
      .where(eq(councilSessionMembers.sessionId, view.id));
    expect(stored.map((row) => row.attendance)).toEqual(['present', 'present', 'present', 'present']);
    const [event] = await auditOf('council_session.create', view.id);
    expect(event?.after).toMatchObject({ memberCount: 4 });
    const send = sender(t);
    for (const client of [scene.provinceOfficer, scene.member.client]) {
      const list = await send('GET', '/api/council-sessions', client.headers);
      expect(list.json().items).toContainEqual(expect.objectContaining({ id: view.id, status: 'open' }));
    }
    const outsider = await send('GET', '/api/council-sessions', scene.otherOfficer.headers);
    expect(outsider.json().items.map((item: { id: string }) => item.id)).not.toContain(view.id);
    const asMember = await send('GET', `/api/council-sessions/${view.id}`, scene.member.client.headers);
    expect(asMember.json()).toMatchObject({ myMemberId: scene.member.member.id, actions: ['vote'] });
    const asChair = await send('GET', `/api/council-sessions/${view.id}`, scene.chair.client.headers);
    expect(asChair.json().actions).toEqual(['vote', 'close']);
  });

  it('refuses an officer of another province (403), a chair from outside the council (400), a past closing time (400)', async () => {
    const scene = await buildCouncilScene(t);
    const other = await buildCouncilScene(t);
    const send = sender(t);
    const body = {
      councilId: scene.council.id,
      title: 'Phiên họp',
      meetingDate: '2025-12-10',
      place: 'Hội trường',
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      chairMemberId: scene.chair.member.id,
      secretaryMemberId: scene.secretary.member.id,
    };
    const cases = [
      [scene.otherOfficer, body, 403],
      [other.provinceOfficer, body, 403],
      [scene.provinceOfficer, { ...body, chairMemberId: other.chair.member.id }, 400],
      [scene.provinceOfficer, { ...body, closesAt: '2020-01-01T00:00:00Z' }, 400],
      [scene.chair.client, body, 403],
    ] as const;
    for (const [client, payload, status] of cases) {
      const reply = await expectNothingStored(t.handle, () =>
        send(
          'POST',
          '/api/council-sessions',
          { ...client.headers, 'idempotency-key': crypto.randomUUID() },
          payload,
        ),
      );
      expect(reply.statusCode, reply.body).toBe(status);
    }
  });

  it('answers a stale edit with 409 and changes nothing', async () => {
    const scene = await buildCouncilScene(t);
    const view = await openSession(t, scene, false);
    const send = sender(t);
    const edited = await send('PATCH', `/api/council-sessions/${view.id}`, scene.provinceOfficer.headers, {
      place: 'Phòng họp số 2',
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await auditOf('council_session.update', view.id)).toHaveLength(1);
    const stale = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/council-sessions/${view.id}`, scene.provinceOfficer.headers, {
        place: 'Khác',
        version: 1,
      }),
    );
    expect(stale.statusCode).toBe(409);
    const [row] = await t.handle.db.select().from(councilSessions).where(eq(councilSessions.id, view.id));
    expect(row?.place).toBe('Phòng họp số 2');
  });
});

describe('POST /api/council-sessions/:id/agenda and DELETE …/agenda/:nomineeId', () => {
  it('puts appraised nominees in council, recuses the member who is a nominee, and takes one back', async () => {
    const scene = await buildCouncilScene(t);
    const send = sender(t);
    const view = await openSession(t, scene, false);
    const candidates = await send(
      'GET',
      `/api/council-sessions/${view.id}/candidates`,
      scene.secretary.client.headers,
    );
    expect(
      candidates
        .json()
        .items.map((item: { nomineeId: string }) => item.nomineeId)
        .sort(),
    ).toEqual([...scene.nomineeIds].sort());
    const added = await send(
      'POST',
      `/api/council-sessions/${view.id}/agenda`,
      scene.secretary.client.headers,
      {
        version: 1,
        nomineeIds: scene.nomineeIds,
      },
    );
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ agendaCount: 2, version: 2 });
    for (const id of scene.nomineeIds) expect(await statusOf(id)).toBe('in_council');
    const moved = await t.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'nominee.to_council'));
    expect(moved.map((event) => event.after)).toContainEqual(
      expect.objectContaining({ nomineeIds: scene.nomineeIds, status: 'in_council' }),
    );
    const recusals = await t.handle.db
      .select()
      .from(councilRecusals)
      .where(eq(councilRecusals.sessionId, view.id));
    expect(recusals).toEqual([
      expect.objectContaining({
        memberId: scene.nomineeMember.member.id,
        nomineeId: scene.nomineeIds[0],
        reason: 'self',
      }),
    ]);
    expect(await auditOf('council_session.recusal', view.id)).toHaveLength(1);
    const agenda = await send(
      'GET',
      `/api/council-sessions/${view.id}/agenda`,
      scene.nomineeMember.client.headers,
    );
    expect(agenda.json().items.map((item: { myBallot: string }) => item.myBallot)).toEqual([
      'recused',
      'pending',
    ]);
    // Each item names its tờ trình, so the page links to the appraisal the council votes on.
    expect(agenda.json().items.map((item: { nominationId: string }) => item.nominationId)).toEqual([
      scene.nominationId,
      scene.nominationId,
    ]);

    const again = await expectNothingStored(t.handle, () =>
      send('POST', `/api/council-sessions/${view.id}/agenda`, scene.secretary.client.headers, {
        version: 2,
        nomineeIds: [scene.nomineeIds[0]],
      }),
    );
    expect(again.statusCode).toBe(409);
    const removed = await send(
      'DELETE',
      `/api/council-sessions/${view.id}/agenda/${scene.nomineeIds[1]}?version=2`,
      scene.secretary.client.headers,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await statusOf(scene.nomineeIds[1] as string)).toBe('appraised');
    expect(
      await t.handle.db.select().from(councilAgendaItems).where(eq(councilAgendaItems.sessionId, view.id)),
    ).toHaveLength(1);
    expect(await auditOf('nominee.from_council', scene.nomineeIds[1] as string)).toHaveLength(1);
  });

  it('refuses a plain member (403), another level’s nominees (403) and an officer out of scope (403)', async () => {
    const scene = await buildCouncilScene(t);
    const other = await buildCouncilScene(t);
    const send = sender(t);
    const view = await openSession(t, scene, false);
    const cases = [
      [scene.member.client, scene.nomineeIds],
      [scene.secretary.client, other.nomineeIds],
      [scene.otherOfficer, scene.nomineeIds],
    ] as const;
    for (const [client, nomineeIds] of cases) {
      const reply = await expectNothingStored(t.handle, () =>
        send('POST', `/api/council-sessions/${view.id}/agenda`, client.headers, { version: 1, nomineeIds }),
      );
      expect(reply.statusCode, reply.body).toBe(403);
    }
    expect(await statusOf(scene.nomineeIds[0] as string)).toBe('appraised');
  });
});

describe('PUT …/attendance/:memberId, POST …/recusals, PUT …/written-votes', () => {
  it('records attendance, a declared conflict and written votes, each audited; refuses too many written votes', async () => {
    const scene = await buildCouncilScene(t);
    const send = sender(t);
    const view = await openSession(t, scene);
    const seat = view.members.find((member) => member.memberId === scene.member.member.id);
    const absent = await send(
      'PUT',
      `/api/council-sessions/${view.id}/attendance/${scene.member.member.id}`,
      scene.secretary.client.headers,
      { attendance: 'absent_written', version: seat?.version },
    );
    expect(absent.statusCode, absent.body).toBe(200);
    const [event] = await auditOf('council_session.attendance', view.id);
    expect(event?.after).toMatchObject({ attendance: 'absent_written' });
    const stale = await expectNothingStored(t.handle, () =>
      send(
        'PUT',
        `/api/council-sessions/${view.id}/attendance/${scene.member.member.id}`,
        scene.secretary.client.headers,
        {
          attendance: 'absent',
          version: seat?.version,
        },
      ),
    );
    expect(stale.statusCode).toBe(409);

    const conflict = await send(
      'POST',
      `/api/council-sessions/${view.id}/recusals`,
      scene.chair.client.headers,
      {
        memberId: scene.chair.member.id,
        nomineeId: scene.nomineeIds[1],
        note: 'Người được đề nghị là người thân',
      },
    );
    expect(conflict.statusCode, conflict.body).toBe(200);
    const [declared] = await auditOf('council_session.recusal', view.id).then((rows) =>
      rows.filter((row) => (row.after as { reason?: string }).reason === 'conflict'),
    );
    expect(declared?.after).toMatchObject({
      memberId: scene.chair.member.id,
      note: 'Người được đề nghị là người thân',
    });
    const forOther = await expectNothingStored(t.handle, () =>
      send('POST', `/api/council-sessions/${view.id}/recusals`, scene.member.client.headers, {
        memberId: scene.chair.member.id,
        nomineeId: scene.nomineeIds[0],
        note: 'Không phải của mình',
      }),
    );
    expect(forOther.statusCode).toBe(403);

    const agenda = await send(
      'GET',
      `/api/council-sessions/${view.id}/agenda`,
      scene.secretary.client.headers,
    );
    const item = agenda.json().items[1];
    const written = await send(
      'PUT',
      `/api/council-sessions/${view.id}/agenda/${scene.nomineeIds[1]}/written-votes`,
      scene.secretary.client.headers,
      { agree: 1, disagree: 0, version: item.version },
    );
    expect(written.statusCode, written.body).toBe(200);
    const [wrote] = await auditOf('council_session.written_votes', view.id);
    expect(wrote?.after).toMatchObject({ agree: 1, disagree: 0 });
    const tooMany = await expectNothingStored(t.handle, () =>
      send(
        'PUT',
        `/api/council-sessions/${view.id}/agenda/${scene.nomineeIds[1]}/written-votes`,
        scene.secretary.client.headers,
        {
          agree: 2,
          disagree: 0,
          version: item.version + 1,
        },
      ),
    );
    expect(tooMany.statusCode).toBe(400);
    const majority = await expectNothingStored(t.handle, () =>
      send(
        'PUT',
        `/api/council-sessions/${view.id}/agenda/${scene.nomineeIds[0]}/written-votes`,
        scene.secretary.client.headers,
        {
          agree: 1,
          disagree: 0,
          version: agenda.json().items[0].version,
        },
      ),
    );
    expect(majority.statusCode).toBe(409);
    const staff = await signInAs(t, 'staff', scene.other.id);
    const hidden = await send('GET', `/api/council-sessions/${view.id}`, staff.headers);
    expect(hidden.statusCode).toBe(403);
  });
});
