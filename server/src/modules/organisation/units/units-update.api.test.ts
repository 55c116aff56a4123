import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, units } from '#server/platform/db/schema.ts';
import { buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const storedUnit = async (id: string) => (await t.handle.db.select().from(units).where(eq(units.id, id)))[0];

/** A province with two districts and a commune under the first; an officer of the first district. */
async function buildDistricts() {
  const province = await buildUnit(t.handle.db, { name: `Tỉnh ${tag()}`, kind: 'province' });
  const districtA = await buildUnit(t.handle.db, { parentId: province.id, name: 'Huyện Tam Đường' });
  const districtB = await buildUnit(t.handle.db, { parentId: province.id, name: 'Huyện Phong Thổ' });
  const commune = await buildUnit(t.handle.db, {
    parentId: districtA.id,
    name: 'Xã Bình Lư',
    code: `BL${tag()}`,
    kind: 'commune',
  });
  const officer = await signInAs(t, 'tdkt_officer', districtA.id);
  return { province, districtA, districtB, commune, officer };
}

describe('PATCH /api/units/:id', () => {
  it('changes only the fields sent, stores them, and audits unit.update with before and after', async () => {
    const { districtA, commune, officer } = await buildDistricts();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${commune.id}`,
      headers: officer.headers,
      payload: { version: 1, name: 'Ủy ban nhân dân xã Bình Lư', shortName: 'UBND xã', isCollegial: true },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: commune.id,
      name: 'Ủy ban nhân dân xã Bình Lư',
      shortName: 'UBND xã',
      code: commune.code,
      kind: 'commune',
      parentName: 'Huyện Tam Đường',
    });
    const stored = await storedUnit(commune.id);
    expect(stored).toMatchObject({
      name: 'Ủy ban nhân dân xã Bình Lư',
      shortName: 'UBND xã',
      isCollegial: true,
      code: commune.code,
      kind: 'commune',
      parentId: districtA.id,
      path: commune.path,
    });
    expect(stored?.sortKey).not.toBe(commune.sortKey);
    const events = await auditOf('unit.update', commune.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: officer.user.id,
      actorUsername: officer.user.username,
      entityType: 'unit',
      before: { id: commune.id, name: 'Xã Bình Lư', shortName: null, isCollegial: false, code: commune.code },
      after: { id: commune.id, name: 'Ủy ban nhân dân xã Bình Lư', shortName: 'UBND xã', isCollegial: true },
    });
  });

  it('refuses a unit out of the officer’s scope with 403 OUT_OF_SCOPE and stores nothing', async () => {
    const { districtB, officer } = await buildDistricts();
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/units/${districtB.id}`,
        headers: officer.headers,
        payload: { version: 1, name: 'Huyện bị sửa trái phép' },
      }),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('OUT_OF_SCOPE');
    expect((await storedUnit(districtB.id))?.name).toBe('Huyện Phong Thổ');
    expect(await auditOf('unit.update', districtB.id)).toEqual([]);
  });

  it('refuses bad input with 400 and a Vietnamese field error, and stores nothing', async () => {
    const { commune, officer } = await buildDistricts();
    for (const payload of [
      { name: '' },
      { code: 'mã có dấu cách' },
      { kind: 'castle' },
      { validTo: '30/6/2025' },
    ]) {
      const response = await expectNothingStored(t.handle, () =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/units/${commune.id}`,
          headers: officer.headers,
          payload: { version: 1, ...payload },
        }),
      );
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
    expect(await storedUnit(commune.id)).toMatchObject({
      name: 'Xã Bình Lư',
      code: commune.code,
      kind: 'commune',
    });
    expect(await auditOf('unit.update', commune.id)).toEqual([]);
  });

  it('refuses a validity ending before it starts, also when the PATCH sends only one side', async () => {
    const { commune, officer } = await buildDistricts();
    const patch = (payload: object) =>
      expectNothingStored(t.handle, () =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/units/${commune.id}`,
          headers: officer.headers,
          payload: { version: 1, ...payload },
        }),
      );
    const message = 'Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực';
    const both = await patch({ validFrom: '2025-07-01', validTo: '2025-06-30' });
    expect(both.statusCode).toBe(400);
    expect(both.json().fields).toEqual([{ path: 'validTo', message }]);
    const saved = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${commune.id}`,
      headers: officer.headers,
      payload: { version: 1, validFrom: '2025-07-01' },
    });
    expect(saved.statusCode).toBe(200);
    const endOnly = await patch({ version: 2, validTo: '2025-01-01' });
    expect(endOnly.statusCode).toBe(400);
    expect(endOnly.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'validTo', message }],
    });
    expect(await storedUnit(commune.id)).toMatchObject({ validFrom: '2025-07-01', validTo: null });
  });

  it('refuses a code another unit has with 409 and stores nothing', async () => {
    const { districtA, commune, officer } = await buildDistricts();
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/units/${commune.id}`,
        headers: officer.headers,
        payload: { version: 1, code: districtA.code, name: 'Tên mới' },
      }),
    );
    expect(response.statusCode).toBe(409);
    expect(await storedUnit(commune.id)).toMatchObject({ name: 'Xã Bình Lư', code: commune.code });
  });
});
