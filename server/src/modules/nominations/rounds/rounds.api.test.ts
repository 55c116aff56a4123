import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, awardRounds } from '#server/platform/db/schema.ts';
import { buildMovement, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { expectOptimisticLocking } from '../../../../../tests/support/versioning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const storedRound = async (id: string) =>
  (await t.handle.db.select().from(awardRounds).where(eq(awardRounds.id, id)))[0];

async function buildLevels() {
  const province = await buildUnit(t.handle.db, { name: 'Tỉnh Đợt' });
  const district = await buildUnit(t.handle.db, { parentId: province.id, name: 'Huyện Đợt' });
  const commune = await buildUnit(t.handle.db, { parentId: district.id, name: 'Xã Đợt' });
  const other = await buildUnit(t.handle.db, { name: 'Tỉnh Khác' });
  return {
    province,
    district,
    commune,
    provinceOfficer: await signInAs(t, 'tdkt_officer', province.id),
    communeOfficer: await signInAs(t, 'tdkt_officer', commune.id),
    otherOfficer: await signInAs(t, 'tdkt_officer', other.id),
  };
}

const payload = (receivingUnitId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'tong_ket',
  title: 'Tổng kết phong trào năm 2025',
  year: 2025,
  receivingUnitId,
  deadline: '2025-12-15',
  ...extra,
});

describe('POST /api/award-rounds', () => {
  it('opens a round at the officer’s unit, audited, seen by lower levels and not by others', async () => {
    const levels = await buildLevels();
    const movement = await buildMovement(t.handle.db, { launchingUnitId: levels.province.id });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/award-rounds',
      headers: levels.provinceOfficer.headers,
      payload: payload(levels.province.id, { movementId: movement.id }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const round = created.json();
    expect(round).toMatchObject({
      kind: 'tong_ket',
      receivingUnit: { id: levels.province.id, name: 'Tỉnh Đợt' },
      movement: { id: movement.id, name: movement.name },
      deadline: '2025-12-15',
      actions: ['view', 'edit', 'delete', 'nominate'],
      version: 1,
    });
    expect(await storedRound(round.id)).toMatchObject({ title: 'Tổng kết phong trào năm 2025', year: 2025 });
    expect(await auditOf('round.create', round.id)).toHaveLength(1);

    const below = await t.app.inject({ url: '/api/award-rounds', headers: levels.communeOfficer.headers });
    expect(below.json().items).toEqual([
      expect.objectContaining({ id: round.id, actions: ['view', 'nominate'] }),
    ]);
    const elsewhere = await t.app.inject({ url: '/api/award-rounds', headers: levels.otherOfficer.headers });
    expect(elsewhere.json().items).toEqual([]);
    const forbidden = await t.app.inject({
      url: `/api/award-rounds/${round.id}`,
      headers: levels.otherOfficer.headers,
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('refuses a round at an upper level with 403 OUT_OF_SCOPE and stores nothing', async () => {
    const levels = await buildLevels();
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/award-rounds',
        headers: levels.communeOfficer.headers,
        payload: payload(levels.province.id),
      }),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('OUT_OF_SCOPE');
  });

  it('refuses an unknown movement, a bad kind and an unreal deadline with 400 and stores nothing', async () => {
    const levels = await buildLevels();
    for (const extra of [
      { movementId: '00000000-0000-4000-8000-000000000000' },
      { kind: 'weekly' },
      { deadline: '2025-02-30' },
      { title: 'Tổng kết\u0000' },
    ]) {
      const response = await expectNothingStored(t.handle, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/award-rounds',
          headers: levels.provinceOfficer.headers,
          payload: payload(levels.province.id, extra),
        }),
      );
      expect(response.statusCode, JSON.stringify(extra)).toBe(400);
    }
  });
});

describe('GET /api/award-rounds', () => {
  it('pages the rounds newest year first with cursors', async () => {
    const levels = await buildLevels();
    for (const year of [2023, 2025, 2024]) {
      await t.app.inject({
        method: 'POST',
        url: '/api/award-rounds',
        headers: levels.provinceOfficer.headers,
        payload: payload(levels.province.id, { year, title: `Khen thưởng năm ${year}`, kind: 'annual' }),
      });
    }
    const first = await t.app.inject({
      url: '/api/award-rounds?limit=2',
      headers: levels.communeOfficer.headers,
    });
    expect(first.json().items.map((item: { year: number }) => item.year)).toEqual([2025, 2024]);
    expect(first.json().total).toEqual({ value: 3, exact: true });
    const second = await t.app.inject({
      url: `/api/award-rounds?limit=2&after=${first.json().next}`,
      headers: levels.communeOfficer.headers,
    });
    expect(second.json().items.map((item: { year: number }) => item.year)).toEqual([2023]);
    expect(second.json().next).toBeNull();
    const filtered = await t.app.inject({
      url: '/api/award-rounds?year=2024',
      headers: levels.communeOfficer.headers,
    });
    expect(filtered.json().items).toHaveLength(1);
  });
});

describe('PATCH and DELETE /api/award-rounds/:id', () => {
  async function openRound() {
    const levels = await buildLevels();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/award-rounds',
      headers: levels.provinceOfficer.headers,
      payload: payload(levels.province.id),
    });
    return { ...levels, id: created.json().id as string };
  }

  it('changes a round at its version and refuses a stale one with 409', async () => {
    const { province, provinceOfficer, id } = await openRound();
    const second = await signInAs(t, 'tdkt_officer', province.id);
    await expectOptimisticLocking(t, {
      first: provinceOfficer,
      second,
      update: (version, writer) => ({
        method: 'PATCH',
        url: `/api/award-rounds/${id}`,
        payload: writer === 'first' ? { deadline: '2025-12-20', version } : { title: 'Tên khác', version },
      }),
      missing: {
        method: 'PATCH',
        url: '/api/award-rounds/00000000-0000-4000-8000-000000000000',
        payload: { title: 'X', version: 1 },
      },
      stored: () => storedRound(id),
      version: async () => (await storedRound(id))?.version ?? 0,
      replyVersion: (body) => body.version as number,
      action: 'round.update',
      entityId: id,
    });
    expect((await storedRound(id))?.deadline).toBe('2025-12-20');
  });

  it('refuses a change or a delete by a lower level with 403 and changes nothing', async () => {
    const { communeOfficer, id } = await openRound();
    const patch = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/award-rounds/${id}`,
        headers: communeOfficer.headers,
        payload: { title: 'Đổi tên', version: 1 },
      }),
    );
    expect(patch.statusCode).toBe(403);
    const remove = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'DELETE', url: `/api/award-rounds/${id}`, headers: communeOfficer.headers }),
    );
    expect(remove.statusCode).toBe(403);
  });

  it('deletes a round, audited with the row', async () => {
    const { provinceOfficer, id } = await openRound();
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/award-rounds/${id}`,
      headers: provinceOfficer.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(await storedRound(id)).toBeUndefined();
    const [event] = await auditOf('round.delete', id);
    expect(event?.before).toMatchObject({ id, title: 'Tổng kết phong trào năm 2025' });
  });
});
