import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  ballotCounts,
  ballotReceipts,
  councilAgendaItems,
  councilSessions,
  nominees,
} from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { councilResults } from '../index.ts';
import { buildCouncilScene, type CouncilScene, openSession, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const vote = (
  scene: CouncilScene,
  who: keyof Pick<CouncilScene, 'chair' | 'secretary' | 'member' | 'nomineeMember'>,
  id: string,
  choices: [number, 'agree' | 'disagree'][],
) =>
  sender(t)('POST', `/api/council-sessions/${id}/ballots`, scene[who].client.headers, {
    choices: choices.map(([index, choice]) => ({ nomineeId: scene.nomineeIds[index], choice })),
  });
const counters = async (sessionId: string) =>
  t.handle.db
    .select({
      nomineeId: councilAgendaItems.nomineeId,
      agree: ballotCounts.agree,
      disagree: ballotCounts.disagree,
    })
    .from(ballotCounts)
    .innerJoin(councilAgendaItems, eq(councilAgendaItems.id, ballotCounts.agendaItemId))
    .where(eq(councilAgendaItems.sessionId, sessionId));

describe('POST /api/council-sessions/:id/ballots', () => {
  it('stores a receipt and a counter per nominee, never the voter with the choice; the audit has no choice', async () => {
    const scene = await buildCouncilScene(t);
    const view = await openSession(t, scene);
    const reply = await vote(scene, 'member', view.id, [
      [0, 'disagree'],
      [1, 'agree'],
    ]);
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toEqual({ voted: 2 });
    const receipts = await t.handle.db
      .select()
      .from(ballotReceipts)
      .where(eq(ballotReceipts.sessionId, view.id));
    expect(receipts).toHaveLength(2);
    expect(Object.keys(receipts[0] ?? {}).sort()).toEqual(['memberId', 'nomineeId', 'sessionId']);
    const counts = await counters(view.id);
    expect(counts).toContainEqual({ nomineeId: scene.nomineeIds[0], agree: 0, disagree: 1 });
    expect(counts).toContainEqual({ nomineeId: scene.nomineeIds[1], agree: 1, disagree: 0 });
    const [event] = await auditOf('council_session.vote', view.id);
    expect(event?.after).toMatchObject({ memberId: scene.member.member.id, count: 2 });
    expect(JSON.stringify(event)).not.toMatch(/agree|disagree|choice/);
    const page = await sender(t)('GET', `/api/council-sessions/${view.id}`, scene.secretary.client.headers);
    expect(
      page.json().members.find((m: { memberId: string }) => m.memberId === scene.member.member.id).votedCount,
    ).toBe(2);
    expect(JSON.stringify(page.json())).not.toMatch(/"agree"|disagree/);
  });

  it('refuses a second vote by the same member on a nominee with 409 and stores nothing', async () => {
    const scene = await buildCouncilScene(t);
    const view = await openSession(t, scene);
    expect((await vote(scene, 'member', view.id, [[1, 'agree']])).statusCode).toBe(200);
    const before = await counters(view.id);
    for (const choices of [
      [[1, 'disagree']],
      [
        [0, 'agree'],
        [1, 'agree'],
      ],
    ] as [number, 'agree' | 'disagree'][][]) {
      const again = await expectNothingStored(t.handle, () => vote(scene, 'member', view.id, choices));
      expect(again.statusCode, again.body).toBe(409);
    }
    expect(await counters(view.id)).toEqual(before);
    expect(await auditOf('council_session.vote', view.id)).toHaveLength(1);
  });

  it('refuses a non-member (403), an officer (403), a recused member (403) and an absent member (403)', async () => {
    const scene = await buildCouncilScene(t);
    const other = await buildCouncilScene(t);
    const view = await openSession(t, scene);
    const send = sender(t);
    const choices = { choices: [{ nomineeId: scene.nomineeIds[1], choice: 'agree' }] };
    for (const client of [other.member.client, scene.provinceOfficer, scene.otherOfficer]) {
      const reply = await expectNothingStored(t.handle, () =>
        send('POST', `/api/council-sessions/${view.id}/ballots`, client.headers, choices),
      );
      expect(reply.statusCode, reply.body).toBe(403);
    }
    const recused = await expectNothingStored(t.handle, () =>
      vote(scene, 'nomineeMember', view.id, [[0, 'agree']]),
    );
    expect(recused.statusCode).toBe(403);
    expect(recused.json().message).toContain('không tham gia biểu quyết');
    const seat = view.members.find((member) => member.memberId === scene.member.member.id);
    await send(
      'PUT',
      `/api/council-sessions/${view.id}/attendance/${scene.member.member.id}`,
      scene.secretary.client.headers,
      {
        attendance: 'absent',
        version: seat?.version,
      },
    );
    const absent = await expectNothingStored(t.handle, () => vote(scene, 'member', view.id, [[1, 'agree']]));
    expect(absent.statusCode).toBe(403);
    expect(
      await t.handle.db.select().from(ballotReceipts).where(eq(ballotReceipts.sessionId, view.id)),
    ).toEqual([]);
  });

  it('refuses a vote after the chair closed the session (409), and closes a session whose time has passed', async () => {
    const scene = await buildCouncilScene(t);
    const view = await openSession(t, scene);
    const send = sender(t);
    const closed = await send('POST', `/api/council-sessions/${view.id}/close`, scene.chair.client.headers, {
      version: view.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const late = await expectNothingStored(t.handle, () => vote(scene, 'member', view.id, [[1, 'agree']]));
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('đã kết thúc');

    const timed = await buildCouncilScene(t);
    const second = await openSession(t, timed);
    await t.handle.db
      .update(councilSessions)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(councilSessions.id, second.id));
    const after = await sender(t)(
      'POST',
      `/api/council-sessions/${second.id}/ballots`,
      timed.member.client.headers,
      {
        choices: [{ nomineeId: timed.nomineeIds[1], choice: 'agree' }],
      },
    );
    expect(after.statusCode).toBe(409);
    const [row] = await t.handle.db.select().from(councilSessions).where(eq(councilSessions.id, second.id));
    expect(row?.status).toBe('closed');
    const [event] = await auditOf('council_session.close', second.id);
    expect(event).toMatchObject({ actorUsername: 'council-sessions', reason: 'Hết thời gian bỏ phiếu' });
    expect(
      await t.handle.db.select().from(ballotReceipts).where(eq(ballotReceipts.sessionId, second.id)),
    ).toEqual([]);
  });
});

describe('POST /api/council-sessions/:id/close and GET …/minutes', () => {
  it('tallies by the award’s rule: passed stays in council, failed is declined with the reason; minutes as DOCX', async () => {
    const scene = await buildCouncilScene(t);
    const view = await openSession(t, scene);
    // Nominee 0 (Bằng khen, majority of those taking part; its member recused): 2 of 3 agree → passed.
    // Nominee 1 (CSTĐ tỉnh, ≥ 90 % of all 4 members): 3 of 4 agree → failed.
    for (const [who, choices] of [
      [
        'chair',
        [
          [0, 'agree'],
          [1, 'agree'],
        ],
      ],
      [
        'secretary',
        [
          [0, 'agree'],
          [1, 'agree'],
        ],
      ],
      [
        'member',
        [
          [0, 'disagree'],
          [1, 'agree'],
        ],
      ],
      ['nomineeMember', [[1, 'disagree']]],
    ] as const) {
      const reply = await vote(scene, who, view.id, choices as unknown as [number, 'agree' | 'disagree'][]);
      expect(reply.statusCode, reply.body).toBe(200);
    }
    const send = sender(t);
    const refused = await expectNothingStored(t.handle, () =>
      send('POST', `/api/council-sessions/${view.id}/close`, scene.member.client.headers, {
        version: view.version,
      }),
    );
    expect(refused.statusCode).toBe(403);
    const early = await send(
      'GET',
      `/api/council-sessions/${view.id}/minutes`,
      scene.secretary.client.headers,
    );
    expect(early.statusCode).toBe(409);
    const closed = await send('POST', `/api/council-sessions/${view.id}/close`, scene.chair.client.headers, {
      version: view.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', actions: [] });
    const [event] = await auditOf('council_session.close', view.id);
    expect(event?.after).toMatchObject({ passed: 1, failed: 1, noQuorum: 0 });

    const rows = await t.handle.db
      .select()
      .from(nominees)
      .where(eq(nominees.nominationId, scene.nominationId));
    expect(rows.find((row) => row.id === scene.nomineeIds[0])?.status).toBe('in_council');
    expect(rows.find((row) => row.id === scene.nomineeIds[1])?.status).toBe('declined');
    const declined = await auditOf('nominee.decline', scene.nomineeIds[1] as string);
    expect(declined[0]?.reason).toContain('Không đạt tỷ lệ phiếu đồng ý');

    const results = await councilResults(t.handle.db, scene.nomineeIds);
    expect(results.get(scene.nomineeIds[0] as string)).toMatchObject({
      result: 'passed',
      tally: { agree: 2, disagree: 1, denominator: 3 },
    });
    expect(results.get(scene.nomineeIds[1] as string)?.tally).toMatchObject({
      result: 'failed',
      agree: 3,
      denominator: 4,
      thresholdPercent: 90,
      article: expect.stringContaining('Điều 30'),
    });
    const agenda = await send('GET', `/api/council-sessions/${view.id}/agenda`, scene.member.client.headers);
    expect(agenda.json().items.map((item: { tally: { result: string } }) => item.tally.result)).toEqual([
      'passed',
      'failed',
    ]);

    const minutes = await send(
      'GET',
      `/api/council-sessions/${view.id}/minutes`,
      scene.member.client.headers,
    );
    expect(minutes.statusCode).toBe(200);
    expect(minutes.headers['content-type']).toContain('wordprocessingml');
    expect(minutes.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(minutes.rawPayload)).file('word/document.xml')?.async('string');
    expect(xml).toContain('BIÊN BẢN');
    expect(xml).toContain('KẾT QUẢ BỎ PHIẾU');
    expect(xml).toContain('3/4 (75%)');
    const stranger = await send(
      'GET',
      `/api/council-sessions/${view.id}/minutes`,
      scene.otherOfficer.headers,
    );
    expect(stranger.statusCode).toBe(403);
  });
});

describe('the ballot tables', () => {
  it('hold no voter id next to a choice: receipts have no choice, counters no voter, neither a time', async () => {
    const columns = async (table: string) =>
      (
        await t.handle.query<{ name: string }>(
          `select column_name as name from information_schema.columns where table_name = '${table}' and table_schema = current_schema() order by column_name`,
        )
      ).map((row) => row.name);
    expect(await columns('ballot_receipts')).toEqual(['member_id', 'nominee_id', 'session_id']);
    expect(await columns('ballot_counts')).toEqual(['agenda_item_id', 'agree', 'disagree']);
    const everyColumn = await t.handle.query<{ table: string; name: string }>(
      `select table_name as table, column_name as name from information_schema.columns where table_schema = current_schema()`,
    );
    const withChoice = new Set(
      everyColumn.filter((row) => /agree|choice/.test(row.name)).map((row) => row.table),
    );
    const withVoter = new Set(
      everyColumn.filter((row) => /member_id|user_id|voter/.test(row.name)).map((row) => row.table),
    );
    // The agenda item's written counts are the secretary's record, not anyone's ballot.
    expect(
      [...withChoice].filter((table) => withVoter.has(table) && table !== 'council_agenda_items'),
    ).toEqual([]);
  });
});

describe('GET /api/todo', () => {
  it('lists a pending ballot for a member until they voted, and the close for the secretary', async () => {
    const scene = await buildCouncilScene(t);
    const view = await openSession(t, scene);
    const todo = async (client: { headers: Record<string, string> }) =>
      (await sender(t)('GET', '/api/todo', client.headers)).json().items as { kind: string; link: string }[];
    expect(await todo(scene.member.client)).toContainEqual(
      expect.objectContaining({
        kind: 'ballot_pending',
        link: `/khen-thuong/phien-hop/${view.id}/phieu-bau`,
      }),
    );
    expect(await todo(scene.secretary.client)).toContainEqual(
      expect.objectContaining({ kind: 'session_close', link: `/khen-thuong/phien-hop/${view.id}` }),
    );
    await vote(scene, 'member', view.id, [
      [0, 'agree'],
      [1, 'agree'],
    ]);
    expect((await todo(scene.member.client)).filter((item) => item.kind === 'ballot_pending')).toEqual([]);
    // Recused from nominee 0, the nominee's member has only nominee 1 left.
    await vote(scene, 'nomineeMember', view.id, [[1, 'agree']]);
    expect((await todo(scene.nomineeMember.client)).filter((item) => item.kind === 'ballot_pending')).toEqual(
      [],
    );
  });
});
