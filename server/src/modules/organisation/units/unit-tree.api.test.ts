import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { unitSuccessions } from '#server/platform/db/schema.ts';
import { buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
type Item = {
  id: string;
  name: string;
  childCount: number;
  endedChildCount: number;
  successors: { id: string; name: string }[];
};

/**
 * A province (a root of its own) before and after the reform: an ended district with an ended
 * commune and an active one under it, both ended units merged into a new commune of the province.
 */
async function buildReformedProvince() {
  const province = await buildUnit(t.handle.db, { name: `Tỉnh ${tag()}`, kind: 'province' });
  const district = await buildUnit(t.handle.db, {
    parentId: province.id,
    name: 'Huyện Tam Đường',
    validTo: '2025-06-30',
  });
  const oldCommune = await buildUnit(t.handle.db, {
    parentId: district.id,
    name: 'Xã Bình Lư cũ',
    validTo: '2025-06-30',
  });
  const hamlet = await buildUnit(t.handle.db, { parentId: district.id, name: 'Bản Nà Đon' });
  const newCommune = await buildUnit(t.handle.db, { parentId: province.id, name: 'Xã Bình Lư' });
  const otherCommune = await buildUnit(t.handle.db, { parentId: province.id, name: 'Xã Bản Bo' });
  await t.handle.db.insert(unitSuccessions).values([
    { predecessorId: district.id, successorId: newCommune.id, kind: 'split', effectiveDate: '2025-07-01' },
    { predecessorId: district.id, successorId: otherCommune.id, kind: 'split', effectiveDate: '2025-07-01' },
    { predecessorId: oldCommune.id, successorId: newCommune.id, kind: 'merger', effectiveDate: '2025-07-01' },
  ]);
  return { province, district, oldCommune, hamlet, newCommune, otherCommune };
}

describe('GET /api/units/:id/children', () => {
  it('counts ended children when the listing includes them, and names each unit’s successors', async () => {
    const { province, district, newCommune, otherCommune } = await buildReformedProvince();
    const admin = await signInAs(t, 'admin');
    const active = await t.app.inject({
      method: 'GET',
      url: `/api/units/${province.id}/children`,
      headers: admin.headers,
    });
    expect(active.statusCode).toBe(200);
    expect(active.json().total).toEqual({ value: 2, exact: true });

    const all = await t.app.inject({
      method: 'GET',
      url: `/api/units/${province.id}/children?includeEnded=true`,
      headers: admin.headers,
    });
    const items = all.json().items as Item[];
    expect(all.json().total).toEqual({ value: 3, exact: true });
    const ended = items.find((item) => item.id === district.id);
    // A closed district is not a leaf: both its children count once ended units are shown.
    expect(ended).toMatchObject({ childCount: 2, endedChildCount: 1 });
    // Successors in alphabetical order: Bản Bo before Bình Lư.
    expect(ended?.successors).toEqual([
      { id: otherCommune.id, name: 'Xã Bản Bo' },
      { id: newCommune.id, name: 'Xã Bình Lư' },
    ]);
    expect(items.find((item) => item.id === newCommune.id)?.successors).toEqual([]);

    const grandchildren = await t.app.inject({
      method: 'GET',
      url: `/api/units/${district.id}/children`,
      headers: admin.headers,
    });
    expect(grandchildren.json()).toMatchObject({
      total: { value: 1, exact: true },
      items: [{ name: 'Bản Nà Đon', childCount: 0 }],
    });
  });

  it('pages one level by cursor, forwards and back, and tells 404 from 403', async () => {
    const { province, hamlet } = await buildReformedProvince();
    const admin = await signInAs(t, 'admin');
    const url = `/api/units/${province.id}/children`;
    const first = await t.app.inject({ method: 'GET', url: `${url}?limit=1`, headers: admin.headers });
    expect(first.json()).toMatchObject({ total: { value: 2, exact: true }, prev: null, items: [{}] });
    const second = await t.app.inject({
      method: 'GET',
      url: `${url}?limit=1&after=${first.json().next}`,
      headers: admin.headers,
    });
    expect(second.json()).toMatchObject({ next: null, items: [{}] });
    expect(second.json().items[0].id).not.toBe(first.json().items[0].id);
    const back = await t.app.inject({
      method: 'GET',
      url: `${url}?limit=1&before=${second.json().prev}`,
      headers: admin.headers,
    });
    expect(back.json().items).toEqual(first.json().items);
    const leaf = await t.app.inject({
      method: 'GET',
      url: `/api/units/${hamlet.id}/children`,
      headers: admin.headers,
    });
    expect(leaf.json()).toEqual({ total: { value: 0, exact: true }, next: null, prev: null, items: [] });
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/units/${crypto.randomUUID()}/children`,
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);

    const elsewhere = await buildUnit(t.handle.db, { name: `Tỉnh khác ${tag()}` });
    const outsider = await signInAs(t, 'tdkt_officer', elsewhere.id);
    for (const id of [province.id, hamlet.id]) {
      const refused = await t.app.inject({
        method: 'GET',
        url: `/api/units/${id}/children`,
        headers: outsider.headers,
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('OUT_OF_SCOPE');
    }
  });
});

describe('GET /api/units and /api/units/roots', () => {
  it('follows includeEnded in childCount and lists successors on search results', async () => {
    const { province, district, newCommune, otherCommune } = await buildReformedProvince();
    const officer = await signInAs(t, 'tdkt_officer', province.id);
    const search = await t.app.inject({
      method: 'GET',
      url: '/api/units?q=tam duong&includeEnded=true&limit=200',
      headers: officer.headers,
    });
    const found = (search.json().items as Item[]).find((item) => item.id === district.id);
    expect(found).toMatchObject({ childCount: 2, endedChildCount: 1 });
    expect(found?.successors.map((s) => s.id)).toEqual([otherCommune.id, newCommune.id]);

    const roots = await t.app.inject({ method: 'GET', url: '/api/units/roots', headers: officer.headers });
    expect(roots.json().items).toEqual([
      expect.objectContaining({ id: province.id, childCount: 2, endedChildCount: 1, successors: [] }),
    ]);
    const rootsAll = await t.app.inject({
      method: 'GET',
      url: '/api/units/roots?includeEnded=true',
      headers: officer.headers,
    });
    expect(rootsAll.json().items[0]).toMatchObject({ childCount: 3, endedChildCount: 1 });
  });

  it('returns successors on the unit a succession ends', async () => {
    const province = await buildUnit(t.handle.db, { name: `Tỉnh ${tag()}` });
    const district = await buildUnit(t.handle.db, { parentId: province.id, name: 'Huyện Sìn Hồ' });
    const commune = await buildUnit(t.handle.db, { parentId: province.id, name: 'Xã Sìn Hồ' });
    const admin = await signInAs(t, 'admin');
    const ended = await t.app.inject({
      method: 'POST',
      url: `/api/units/${district.id}/successions`,
      headers: admin.headers,
      payload: { successorIds: [commune.id], kind: 'merger', effectiveDate: '2025-07-01', version: 1 },
    });
    expect(ended.json()).toMatchObject({
      isActive: false,
      successors: [{ id: commune.id, name: 'Xã Sìn Hồ' }],
    });
    const stored = await t.handle.db
      .select()
      .from(unitSuccessions)
      .where(eq(unitSuccessions.predecessorId, district.id));
    expect(stored.map((row) => row.successorId)).toEqual([commune.id]);
  });
});
