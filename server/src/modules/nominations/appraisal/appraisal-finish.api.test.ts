import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, nominations, nominees, notifications } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildReceivedNomination } from './appraisal-test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

type Scene = Awaited<ReturnType<typeof buildReceivedNomination>>;
const finish = (scene: Scene, headers: Record<string, string>, version: number) =>
  t.app.inject({
    method: 'POST',
    url: `/api/nominations/${scene.id}/appraise`,
    headers,
    payload: { version },
  });
const save = (scene: Scene, index: number, payload: object) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/nominees/${scene.nomineeIds[index]}/appraisal`,
    headers: scene.provinceOfficer.headers,
    payload,
  });
const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const statuses = async (id: string) =>
  (await t.handle.db.select().from(nominees).where(eq(nominees.nominationId, id)))
    .sort((a, b) => a.position - b.position)
    .map((row) => row.status);
const stored = async (id: string) =>
  (await t.handle.db.select().from(nominations).where(eq(nominations.id, id)))[0];

describe('POST /api/nominations/:id/appraise', () => {
  it('moves agreed nominees to appraised and the others to declined with the reason, audited and notified', async () => {
    const scene = await buildReceivedNomination(t);
    await save(scene, 0, { opinion: 'Đủ điều kiện.', proposal: 'agree' });
    await save(scene, 1, { opinion: 'Chưa đủ 2 năm hoàn thành xuất sắc.', proposal: 'disagree' });
    const done = await finish(scene, scene.provinceOfficer.headers, scene.version);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'appraised', actions: [] });
    expect(await statuses(scene.id)).toEqual(['appraised', 'declined']);
    expect((await stored(scene.id))?.status).toBe('appraised');

    const [event] = await auditOf('nomination.appraise', scene.id);
    expect(event?.after).toMatchObject({ status: 'appraised', declined: [scene.nomineeIds[1]] });
    expect(await auditOf('nominee.appraise', scene.nomineeIds[0] ?? '')).toHaveLength(1);
    const [declined] = await auditOf('nominee.appraise_decline', scene.nomineeIds[1] ?? '');
    expect(declined?.reason).toBe('Chưa đủ 2 năm hoàn thành xuất sắc.');
    const notices = await t.handle.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, scene.communeOfficer.user.id), eq(notifications.entityId, scene.id)),
      );
    expect(notices.map((notice) => notice.kind)).toContain('nomination_appraised');
    const todo = await t.app.inject({ url: '/api/todo', headers: scene.provinceOfficer.headers });
    expect(
      todo.json().items.some((item: { link: string }) => item.link.includes(`${scene.id}/tham-dinh`)),
    ).toBe(false);

    const twice = await expectNothingStored(t.handle, () =>
      finish(scene, scene.provinceOfficer.headers, (done.json() as { version: number }).version),
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('thẩm định');
    const lateSave = await expectNothingStored(t.handle, () =>
      save(scene, 0, { opinion: 'Sửa.', proposal: 'agree', version: 1 }),
    );
    expect(lateSave.statusCode).toBe(409);
  });

  it('declines the whole tờ trình when no nominee is agreed', async () => {
    const scene = await buildReceivedNomination(t);
    await save(scene, 0, { opinion: 'Không đủ.', proposal: 'disagree' });
    await save(scene, 1, { opinion: 'Không đủ.', proposal: 'disagree' });
    const done = await finish(scene, scene.provinceOfficer.headers, scene.version);
    expect(done.json()).toMatchObject({ status: 'declined' });
    expect(await statuses(scene.id)).toEqual(['declined', 'declined']);
  });

  it('refuses missing opinions, a stale version (409), the commune and another province (403), storing nothing', async () => {
    const scene = await buildReceivedNomination(t);
    await save(scene, 0, { opinion: 'Đủ.', proposal: 'agree' });
    const missing = await expectNothingStored(t.handle, () =>
      finish(scene, scene.provinceOfficer.headers, scene.version),
    );
    expect(missing.statusCode).toBe(409);
    expect(missing.json().message).toContain('Còn 1 đối tượng');
    await save(scene, 1, { opinion: 'Đủ.', proposal: 'agree' });
    const stale = await expectNothingStored(t.handle, () =>
      finish(scene, scene.provinceOfficer.headers, scene.version - 1),
    );
    expect(stale.statusCode).toBe(409);
    for (const who of [scene.communeOfficer, scene.otherOfficer]) {
      const refused = await expectNothingStored(t.handle, () => finish(scene, who.headers, scene.version));
      expect(refused.statusCode).toBe(403);
    }
    expect(await statuses(scene.id)).toEqual(['received', 'received']);
    expect(await auditOf('nomination.appraise', scene.id)).toEqual([]);
  });

  it('refuses a tờ trình not yet received with 409, storing nothing', async () => {
    const scene = await buildReceivedNomination(t, false);
    const early = await expectNothingStored(t.handle, () =>
      finish(scene, scene.provinceOfficer.headers, scene.version),
    );
    expect(early.statusCode).toBe(409);
    expect(await statuses(scene.id)).toEqual(['submitted', 'submitted']);
  });
});
