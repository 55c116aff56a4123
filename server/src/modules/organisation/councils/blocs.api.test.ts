import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { blocMembers } from '#server/platform/db/schema.ts';
import { buildCouncil, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

/** A province council with two blocs in 2023 and one in 2025; an officer of the province. */
async function buildBlocs() {
  const province = await buildUnit(t.handle.db, { name: 'Tỉnh Thử khối' });
  const [a, b, c, d] = await Promise.all(
    ['Sở A', 'Sở B', 'Sở C', 'Sở D'].map((name) => buildUnit(t.handle.db, { parentId: province.id, name })),
  );
  const council = await buildCouncil(t.handle.db, { unitId: province.id });
  const officer = await signInAs(t, 'tdkt_officer', province.id);
  const create = async (year: number, name: string, members: { unitId: string; role?: string }[]) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/blocs',
      headers: officer.headers,
      payload: { councilId: council.id, year, name, members },
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; deputyUnitNames: string[] };
  };
  const ids = { a: a?.id as string, b: b?.id as string, c: c?.id as string, d: d?.id as string };
  const economy = await create(2023, 'Khối kinh tế', [
    { unitId: ids.a, role: 'head' },
    { unitId: ids.c, role: 'deputy' },
    { unitId: ids.b, role: 'deputy' },
  ]);
  const culture = await create(2023, 'Khối văn hóa', [{ unitId: ids.d, role: 'head' }, { unitId: ids.b }]);
  const later = await create(2025, 'Khối kinh tế', [{ unitId: ids.c, role: 'head' }]);
  return { province, council, officer, ids, economy, culture, later };
}

describe('GET /api/blocs', () => {
  it('names the deputy units in their stable order', async () => {
    const { council, officer, economy } = await buildBlocs();
    expect(economy.deputyUnitNames).toEqual(['Sở C', 'Sở B']);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/blocs?councilId=${council.id}&year=2023`,
      headers: officer.headers,
    });
    expect(list.json().items).toEqual([
      expect.objectContaining({
        name: 'Khối kinh tế',
        headUnitName: 'Sở A',
        deputyUnitNames: ['Sở C', 'Sở B'],
      }),
      expect.objectContaining({ name: 'Khối văn hóa', headUnitName: 'Sở D', deputyUnitNames: [] }),
    ]);
  });

  it('filters by member unit: the blocs it belongs to or heads, within scope', async () => {
    const { council, officer, ids, economy, culture, later } = await buildBlocs();
    const ofUnit = async (unitId: string, headers = officer.headers) =>
      t.app.inject({ method: 'GET', url: `/api/blocs?councilId=${council.id}&unitId=${unitId}`, headers });
    const memberOfTwo = await ofUnit(ids.b);
    expect(memberOfTwo.json().total).toBe(2);
    expect(
      memberOfTwo
        .json()
        .items.map((bloc: { id: string }) => bloc.id)
        .sort(),
    ).toEqual([economy.id, culture.id].sort());
    const head = await ofUnit(ids.c);
    expect(head.json().items.map((bloc: { id: string; year: number }) => [bloc.id, bloc.year])).toEqual([
      [economy.id, 2023],
      [later.id, 2025],
    ]);
    const stored = await t.handle.db.select().from(blocMembers).where(eq(blocMembers.unitId, ids.c));
    expect(stored.map((member) => member.role).sort()).toEqual(['deputy', 'head']);

    const elsewhere = await buildUnit(t.handle.db, { name: 'Tỉnh khác' });
    const outsider = await signInAs(t, 'tdkt_officer', elsewhere.id);
    expect((await ofUnit(ids.b, outsider.headers)).json()).toEqual({ total: 0, items: [] });
    const invalid = await t.app.inject({
      method: 'GET',
      url: '/api/blocs?unitId=x',
      headers: officer.headers,
    });
    expect(invalid.statusCode).toBe(400);
  });
});

describe('GET /api/blocs/years', () => {
  it('lists the years that have blocs, latest first, within scope', async () => {
    const { council, officer } = await buildBlocs();
    const years = await t.app.inject({
      method: 'GET',
      url: `/api/blocs/years?councilId=${council.id}`,
      headers: officer.headers,
    });
    expect(years.statusCode).toBe(200);
    expect(years.json()).toEqual({ years: [2025, 2023] });
    const elsewhere = await buildUnit(t.handle.db, { name: 'Tỉnh khác' });
    const outsider = await signInAs(t, 'tdkt_officer', elsewhere.id);
    const none = await t.app.inject({
      method: 'GET',
      url: `/api/blocs/years?councilId=${council.id}`,
      headers: outsider.headers,
    });
    expect(none.json()).toEqual({ years: [] });
  });
});
