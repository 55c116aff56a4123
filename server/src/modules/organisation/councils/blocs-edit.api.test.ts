import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, blocMembers, blocs } from '#server/platform/db/schema.ts';
import { buildCouncil, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const storedBloc = async (id: string) => (await t.handle.db.select().from(blocs).where(eq(blocs.id, id)))[0];
const storedMembers = (id: string) =>
  t.handle.db
    .select({ unitId: blocMembers.unitId, role: blocMembers.role, position: blocMembers.position })
    .from(blocMembers)
    .where(eq(blocMembers.blocId, id))
    .orderBy(asc(blocMembers.position));

/**
 * A province council with the bloc "Cụm các huyện" of 2024 (A head, B deputy, C member) and an
 * empty bloc of the same year; an officer of the province and one of another province.
 */
async function buildBloc() {
  const province = await buildUnit(t.handle.db, { name: 'Tỉnh Thử sửa khối' });
  const [a, b, c] = await Promise.all(
    ['Huyện A', 'Huyện B', 'Huyện C'].map((name) => buildUnit(t.handle.db, { parentId: province.id, name })),
  );
  const ids = { a: a?.id as string, b: b?.id as string, c: c?.id as string };
  const council = await buildCouncil(t.handle.db, { unitId: province.id });
  const officer = await signInAs(t, 'tdkt_officer', province.id);
  const outsider = await signInAs(
    t,
    'tdkt_officer',
    (await buildUnit(t.handle.db, { name: 'Tỉnh khác' })).id,
  );
  const create = async (name: string, members: { unitId: string; role?: string }[]) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/blocs',
      headers: officer.headers,
      payload: { councilId: council.id, year: 2024, name, kind: 'area', members },
    });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  const blocId = await create('Cụm các huyện', [
    { unitId: ids.a, role: 'head' },
    { unitId: ids.b, role: 'deputy' },
    { unitId: ids.c },
  ]);
  const emptyId = await create('Cụm dự phòng', []);
  return { ids, council, officer, outsider, blocId, emptyId };
}

describe('PATCH /api/blocs/:id', () => {
  it('renames the bloc and replaces its members, stores both, and audits bloc.update', async () => {
    const { ids, officer, blocId } = await buildBloc();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/blocs/${blocId}`,
      headers: officer.headers,
      payload: {
        version: 1,
        name: 'Cụm thi đua số 1',
        kind: 'sector',
        members: [{ unitId: ids.c, role: 'head' }, { unitId: ids.a }],
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: blocId,
      name: 'Cụm thi đua số 1',
      kind: 'sector',
      headUnitName: 'Huyện C',
      deputyUnitNames: [],
      members: [
        { unitId: ids.c, unitName: 'Huyện C', role: 'head', position: 1 },
        { unitId: ids.a, unitName: 'Huyện A', role: 'member', position: 2 },
      ],
    });
    expect(await storedBloc(blocId)).toMatchObject({ name: 'Cụm thi đua số 1', kind: 'sector', year: 2024 });
    expect(await storedMembers(blocId)).toEqual([
      { unitId: ids.c, role: 'head', position: 1 },
      { unitId: ids.a, role: 'member', position: 2 },
    ]);
    const events = await auditOf('bloc.update', blocId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: officer.user.id,
      entityType: 'bloc',
      before: { id: blocId, name: 'Cụm các huyện', kind: 'area' },
      after: {
        id: blocId,
        name: 'Cụm thi đua số 1',
        kind: 'sector',
        members: [
          { unitId: ids.c, role: 'head', position: 1 },
          { unitId: ids.a, role: 'member', position: 2 },
        ],
      },
    });
  });

  it('refuses another province’s officer, two heads, an unknown unit and a taken name, storing nothing', async () => {
    const { ids, officer, outsider, blocId } = await buildBloc();
    const patch = (headers: Record<string, string>, payload: object) =>
      expectNothingStored(t.handle, () =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/blocs/${blocId}`,
          headers,
          payload: { version: 1, ...payload },
        }),
      );
    const foreign = await patch(outsider.headers, { name: 'Cụm bị sửa' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('OUT_OF_SCOPE');
    const twoHeads = await patch(officer.headers, {
      members: [
        { unitId: ids.a, role: 'head' },
        { unitId: ids.b, role: 'head' },
      ],
    });
    expect(twoHeads.statusCode).toBe(400);
    const unknownUnit = await patch(officer.headers, { members: [{ unitId: crypto.randomUUID() }] });
    expect(unknownUnit.statusCode).toBe(400);
    const taken = await patch(officer.headers, { name: 'Cụm dự phòng' });
    expect(taken.statusCode).toBe(409);
    const blank = await patch(officer.headers, { name: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(await storedBloc(blocId)).toMatchObject({ name: 'Cụm các huyện', kind: 'area' });
    expect((await storedMembers(blocId)).map((member) => member.role)).toEqual(['head', 'deputy', 'member']);
    expect(await auditOf('bloc.update', blocId)).toEqual([]);
  });
});

describe('DELETE /api/blocs/:id', () => {
  it('deletes the bloc and audits bloc.delete with what it was', async () => {
    const { officer, emptyId } = await buildBloc();
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/blocs/${emptyId}`,
      headers: officer.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect(await storedBloc(emptyId)).toBeUndefined();
    const events = await auditOf('bloc.delete', emptyId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: officer.user.id,
      entityType: 'bloc',
      before: { id: emptyId, name: 'Cụm dự phòng', year: 2024 },
    });
  });

  it('refuses another province’s officer with 403 and an unknown bloc with 404, storing nothing', async () => {
    const { officer, outsider, blocId } = await buildBloc();
    const foreign = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'DELETE', url: `/api/blocs/${blocId}`, headers: outsider.headers }),
    );
    expect(foreign.statusCode).toBe(403);
    const unknown = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'DELETE', url: `/api/blocs/${crypto.randomUUID()}`, headers: officer.headers }),
    );
    expect(unknown.statusCode).toBe(404);
    expect(await storedBloc(blocId)).toMatchObject({ name: 'Cụm các huyện' });
    expect(await storedMembers(blocId)).toHaveLength(3);
    expect(await auditOf('bloc.delete', blocId)).toEqual([]);
  });
});
