import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { exemplarStageMoves, exemplars } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { listPublishedExemplars } from '../exemplars.repo.ts';
import { auditOf, buildExemplarScene, proposeExemplar, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const stored = async (id: string) =>
  (await t.handle.db.select().from(exemplars).where(eq(exemplars.id, id)))[0];
const todosOf = async (client: Parameters<ReturnType<typeof sender>>[2]) =>
  ((await sender(t)('GET', '/api/todo', client)).json().items as { kind: string; link: string }[]).filter(
    (item) => item.kind === 'exemplar_confirm',
  );

describe('POST /api/exemplars/:id/confirm, /return and /propose', () => {
  it('lets the level above confirm; the proposing unit and outsiders may not; the to-do goes away', async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    const view = await proposeExemplar(t, scene);
    expect((await todosOf(scene.districtOfficer)).map((item) => item.link)).toContain(
      `/dien-hinh/${view.id}`,
    );
    expect(await todosOf(scene.communeOfficer)).toEqual([]);
    for (const [client, status] of [
      [scene.communeOfficer, 403],
      [scene.otherOfficer, 403],
      [scene.districtStaff, 403],
    ] as const) {
      const refused = await expectNothingStored(t.handle, () =>
        send('POST', `/api/exemplars/${view.id}/confirm`, client, { version: view.version }),
      );
      expect(refused.statusCode, refused.body).toBe(status);
    }
    const confirmed = await send('POST', `/api/exemplars/${view.id}/confirm`, scene.provinceOfficer, {
      version: view.version,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', version: 2 });
    expect((await stored(view.id))?.confirmedAt).not.toBeNull();
    const [event] = await auditOf(t, 'exemplar.confirm', view.id);
    expect(event?.after).toEqual({ status: 'confirmed' });
    expect(await todosOf(scene.districtOfficer)).toEqual([]);
    const twice = await expectNothingStored(t.handle, () =>
      send('POST', `/api/exemplars/${view.id}/confirm`, scene.districtOfficer, { version: 2 }),
    );
    expect(twice.statusCode).toBe(409);
  });

  it('returns with a reason, which the unit answers by proposing again', async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    const view = await proposeExemplar(t, scene);
    const noReason = await expectNothingStored(t.handle, () =>
      send('POST', `/api/exemplars/${view.id}/return`, scene.districtOfficer, { reason: ' ', version: 1 }),
    );
    expect(noReason.statusCode).toBe(400);
    const returned = await send('POST', `/api/exemplars/${view.id}/return`, scene.districtOfficer, {
      reason: 'Cần bổ sung thành tích cụ thể',
      version: 1,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returnReason: 'Cần bổ sung thành tích cụ thể',
    });
    const [event] = await auditOf(t, 'exemplar.return', view.id);
    expect(event?.reason).toBe('Cần bổ sung thành tích cụ thể');
    const byUpper = await expectNothingStored(t.handle, () =>
      send('POST', `/api/exemplars/${view.id}/confirm`, scene.districtOfficer, { version: 2 }),
    );
    expect(byUpper.statusCode).toBe(409);
    const byReturner = await expectNothingStored(t.handle, () =>
      send('POST', `/api/exemplars/${view.id}/propose`, scene.districtOfficer, { version: 2 }),
    );
    expect(byReturner.statusCode).toBe(403);
    const again = await send('POST', `/api/exemplars/${view.id}/propose`, scene.communeOfficer, {
      version: 2,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'proposed' });
    expect(await auditOf(t, 'exemplar.propose', view.id)).toHaveLength(1);
    const proposedTwice = await expectNothingStored(t.handle, () =>
      send('POST', `/api/exemplars/${view.id}/propose`, scene.communeOfficer, { version: 3 }),
    );
    expect(proposedTwice.statusCode).toBe(409);
  });
});

describe('POST /api/exemplars/:id/advance', () => {
  it('moves a confirmed exemplar stage by stage to "nhân rộng", keeping each day and note', async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    let view = await proposeExemplar(t, scene, { confirm: true });
    const steps = [
      ['nurture', '2024-04-01', 'Tập huấn, hỗ trợ'],
      ['sum_up', '2024-09-01', 'Hội nghị tổng kết'],
      ['replicate', '2024-12-01', 'Triển khai toàn huyện'],
    ] as const;
    for (const [stage, movedOn, note] of steps) {
      const moved = await send('POST', `/api/exemplars/${view.id}/advance`, scene.communeOfficer, {
        stage,
        movedOn,
        note,
        version: view.version,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      view = moved.json();
    }
    expect(view).toMatchObject({ stage: 'replicate' });
    expect((view.moves as { stage: string }[]).map((move) => move.stage)).toEqual([
      'discover',
      'nurture',
      'sum_up',
      'replicate',
    ]);
    expect(await auditOf(t, 'exemplar.advance', view.id)).toHaveLength(3);
    const beyond = await expectNothingStored(t.handle, () =>
      send('POST', `/api/exemplars/${view.id}/advance`, scene.communeOfficer, {
        stage: 'replicate',
        movedOn: '2025-01-01',
        version: view.version,
      }),
    );
    expect(beyond.statusCode).toBe(409);
  });

  it('refuses an unconfirmed exemplar, a skipped stage, an earlier day, a stale version and outsiders', async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    const proposed = await proposeExemplar(t, scene);
    const confirmed = await proposeExemplar(t, scene, { confirm: true });
    const body = (extra: object) => ({ stage: 'nurture', movedOn: '2024-05-01', version: 2, ...extra });
    const cases = [
      [proposed.id, scene.communeOfficer, body({ version: 1 }), 409],
      [confirmed.id, scene.communeOfficer, body({ stage: 'sum_up' }), 400],
      [confirmed.id, scene.communeOfficer, body({ movedOn: '2024-02-01' }), 400],
      [confirmed.id, scene.communeOfficer, body({ version: 1 }), 409],
      [confirmed.id, scene.otherOfficer, body({}), 403],
      [confirmed.id, scene.districtStaff, body({}), 403],
    ] as const;
    for (const [id, client, payload, status] of cases) {
      const reply = await expectNothingStored(t.handle, () =>
        send('POST', `/api/exemplars/${id}/advance`, client, payload),
      );
      expect(reply.statusCode, reply.body).toBe(status);
    }
    const moves = await t.handle.db
      .select()
      .from(exemplarStageMoves)
      .where(eq(exemplarStageMoves.exemplarId, confirmed.id));
    expect(moves).toHaveLength(1);
  });
});

describe('POST /api/exemplars/:id/publish and /withdraw', () => {
  it('publishes a confirmed exemplar and withdraws it, audited; the published list holds only published ones', async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    const proposed = await proposeExemplar(t, scene, { body: { title: 'Chưa xác nhận' } });
    const confirmed = await proposeExemplar(t, scene, { confirm: true, body: { title: 'Đã xác nhận' } });
    const refused = await expectNothingStored(t.handle, () =>
      send('POST', `/api/exemplars/${proposed.id}/publish`, scene.communeOfficer, { version: 1 }),
    );
    expect(refused.statusCode).toBe(409);
    const outsider = await expectNothingStored(t.handle, () =>
      send('POST', `/api/exemplars/${confirmed.id}/publish`, scene.otherOfficer, { version: 2 }),
    );
    expect(outsider.statusCode).toBe(403);
    const published = await send('POST', `/api/exemplars/${confirmed.id}/publish`, scene.communeOfficer, {
      version: 2,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      isPublished: true,
      actions: expect.arrayContaining(['withdraw']),
    });
    expect((await auditOf(t, 'exemplar.publish', confirmed.id))[0]?.after).toEqual({ isPublished: true });
    const publishedIds = async () => {
      const ids: string[] = [];
      let after: string | undefined;
      do {
        const page = await listPublishedExemplars(t.handle.db, { after, limit: 50 });
        ids.push(...page.rows.map((row) => row.id));
        after = page.next ?? undefined;
      } while (after);
      return ids;
    };
    const listed = await publishedIds();
    expect(listed).toContain(confirmed.id);
    expect(listed).not.toContain(proposed.id);
    const unpublished = await t.handle.db
      .select({ id: exemplars.id })
      .from(exemplars)
      .where(eq(exemplars.isPublished, false));
    expect(listed.filter((id) => unpublished.some((row) => row.id === id))).toEqual([]);
    const withdrawn = await send('POST', `/api/exemplars/${confirmed.id}/withdraw`, scene.districtOfficer, {
      version: 3,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ isPublished: false });
    expect(await auditOf(t, 'exemplar.withdraw', confirmed.id)).toHaveLength(1);
    expect(await publishedIds()).not.toContain(confirmed.id);
    const twice = await expectNothingStored(t.handle, () =>
      send('POST', `/api/exemplars/${confirmed.id}/withdraw`, scene.districtOfficer, { version: 4 }),
    );
    expect(twice.statusCode).toBe(409);
  });

  it('pages the published list by publication time', async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const view = await proposeExemplar(t, scene, { confirm: true });
      await send('POST', `/api/exemplars/${view.id}/publish`, scene.communeOfficer, {
        version: view.version,
      });
      ids.push(view.id);
    }
    const first = await listPublishedExemplars(t.handle.db, { limit: 2 });
    expect(first.rows.slice(0, 2).map((row) => row.id)).toEqual([ids[2], ids[1]]);
    const second = await listPublishedExemplars(t.handle.db, { after: first.next ?? undefined, limit: 2 });
    expect(second.rows[0]?.id).toBe(ids[0]);
  });
});
