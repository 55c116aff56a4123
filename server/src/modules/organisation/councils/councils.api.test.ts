import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, blocMembers, blocs, councilMembers, councils } from '#server/platform/db/schema.ts';
import {
  buildCouncil,
  buildPerson,
  buildUnit,
  buildUser,
  signIn,
  signInAs,
} from '../../../../../tests/support/factories.ts';
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

async function buildProvince() {
  const province = await buildUnit(t.handle.db, { name: 'Tỉnh Thử' });
  const department = await buildUnit(t.handle.db, { parentId: province.id, name: 'Sở Nội vụ' });
  const districts = await Promise.all(
    ['Huyện A', 'Huyện B', 'Huyện C'].map((name) => buildUnit(t.handle.db, { parentId: province.id, name })),
  );
  const officer = await signInAs(t, 'tdkt_officer', province.id);
  return { province, department, districts, officer };
}

describe('POST /api/councils and members', () => {
  it('creates a unit council once (409 on a double submit) and adds members with roles', async () => {
    const { province, department, officer } = await buildProvince();
    const payload = {
      unitId: province.id,
      name: 'Hội đồng Thi đua – Khen thưởng tỉnh',
      standingUnitId: department.id,
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/councils',
      headers: officer.headers,
      payload,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({
      standingUnitName: 'Sở Nội vụ',
      memberCount: 0,
      actions: ['view', 'edit', 'delete'],
    });
    expect(await auditOf('council.create', id)).toHaveLength(1);
    const again = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url: '/api/councils', headers: officer.headers, payload }),
    );
    expect(again.statusCode).toBe(409);
    expect(await t.handle.db.select().from(councils).where(eq(councils.unitId, province.id))).toHaveLength(1);

    const chair = await buildPerson(t.handle.db, { unitId: province.id, fullName: 'Lê Văn Lương' });
    const secretary = await buildPerson(t.handle.db, { unitId: department.id, fullName: 'Hà Thị Ánh' });
    const url = `/api/councils/${id}/members`;
    await t.app.inject({
      method: 'POST',
      url,
      headers: officer.headers,
      payload: { personId: secretary.id, role: 'secretary', termFrom: '2021-01-01' },
    });
    const added = await t.app.inject({
      method: 'POST',
      url,
      headers: officer.headers,
      payload: { personId: chair.id, role: 'chair', termFrom: '2021-01-01' },
    });
    expect(added.statusCode).toBe(201);
    expect(
      added.json().members.map((m: { personName: string; role: string }) => `${m.role}:${m.personName}`),
    ).toEqual(['chair:Lê Văn Lương', 'secretary:Hà Thị Ánh']);
    const twice = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url,
        headers: officer.headers,
        payload: { personId: chair.id, role: 'chair', termFrom: '2021-01-01' },
      }),
    );
    expect(twice.statusCode).toBe(409);
    expect(
      await t.handle.db.select().from(councilMembers).where(eq(councilMembers.councilId, id)),
    ).toHaveLength(2);
    expect(await auditOf('council.member.add', id)).toHaveLength(2);
  });

  it('refuses an officer of another unit with 403 OUT_OF_SCOPE', async () => {
    const { province } = await buildProvince();
    const elsewhere = await buildUnit(t.handle.db, { name: 'Nơi khác' });
    const outsider = await signInAs(t, 'tdkt_officer', elsewhere.id);
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/councils',
        headers: outsider.headers,
        payload: { unitId: province.id, name: 'HĐ' },
      }),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('OUT_OF_SCOPE');
    const council = await buildCouncil(t.handle.db, { unitId: province.id });
    for (const [method, url, payload] of [
      ['PATCH', `/api/councils/${council.id}`, { version: 1, name: 'Hội đồng bị sửa' }],
      ['DELETE', `/api/councils/${council.id}`, undefined],
      [
        'POST',
        `/api/councils/${council.id}/members`,
        { personId: crypto.randomUUID(), role: 'member', termFrom: '2021-01-01' },
      ],
    ] as const) {
      const refused = await expectNothingStored(t.handle, () =>
        t.app.inject({ method, url, headers: outsider.headers, ...(payload ? { payload } : {}) }),
      );
      expect(refused.statusCode, `${method} ${url}`).toBe(403);
    }
    expect(await t.handle.db.select().from(councils).where(eq(councils.id, council.id))).toMatchObject([
      { name: council.name },
    ]);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/councils/${council.id}`,
      headers: outsider.headers,
    });
    expect(read.statusCode).toBe(403);
  });

  it('updates and deletes a council, auditing both', async () => {
    const { province, officer } = await buildProvince();
    const council = await buildCouncil(t.handle.db, { unitId: province.id });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/councils/${council.id}`,
      headers: officer.headers,
      payload: { name: 'Hội đồng mới', version: 1 },
    });
    expect(patched.json()).toMatchObject({ name: 'Hội đồng mới' });
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/councils/${council.id}`,
      headers: officer.headers,
    });
    expect(deleted.statusCode).toBe(200);
    expect(await t.handle.db.select().from(councils).where(eq(councils.id, council.id))).toHaveLength(0);
    expect(await auditOf('council.update', council.id)).toHaveLength(1);
    expect(await auditOf('council.delete', council.id)).toHaveLength(1);
  });
});

describe('GET /api/councils for the standing body and the members', () => {
  it('shows a council to its standing body’s head and to a member, read-only, and not to others', async () => {
    const { province, department, districts } = await buildProvince();
    const council = await buildCouncil(t.handle.db, { unitId: province.id, name: 'Hội đồng TĐKT tỉnh Thử' });
    await t.handle.db
      .update(councils)
      .set({ standingUnitId: department.id })
      .where(eq(councils.id, council.id));
    const district = districts[0]?.id as string;
    await t.handle.db
      .insert(blocs)
      .values({ councilId: council.id, year: 2025, name: 'Cụm các huyện', kind: 'area' });
    // The head of the standing body (Sở Nội vụ) holds a role on the department only.
    const head = await signInAs(t, 'unit_head', department.id);
    // A council member from a district: their account is linked to the person who sits on the council.
    const memberUser = await buildUser(t.handle.db, { role: 'council_member', unitId: district });
    const person = await buildPerson(t.handle.db, { unitId: district, userId: memberUser.id });
    await t.handle.db
      .insert(councilMembers)
      .values({ councilId: council.id, personId: person.id, role: 'member', termFrom: '2021-06-01' });
    const member = await signIn(t, memberUser.username);
    const stranger = await signInAs(t, 'unit_head', districts[1]?.id as string);
    for (const reader of [head, member]) {
      const list = await t.app.inject({ method: 'GET', url: '/api/councils', headers: reader.headers });
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([
        expect.objectContaining({ id: council.id, name: 'Hội đồng TĐKT tỉnh Thử', actions: ['view'] }),
      ]);
      const detail = await t.app.inject({
        method: 'GET',
        url: `/api/councils/${council.id}`,
        headers: reader.headers,
      });
      expect(detail.statusCode).toBe(200);
      const blocList = await t.app.inject({
        method: 'GET',
        url: `/api/blocs?councilId=${council.id}`,
        headers: reader.headers,
      });
      expect(blocList.json().items.map((bloc: { name: string }) => bloc.name)).toEqual(['Cụm các huyện']);
    }
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/councils/${council.id}`,
      headers: head.headers,
      payload: { version: 1, name: 'Đổi tên' },
    });
    expect(refused.statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/councils', headers: stranger.headers });
    expect(list.json().items).toEqual([]);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/councils/${council.id}`,
      headers: stranger.headers,
    });
    expect(detail.statusCode).toBe(403);
  });
});

describe('POST /api/blocs and /api/blocs/copy-year', () => {
  it('creates a bloc, then copies the year rotating the head, once', async () => {
    const { province, districts, officer } = await buildProvince();
    const council = await buildCouncil(t.handle.db, { unitId: province.id });
    const person = await buildPerson(t.handle.db, { unitId: province.id });
    const [member] = await t.handle.db
      .insert(councilMembers)
      .values({ councilId: council.id, personId: person.id, role: 'member', termFrom: '2021-01-01' })
      .returning();
    const [a, b, c] = districts as unknown as [{ id: string }, { id: string }, { id: string }];
    const payload = {
      councilId: council.id,
      year: 2024,
      name: 'Cụm thi đua các huyện',
      kind: 'area',
      supervisorMemberId: member?.id,
      members: [{ unitId: a.id, role: 'head' }, { unitId: b.id, role: 'deputy' }, { unitId: c.id }],
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/blocs',
      headers: officer.headers,
      payload,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      headUnitName: 'Huyện A',
      supervisorName: person.fullName,
      memberCount: 3,
    });
    expect(await auditOf('bloc.create', created.json().id)).toHaveLength(1);
    const doubled = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url: '/api/blocs', headers: officer.headers, payload }),
    );
    expect(doubled.statusCode).toBe(409);

    const copy = { councilId: council.id, fromYear: 2024 };
    const copied = await t.app.inject({
      method: 'POST',
      url: '/api/blocs/copy-year',
      headers: officer.headers,
      payload: copy,
    });
    expect(copied.statusCode).toBe(201);
    expect(copied.json()).toEqual({ year: 2025, copied: 1 });
    const [next] = await t.handle.db
      .select()
      .from(blocs)
      .where(and(eq(blocs.councilId, council.id), eq(blocs.year, 2025)));
    const members = await t.handle.db
      .select()
      .from(blocMembers)
      .where(eq(blocMembers.blocId, next?.id as string));
    expect(members.sort((x, y) => x.position - y.position).map((m) => m.role)).toEqual([
      'member',
      'head',
      'member',
    ]);
    const copiedTwice = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url: '/api/blocs/copy-year', headers: officer.headers, payload: copy }),
    );
    expect(copiedTwice.statusCode).toBe(409);
    expect(await auditOf('bloc.copy_year', council.id)).toHaveLength(1);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/blocs?councilId=${council.id}&year=2025`,
      headers: officer.headers,
    });
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ headUnitName: 'Huyện B', actions: ['view', 'edit', 'delete'] }],
    });
  });

  it('refuses two heads with 400 and replaces members on PATCH', async () => {
    const { province, districts, officer } = await buildProvince();
    const council = await buildCouncil(t.handle.db, { unitId: province.id });
    const [a, b] = districts as unknown as [{ id: string }, { id: string }];
    const bad = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/blocs',
        headers: officer.headers,
        payload: {
          councilId: council.id,
          year: 2025,
          name: 'Khối X',
          members: [
            { unitId: a.id, role: 'head' },
            { unitId: b.id, role: 'head' },
          ],
        },
      }),
    );
    expect(bad.statusCode).toBe(400);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/blocs',
      headers: officer.headers,
      payload: { councilId: council.id, year: 2025, name: 'Khối X' },
    });
    const id = created.json().id;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/blocs/${id}`,
      headers: officer.headers,
      payload: { members: [{ unitId: b.id, role: 'head' }], version: created.json().version },
    });
    expect(patched.json()).toMatchObject({
      name: 'Khối X',
      headUnitName: 'Huyện B',
      members: [{ unitId: b.id, position: 1 }],
    });
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/blocs/${id}`, headers: officer.headers }))
        .statusCode,
    ).toBe(200);
    expect(await auditOf('bloc.delete', id)).toHaveLength(1);
  });
});
