import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications, roundReminders } from '#server/platform/db/schema.ts';
import type { Mailer, MailMessage } from '#server/platform/mail/mailer.ts';
import {
  buildPerson,
  buildUnit,
  buildUser,
  signIn,
  signInAs,
} from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { vietnamToday } from '../working-days/vietnam-date.ts';
import { createRoundReminders } from './round-reminders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const day = (offset: number, from = vietnamToday()) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

/** A province round (deadline in 20 days) over two districts; a commune under the first. */
async function buildScene() {
  const db = t.handle.db;
  const province = await buildUnit(db, { name: 'Tỉnh Hạn Nộp' });
  const first = await buildUnit(db, { parentId: province.id, name: 'Huyện Hạn A' });
  const second = await buildUnit(db, { parentId: province.id, name: 'Huyện Hạn B' });
  const commune = await buildUnit(db, { parentId: first.id, name: 'Xã Hạn A' });
  const provinceOfficer = await signInAs(t, 'tdkt_officer', province.id);
  const firstOfficer = await signInAs(t, 'tdkt_officer', first.id);
  const secondEmail = `canbo.${second.id.slice(0, 8)}@huyenb.gov.vn`;
  const secondUser = await buildUser(db, { role: 'tdkt_officer', unitId: second.id, email: secondEmail });
  const secondOfficer = await signIn(t, secondUser.username);
  const communeOfficer = await signInAs(t, 'tdkt_officer', commune.id);
  const round = await t.app.inject({
    method: 'POST',
    url: '/api/award-rounds',
    headers: provinceOfficer.headers,
    payload: {
      kind: 'annual',
      title: 'Khen thưởng năm',
      year: 2026,
      receivingUnitId: province.id,
      deadline: day(20),
    },
  });
  return {
    province,
    first,
    second,
    commune,
    provinceOfficer,
    firstOfficer,
    secondOfficer,
    secondUser,
    secondEmail,
    communeOfficer,
    roundId: round.json().id as string,
  };
}
type Scene = Awaited<ReturnType<typeof buildScene>>;

const units = (scene: Scene, headers: Record<string, string>, query = '') =>
  t.app.inject({ url: `/api/award-rounds/${scene.roundId}/units${query}`, headers });
const setDeadline = (scene: Scene, headers: Record<string, string>, unitId: string, payload: object) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/award-rounds/${scene.roundId}/units/${unitId}/deadline`,
    headers,
    payload,
  });
const noticesOf = (userId: string, kind: string) =>
  t.handle.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), like(notifications.kind, kind)));

async function submitFromCommune(scene: Scene) {
  const person = await buildPerson(t.handle.db, { unitId: scene.commune.id });
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/nominations',
    headers: scene.communeOfficer.headers,
    payload: {
      roundId: scene.roundId,
      proposingUnitId: scene.commune.id,
      title: 'Tờ trình của xã',
      nominees: [
        {
          subject: 'individual',
          personId: person.id,
          awardCode: 'GIAY_KHEN',
          rewardType: 'thuong_xuyen',
          periodFrom: 2025,
          periodTo: 2025,
        },
      ],
    },
  });
  await t.app.inject({
    method: 'POST',
    url: `/api/nominations/${created.json().id}/submit`,
    headers: scene.communeOfficer.headers,
    payload: { version: 1 },
  });
}

describe('GET /api/award-rounds/:id/units and PUT …/units/:unitId/deadline', () => {
  it('lists the lower units paged with their status, sets, changes and removes an own deadline', async () => {
    const scene = await buildScene();
    const page = await units(scene, scene.provinceOfficer.headers, '?limit=1');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({
      items: [
        {
          unit: { name: 'Huyện Hạn A' },
          deadline: day(20),
          ownDeadline: null,
          version: null,
          status: 'pending',
        },
      ],
      total: { value: 2 },
    });
    const next = await units(scene, scene.provinceOfficer.headers, `?limit=1&after=${page.json().next}`);
    expect(next.json().items.map((row: { unit: { name: string } }) => row.unit.name)).toEqual([
      'Huyện Hạn B',
    ]);

    const set = await setDeadline(scene, scene.provinceOfficer.headers, scene.second.id, {
      deadline: day(-1),
      version: null,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      deadline: day(-1),
      ownDeadline: day(-1),
      version: 1,
      status: 'overdue',
    });
    const [event] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'round.unit_deadline'), eq(auditEvents.entityId, scene.roundId)));
    expect(event?.after).toMatchObject({ unitId: scene.second.id, deadline: day(-1) });
    expect(await noticesOf(scene.secondUser.id, 'round_deadline')).toHaveLength(1);

    const stale = await expectNothingStored(t.handle, () =>
      setDeadline(scene, scene.provinceOfficer.headers, scene.second.id, { deadline: day(5), version: null }),
    );
    expect(stale.statusCode).toBe(409);
    const changed = await setDeadline(scene, scene.provinceOfficer.headers, scene.second.id, {
      deadline: day(5),
      version: 1,
    });
    expect(changed.json()).toMatchObject({ ownDeadline: day(5), version: 2, status: 'pending' });
    const staleVersion = await expectNothingStored(t.handle, () =>
      setDeadline(scene, scene.provinceOfficer.headers, scene.second.id, { deadline: day(6), version: 1 }),
    );
    expect(staleVersion.statusCode).toBe(409);
    expect(staleVersion.json()).toMatchObject({ code: 'VERSION_CONFLICT' });

    // Only the direct lower units, and only by the receiving level.
    const notDirect = await expectNothingStored(t.handle, () =>
      setDeadline(scene, scene.provinceOfficer.headers, scene.commune.id, {
        deadline: day(5),
        version: null,
      }),
    );
    expect(notDirect.statusCode).toBe(400);
    const lower = await expectNothingStored(t.handle, () =>
      setDeadline(scene, scene.firstOfficer.headers, scene.first.id, { deadline: day(30), version: null }),
    );
    expect(lower.statusCode).toBe(403);
    // A lower unit sees its own row only.
    const own = await units(scene, scene.firstOfficer.headers);
    expect(own.json().items.map((row: { unit: { id: string } }) => row.unit.id)).toEqual([scene.first.id]);

    const removed = await setDeadline(scene, scene.provinceOfficer.headers, scene.second.id, {
      deadline: null,
      version: 2,
    });
    expect(removed.json()).toMatchObject({ ownDeadline: null, version: null, deadline: day(20) });
  });

  it('shows a unit as sent once a tờ trình of its subtree is submitted, and its own deadline on the to-do list', async () => {
    const scene = await buildScene();
    await setDeadline(scene, scene.provinceOfficer.headers, scene.second.id, {
      deadline: day(4),
      version: null,
    });
    const before = await t.app.inject({ url: '/api/todo', headers: scene.firstOfficer.headers });
    expect(before.json().items).toContainEqual(
      expect.objectContaining({
        kind: 'nomination_send',
        dueOn: day(20),
        link: `/khen-thuong/dot/${scene.roundId}`,
      }),
    );
    await submitFromCommune(scene);
    const list = await units(scene, scene.provinceOfficer.headers);
    expect(list.json().items).toMatchObject([
      { unit: { id: scene.first.id }, status: 'submitted', submittedAt: expect.any(String) },
      { unit: { id: scene.second.id }, status: 'pending', deadline: day(4) },
    ]);
    const after = await t.app.inject({ url: '/api/todo', headers: scene.firstOfficer.headers });
    expect(
      after.json().items.filter((item: { kind: string }) => item.kind === 'nomination_send'),
    ).toHaveLength(0);
    const second = await t.app.inject({ url: '/api/todo', headers: scene.secondOfficer.headers });
    expect(second.json().items).toContainEqual(
      expect.objectContaining({
        kind: 'nomination_send',
        dueOn: day(4),
        detail: expect.stringContaining('hạn riêng'),
      }),
    );
  });
});

describe('createRoundReminders', () => {
  it('reminds units still to send before and after their deadline, once each, e-mailing when configured', async () => {
    const scene = await buildScene();
    await submitFromCommune(scene);
    const deadline = day(4);
    await setDeadline(scene, scene.provinceOfficer.headers, scene.second.id, { deadline, version: null });
    const sent: MailMessage[] = [];
    const mailer: Mailer = {
      isConfigured: true,
      sendMail: async (message) => {
        sent.push(message);
      },
      close: () => {},
    };
    await createRoundReminders(t.handle.db, day(-10, deadline), { mailer });
    expect(await noticesOf(scene.secondUser.id, 'reminder.round%')).toHaveLength(0);

    await createRoundReminders(t.handle.db, deadline, { mailer });
    await createRoundReminders(t.handle.db, deadline, { mailer });
    const soon = await noticesOf(scene.secondUser.id, 'reminder.round%');
    expect(soon).toMatchObject([
      { kind: 'reminder.round_due_soon', link: `/khen-thuong/dot/${scene.roundId}` },
    ]);
    expect(sent.filter((mail) => mail.to.address === scene.secondEmail)).toHaveLength(1);
    // The unit that has sent is not reminded.
    expect(await noticesOf(scene.firstOfficer.user.id, 'reminder.round%')).toHaveLength(0);

    await createRoundReminders(t.handle.db, day(1, deadline), { mailer });
    await createRoundReminders(t.handle.db, day(2, deadline), { mailer });
    expect(
      (await noticesOf(scene.secondUser.id, 'reminder.round%')).map((notice) => notice.kind).sort(),
    ).toEqual(['reminder.round_due_soon', 'reminder.round_overdue']);
    const stored = await t.handle.db
      .select()
      .from(roundReminders)
      .where(eq(roundReminders.unitId, scene.second.id));
    expect(stored.map((row) => row.kind).sort()).toEqual(['due_soon', 'overdue']);
  });
});
