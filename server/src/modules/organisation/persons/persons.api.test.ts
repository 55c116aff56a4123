import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, employments, persons } from '#server/platform/db/schema.ts';
import {
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

const tag = () => Math.random().toString(36).slice(2, 7);
const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

async function buildDistricts() {
  const province = await buildUnit(t.handle.db, { name: `Tỉnh ${tag()}` });
  const districtA = await buildUnit(t.handle.db, { parentId: province.id, name: 'Huyện A' });
  const districtB = await buildUnit(t.handle.db, { parentId: province.id, name: 'Huyện B' });
  return { province, districtA, districtB, officer: await signInAs(t, 'tdkt_officer', districtA.id) };
}

describe('GET /api/persons', () => {
  it('finds people without diacritics, ordered by given name, within the scope only', async () => {
    const { province, districtA, districtB, officer } = await buildDistricts();
    const family = `Nguyễn${tag()}`;
    await buildPerson(t.handle.db, { unitId: districtA.id, fullName: `${family} Văn Bình` });
    await buildPerson(t.handle.db, { unitId: districtA.id, fullName: `${family} Thị An` });
    await buildPerson(t.handle.db, { unitId: districtB.id, fullName: `${family} Văn Ánh` });
    const admin = await signInAs(t, 'admin');
    const q = encodeURIComponent(family.toLowerCase().replace('ễ', 'e'));
    const all = await t.app.inject({
      method: 'GET',
      url: `/api/persons?q=${q}&unitId=${province.id}`,
      headers: admin.headers,
    });
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((p: { fullName: string }) => p.fullName)).toEqual([
      `${family} Thị An`,
      `${family} Văn Ánh`,
      `${family} Văn Bình`,
    ]);
    expect(all.json().items[0]).toMatchObject({
      unitName: 'Huyện A',
      birthDate: '1980-05-17',
      actions: ['view', 'view_sensitive', 'edit'],
    });
    const scoped = await t.app.inject({
      method: 'GET',
      url: `/api/persons?q=${q}`,
      headers: officer.headers,
    });
    expect(scoped.json().total).toEqual({ value: 2, exact: true });
    const first = await t.app.inject({
      method: 'GET',
      url: `/api/persons?q=${q}&limit=1`,
      headers: officer.headers,
    });
    expect(first.json()).toMatchObject({ prev: null, items: [{ fullName: `${family} Thị An` }] });
    const paged = await t.app.inject({
      method: 'GET',
      url: `/api/persons?q=${q}&limit=1&after=${first.json().next}`,
      headers: officer.headers,
    });
    expect(paged.json()).toMatchObject({
      total: { value: 2, exact: true },
      next: null,
      items: [{ fullName: `${family} Văn Bình` }],
    });
  });

  it('hides sensitive fields from a unit head and shows a staff member only their own record', async () => {
    const { districtA } = await buildDistricts();
    const staffUser = await buildUser(t.handle.db, { role: 'staff', unitId: districtA.id });
    const own = await buildPerson(t.handle.db, {
      unitId: districtA.id,
      userId: staffUser.id,
      idNumber: `0${Date.now()}`.slice(0, 12),
    });
    const other = await buildPerson(t.handle.db, { unitId: districtA.id });
    const head = await signInAs(t, 'unit_head', districtA.id);
    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${other.id}`,
      headers: head.headers,
    });
    expect(seen.json()).toMatchObject({ birthDate: null, idNumber: null, actions: ['view'] });
    const staff = await signIn(t, staffUser.username);
    const list = await t.app.inject({ method: 'GET', url: '/api/persons', headers: staff.headers });
    expect(list.json()).toMatchObject({
      total: { value: 1, exact: true },
      items: [{ id: own.id, birthDate: '1980-05-17', actions: ['view', 'view_sensitive'] }],
    });
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${other.id}`,
      headers: staff.headers,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('OUT_OF_SCOPE');
  });

  it('lists under a successor the people of the unit it took over', async () => {
    const { province, districtA } = await buildDistricts();
    const person = await buildPerson(t.handle.db, { unitId: districtA.id });
    const commune = await buildUnit(t.handle.db, { parentId: province.id, name: 'Xã mới' });
    const admin = await signInAs(t, 'admin');
    await t.app.inject({
      method: 'POST',
      url: `/api/units/${districtA.id}/successions`,
      headers: admin.headers,
      payload: { successorIds: [commune.id], kind: 'merger', effectiveDate: '2025-07-01', version: 1 },
    });
    const officer = await signInAs(t, 'tdkt_officer', commune.id);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/persons?unitId=${commune.id}`,
      headers: officer.headers,
    });
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([person.id]);
  });
});

describe('POST /api/persons', () => {
  it('adds a person with an employment period, audits it, and refuses a double submit with 409', async () => {
    const { districtA, officer } = await buildDistricts();
    const payload = {
      fullName: `Lò Văn ${tag()}`,
      gender: 'male',
      birthDate: '1985-02-03',
      category: 'civil_servant',
      position: 'Chuyên viên',
      isDirectWorker: true,
      unitId: districtA.id,
      startedOn: '2010-09-01',
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: officer.headers,
      payload,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({
      fullName: payload.fullName,
      isDirectWorker: true,
      unitName: 'Huyện A',
    });
    expect(await t.handle.db.select().from(employments).where(eq(employments.personId, id))).toMatchObject([
      { unitId: districtA.id, startedOn: '2010-09-01', endedOn: null },
    ]);
    expect(await auditOf('person.create', id)).toHaveLength(1);
    const again = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url: '/api/persons', headers: officer.headers, payload }),
    );
    expect(again.statusCode).toBe(409);
    expect(
      await t.handle.db.select().from(persons).where(eq(persons.fullName, payload.fullName)),
    ).toHaveLength(1);
  });

  it('refuses a unit out of scope with 403 and an invalid body with 400', async () => {
    const { districtB, officer } = await buildDistricts();
    const payload = { fullName: 'Giàng A Páo', gender: 'male', category: 'worker', unitId: districtB.id };
    const refused = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url: '/api/persons', headers: officer.headers, payload }),
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('OUT_OF_SCOPE');
    const invalid = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: officer.headers,
        payload: { ...payload, gender: 'x' },
      }),
    );
    expect(invalid.statusCode).toBe(400);
  });
});

describe('PATCH /api/persons/:id', () => {
  it('moves a person to another unit, closing one employment period and opening the next', async () => {
    const { districtA, officer } = await buildDistricts();
    const division = await buildUnit(t.handle.db, { parentId: districtA.id, name: 'Phòng Nội vụ' });
    const person = await buildPerson(t.handle.db, { unitId: districtA.id });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/persons/${person.id}`,
      headers: officer.headers,
      payload: {
        unitId: division.id,
        position: 'Trưởng phòng',
        isLeader: true,
        startedOn: '2024-01-01',
        version: 1,
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      unitName: 'Phòng Nội vụ',
      isLeader: true,
      birthDate: '1980-05-17',
    });
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${person.id}`,
      headers: officer.headers,
    });
    expect(detail.json().employments).toMatchObject([
      { unitId: division.id, startedOn: '2024-01-01', endedOn: null, position: 'Trưởng phòng' },
      { unitId: districtA.id, endedOn: '2024-01-01' },
    ]);
    const [event] = await auditOf('person.update', person.id);
    expect(event).toMatchObject({
      actorId: officer.user.id,
      before: { unitId: districtA.id, isLeader: false },
      after: { unitId: division.id, isLeader: true, position: 'Trưởng phòng' },
    });
  });

  it('refuses a person out of scope with 403 and a move out of scope with 403, storing nothing', async () => {
    const { districtA, districtB, officer } = await buildDistricts();
    const outside = await buildPerson(t.handle.db, { unitId: districtB.id });
    const mine = await buildPerson(t.handle.db, { unitId: districtA.id });
    const foreign = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/persons/${outside.id}`,
        headers: officer.headers,
        payload: { version: 1, position: 'Phó Chủ tịch' },
      }),
    );
    expect(foreign.statusCode).toBe(403);
    const away = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/persons/${mine.id}`,
        headers: officer.headers,
        payload: { version: 1, unitId: districtB.id },
      }),
    );
    expect(away.statusCode).toBe(403);
    expect(await auditOf('person.update', mine.id)).toEqual([]);
  });
});
