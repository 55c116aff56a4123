import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, roleGrants, unitSuccessions, units } from '#server/platform/db/schema.ts';
import { buildUnit, buildUser, signIn, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const code = (prefix: string) =>
  `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

/** A province with two districts, one commune under the first; an officer of the first district. */
async function buildProvince() {
  const province = await buildUnit(t.handle.db, { name: `Tỉnh ${code('T')}`, kind: 'province' });
  const districtA = await buildUnit(t.handle.db, { parentId: province.id, name: 'Huyện Tam Đường' });
  const districtB = await buildUnit(t.handle.db, { parentId: province.id, name: 'Huyện Phong Thổ' });
  const commune = await buildUnit(t.handle.db, { parentId: districtA.id, name: 'Xã Bình Lư' });
  const officer = await signInAs(t, 'tdkt_officer', districtA.id);
  return { province, districtA, districtB, commune, officer };
}

describe('GET /api/units', () => {
  it('finds units without diacritics, in Vietnamese order, limited to the scope', async () => {
    const { province, districtA, commune, officer } = await buildProvince();
    const admin = await signInAs(t, 'admin');
    const all = await t.app.inject({
      method: 'GET',
      url: `/api/units?q=huyen&limit=200`,
      headers: admin.headers,
    });
    expect(all.statusCode).toBe(200);
    const names = all.json().items.filter((u: { parentId: string }) => u.parentId === province.id);
    expect(names.map((u: { name: string }) => u.name)).toEqual(['Huyện Phong Thổ', 'Huyện Tam Đường']);
    expect(names[1]).toMatchObject({ parentName: province.name, childCount: 1, isActive: true });

    const scoped = await t.app.inject({
      method: 'GET',
      url: '/api/units?q=binh lu',
      headers: officer.headers,
    });
    const items = scoped.json().items as { id: string; actions: string[] }[];
    expect(items.map((u) => u.id)).toContain(commune.id);
    expect(items.every((u) => u.id === commune.id || u.id === districtA.id)).toBe(true);
    expect(items.find((u) => u.id === commune.id)?.actions).toEqual([
      'view',
      'edit',
      'create_child',
      'end',
      'move',
    ]);
    const outside = await t.app.inject({
      method: 'GET',
      url: '/api/units?q=phong tho',
      headers: officer.headers,
    });
    expect(outside.json().items.some((u: { parentId: string }) => u.parentId === province.id)).toBe(false);
  });
});

describe('GET /api/units/:id/children', () => {
  it('lists one level with child counts and refuses a unit out of scope', async () => {
    const { province, districtA, officer } = await buildProvince();
    const admin = await signInAs(t, 'admin');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/units/${province.id}/children`,
      headers: admin.headers,
    });
    expect(response.json()).toMatchObject({
      total: { value: 2, exact: true },
      next: null,
      prev: null,
      items: [{ name: 'Huyện Phong Thổ' }, { name: 'Huyện Tam Đường', childCount: 1 }],
    });
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/units/${districtA.id}/children`,
      headers: officer.headers,
    });
    expect(mine.json().total).toEqual({ value: 1, exact: true });
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/units/${province.id}/children`,
      headers: officer.headers,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('OUT_OF_SCOPE');
  });
});

describe('POST /api/units', () => {
  it('creates a unit under one in scope, audits it, and refuses the same code twice with 409', async () => {
    const { districtA, officer } = await buildProvince();
    const payload = {
      parentId: districtA.id,
      name: 'Phòng Nội vụ',
      shortName: 'PNV',
      code: code('PNV'),
      kind: 'division',
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: officer.headers,
      payload,
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ name: 'Phòng Nội vụ', parentName: 'Huyện Tam Đường', kind: 'division' });
    const [stored] = await t.handle.db.select().from(units).where(eq(units.id, body.id));
    expect(stored?.path).toBe(`${districtA.path}${body.id}/`);
    expect(await auditOf('unit.create', body.id)).toHaveLength(1);
    const again = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url: '/api/units', headers: officer.headers, payload }),
    );
    expect(again.statusCode).toBe(409);
    expect(await t.handle.db.select().from(units).where(eq(units.code, payload.code))).toHaveLength(1);
  });

  it('refuses a parent out of scope with 403 OUT_OF_SCOPE and a root unit for a non-admin', async () => {
    const { districtB, officer } = await buildProvince();
    const outside = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/units',
        headers: officer.headers,
        payload: { parentId: districtB.id, name: 'Phòng X', code: code('X') },
      }),
    );
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('OUT_OF_SCOPE');
    const root = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/units',
        headers: officer.headers,
        payload: { name: 'Gốc', code: code('R') },
      }),
    );
    expect(root.statusCode).toBe(403);
  });
});

describe('POST /api/units/:id/move', () => {
  it('moves a subtree and rewrites every path in one transaction', async () => {
    const { province, districtA, districtB, commune } = await buildProvince();
    const hamlet = await buildUnit(t.handle.db, { parentId: commune.id, name: 'Bản Nà Đon' });
    const admin = await signInAs(t, 'admin');
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/units/${commune.id}/move`,
      headers: admin.headers,
      payload: { parentId: districtB.id, version: 1 },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: districtB.id, parentName: 'Huyện Phong Thổ' });
    const [storedHamlet] = await t.handle.db.select().from(units).where(eq(units.id, hamlet.id));
    expect(storedHamlet?.path).toBe(`${province.path}${districtB.id}/${commune.id}/${hamlet.id}/`);
    expect(await auditOf('unit.move', commune.id)).toHaveLength(1);
    const cycle = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: `/api/units/${districtB.id}/move`,
        headers: admin.headers,
        payload: { parentId: hamlet.id, version: 1 },
      }),
    );
    expect(cycle.statusCode).toBe(400);
    expect(
      await t.handle.db
        .select()
        .from(units)
        .where(like(units.path, `${districtA.path}%`)),
    ).toHaveLength(1);
  });
});

describe('POST /api/units/:id/successions', () => {
  it('ends a district, links its successors, and lets the successor officer reach the old subtree', async () => {
    const { province, districtA, commune } = await buildProvince();
    const newCommune = await buildUnit(t.handle.db, {
      parentId: province.id,
      name: 'Xã Tam Đường mới',
      kind: 'commune',
    });
    const admin = await signInAs(t, 'admin');
    const payload = {
      successorIds: [newCommune.id],
      kind: 'merger',
      effectiveDate: '2025-07-01',
      version: 1,
    };
    const ended = await t.app.inject({
      method: 'POST',
      url: `/api/units/${districtA.id}/successions`,
      headers: admin.headers,
      payload,
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ validTo: '2025-06-30', isActive: false });
    expect(
      await t.handle.db.select().from(unitSuccessions).where(eq(unitSuccessions.predecessorId, districtA.id)),
    ).toHaveLength(1);
    expect(await auditOf('unit.end', districtA.id)).toHaveLength(1);
    const again = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: `/api/units/${districtA.id}/successions`,
        headers: admin.headers,
        payload,
      }),
    );
    expect(again.statusCode).toBe(409);

    const successorOfficer = await signInAs(t, 'tdkt_officer', newCommune.id);
    const old = await t.app.inject({
      method: 'GET',
      url: `/api/units/${commune.id}`,
      headers: successorOfficer.headers,
    });
    expect(old.statusCode).toBe(200);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/units/${newCommune.id}`,
      headers: successorOfficer.headers,
    });
    expect(detail.json()).toMatchObject({
      ancestors: [{ id: province.id }],
      predecessors: [{ id: districtA.id, kind: 'merger', effectiveDate: '2025-07-01' }],
    });
  });
});

describe('POST /api/units/:id/grants', () => {
  it('grants a role on a unit once (409 the second time) and refuses non-admins', async () => {
    const { districtA, officer } = await buildProvince();
    const admin = await signInAs(t, 'admin');
    const user = await buildUser(t.handle.db);
    const payload = { userId: user.id, role: 'tdkt_officer' };
    const url = `/api/units/${districtA.id}/grants`;
    const granted = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload });
    expect(granted.statusCode).toBe(201);
    const grantEvents = await auditOf('user.grant', user.id);
    expect(grantEvents.map((event) => event.after)).toContainEqual({
      userId: user.id,
      role: 'tdkt_officer',
      unitId: districtA.id,
    });
    const twice = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url, headers: admin.headers, payload }),
    );
    expect(twice.statusCode).toBe(409);
    const notAdmin = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url, headers: officer.headers, payload }),
    );
    expect(notAdmin.statusCode).toBe(403);
    const grants = await t.handle.db.select().from(roleGrants).where(eq(roleGrants.userId, user.id));
    expect(grants.filter((g) => g.unitId === districtA.id)).toHaveLength(1);
    const session = await signIn(t, user.username);
    const children = await t.app.inject({
      method: 'GET',
      url: `/api/units/${districtA.id}/children`,
      headers: session.headers,
    });
    expect(children.statusCode).toBe(200);
  });
});
