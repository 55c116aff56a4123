import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#server/platform/audit/audit.ts';
import { auditEvents, nominations, nominees, notifications } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { markNomineesDecided, markNomineesDeclined } from '../index.ts';
import { buildNominationScene } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const stored = async (id: string) =>
  (await t.handle.db.select().from(nominations).where(eq(nominations.id, id)))[0];
const nomineeStatuses = async (id: string) =>
  (await t.handle.db.select().from(nominees).where(eq(nominees.nominationId, id))).map((row) => row.status);
const noticesOf = (userId: string, entityId: string) =>
  t.handle.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.entityId, entityId)));

async function drafted() {
  const scene = await buildNominationScene(t);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/nominations',
    headers: scene.communeOfficer.headers,
    payload: scene.draft(),
  });
  return { ...scene, id: created.json().id as string };
}
const post = (
  scene: Awaited<ReturnType<typeof drafted>>,
  who: 'commune' | 'province' | 'other',
  move: string,
  payload: object,
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/nominations/${scene.id}/${move}`,
    headers: (who === 'commune'
      ? scene.communeOfficer
      : who === 'province'
        ? scene.provinceOfficer
        : scene.otherOfficer
    ).headers,
    payload,
  });

describe('POST /api/nominations/:id/submit, /return, /receive', () => {
  it('submits, returns with a reason, resubmits and receives; each move audited and notified', async () => {
    const scene = await drafted();
    const submitted = await post(scene, 'commune', 'submit', { version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 2, actions: [] });
    const row = await stored(scene.id);
    expect(row?.status).toBe('submitted');
    expect(row?.returnDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await nomineeStatuses(scene.id)).toEqual(['submitted', 'submitted']);
    expect(await auditOf('nomination.submit', scene.id)).toHaveLength(1);
    expect(await noticesOf(scene.provinceOfficer.user.id, scene.id)).toHaveLength(1);

    const asProvince = await t.app.inject({
      url: `/api/nominations/${scene.id}`,
      headers: scene.provinceOfficer.headers,
    });
    expect(asProvince.json().actions).toEqual(['receive', 'return']);
    const todo = await t.app.inject({ url: '/api/todo', headers: scene.provinceOfficer.headers });
    expect(todo.json().items).toContainEqual(
      expect.objectContaining({
        kind: 'nomination_receive',
        dueOn: row?.returnDue,
        link: `/khen-thuong/to-trinh/${scene.id}`,
      }),
    );

    const returned = await post(scene, 'province', 'return', {
      version: 2,
      reason: 'Thiếu biên bản bình xét.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: 'Thiếu biên bản bình xét.' });
    const [event] = await auditOf('nomination.return', scene.id);
    expect(event?.reason).toBe('Thiếu biên bản bình xét.');
    expect(await noticesOf(scene.communeOfficer.user.id, scene.id)).toHaveLength(1);
    const fix = await t.app.inject({ url: '/api/todo', headers: scene.communeOfficer.headers });
    expect(fix.json().items).toContainEqual(
      expect.objectContaining({ kind: 'nomination_fix', detail: expect.stringContaining('Thiếu biên bản') }),
    );

    const again = await post(scene, 'commune', 'submit', { version: 3 });
    expect(again.json()).toMatchObject({ status: 'submitted', returnReason: null, version: 4 });
    const received = await post(scene, 'province', 'receive', { version: 4 });
    expect(received.statusCode, received.body).toBe(200);
    expect(await nomineeStatuses(scene.id)).toEqual(['received', 'received']);
    expect(await auditOf('nomination.receive', scene.id)).toHaveLength(1);
  });

  it('answers a double submit with 409 and changes nothing', async () => {
    const scene = await drafted();
    await post(scene, 'commune', 'submit', { version: 1 });
    const before = await stored(scene.id);
    for (const version of [1, 2]) {
      const twice = await expectNothingStored(t.handle, () => post(scene, 'commune', 'submit', { version }));
      expect(twice.statusCode).toBe(409);
    }
    expect(await stored(scene.id)).toEqual(before);
    expect(await auditOf('nomination.submit', scene.id)).toHaveLength(1);
  });

  it('refuses a return without a reason (400), a receive of a draft (409), and another province (403)', async () => {
    const scene = await drafted();
    const draftReceive = await expectNothingStored(t.handle, () =>
      post(scene, 'province', 'receive', { version: 1 }),
    );
    expect(draftReceive.statusCode).toBe(409);
    expect(draftReceive.json().message).toContain('tiếp nhận');
    await post(scene, 'commune', 'submit', { version: 1 });
    const noReason = await expectNothingStored(t.handle, () =>
      post(scene, 'province', 'return', { version: 2, reason: '' }),
    );
    expect(noReason.statusCode).toBe(400);
    const stranger = await expectNothingStored(t.handle, () =>
      post(scene, 'other', 'receive', { version: 2 }),
    );
    expect(stranger.statusCode).toBe(403);
    const ownReceive = await expectNothingStored(t.handle, () =>
      post(scene, 'commune', 'receive', { version: 2 }),
    );
    expect(ownReceive.statusCode).toBe(403);
    expect((await stored(scene.id))?.status).toBe('submitted');
  });
});

describe('markNomineesDecided / markNomineesDeclined', () => {
  it('moves received nominees to decided or declined inside the caller’s transaction, audited', async () => {
    const scene = await drafted();
    await post(scene, 'commune', 'submit', { version: 1 });
    await post(scene, 'province', 'receive', { version: 2 });
    const rows = await t.handle.db.select().from(nominees).where(eq(nominees.nominationId, scene.id));
    const [first, second] = rows;
    if (!first || !second) throw new Error('no nominees');
    const decisionId = crypto.randomUUID();
    await t.handle.db.transaction(async (tx) => {
      await markNomineesDecided(tx, [first.id], decisionId, systemActor('decisions'));
      await markNomineesDeclined(tx, [second.id], decisionId, systemActor('decisions'));
    });
    const after = await t.handle.db.select().from(nominees).where(eq(nominees.nominationId, scene.id));
    expect(after.find((row) => row.id === first.id)).toMatchObject({ status: 'decided', decisionId });
    expect(after.find((row) => row.id === second.id)).toMatchObject({ status: 'declined', decisionId });
    expect(await auditOf('nominee.decide', first.id)).toHaveLength(1);
    expect(await auditOf('nominee.decline', second.id)).toHaveLength(1);
    await expect(
      t.handle.db.transaction((tx) =>
        markNomineesDecided(tx, [first.id], decisionId, systemActor('decisions')),
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
