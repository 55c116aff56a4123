import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, employments, persons, units } from '#server/platform/db/schema.ts';
import { buildPerson, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const tag = () => Math.random().toString(36).slice(2, 8);
const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const historyOf = (personId: string) =>
  t.handle.db
    .select()
    .from(employments)
    .where(eq(employments.personId, personId))
    .orderBy(asc(employments.createdAt));

/** A province with two districts, a commune under district A, and an officer of district A. */
async function setup() {
  const province = await buildUnit(t.handle.db, { name: `Tỉnh ${tag()}` });
  const districtA = await buildUnit(t.handle.db, { parentId: province.id, name: 'Huyện A' });
  const districtB = await buildUnit(t.handle.db, { parentId: province.id, name: 'Huyện B' });
  const commune = await buildUnit(t.handle.db, { parentId: districtA.id, name: 'Xã Bản Bo' });
  const closed = await buildUnit(t.handle.db, {
    parentId: districtA.id,
    name: 'Xã cũ',
    validTo: '2025-06-30',
  });
  const officer = await signInAs(t, 'tdkt_officer', districtA.id);
  return { province, districtA, districtB, commune, closed, officer };
}

const idNumber = () =>
  `0${String(Date.now()).slice(-8)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;

describe('Thêm cán bộ by hand (POST /api/persons)', () => {
  it('adds once per idempotency key, audited as person.create', async () => {
    const { districtA, officer } = await setup();
    const payload = {
      fullName: `Lò Thị ${tag()}`,
      gender: 'female',
      birthDate: '1990-04-03',
      idNumber: idNumber(),
      category: 'civil_servant',
      unitId: districtA.id,
      startedOn: '2015-09-01',
    };
    const headers = { ...officer.headers, 'idempotency-key': `them-can-bo-${tag()}` };
    const first = await t.app.inject({ method: 'POST', url: '/api/persons', headers, payload });
    expect(first.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/persons', headers, payload });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(
      await t.handle.db.select().from(persons).where(eq(persons.fullName, payload.fullName)),
    ).toHaveLength(1);
    expect(await auditOf('person.create', first.json().id)).toHaveLength(1);
  });

  it('refuses bad input with a Vietnamese message and stores nothing', async () => {
    const { districtA, districtB, closed, officer } = await setup();
    const base = { fullName: `Giàng A ${tag()}`, gender: 'male', category: 'worker', unitId: districtA.id };
    const taken = idNumber();
    await buildPerson(t.handle.db, { unitId: districtA.id, idNumber: taken });
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ ...base, unitId: districtB.id }, 403, /phạm vi/],
      [{ ...base, birthDate: '2999-01-01' }, 400, /Ngày sinh không được ở tương lai/],
      [{ ...base, birthDate: '1990-01-01', startedOn: '1989-12-31' }, 400, /phải sau ngày sinh/],
      [{ ...base, birthDate: '1990-02-30' }, 400, /không có trên lịch/],
      [{ ...base, idNumber: '12345' }, 400, /12 chữ số/],
      [{ ...base, idNumber: taken }, 409, /Số định danh đã có/],
      [{ ...base, unitId: closed.id }, 400, /đã kết thúc hoạt động từ 30\/06\/2025/],
      [{ ...base, fullName: '' }, 400, /họ và tên/i],
      [{ ...base, gender: undefined }, 400, /./],
    ];
    for (const [payload, status, message] of cases) {
      const response = await expectNothingStored(t.handle, () =>
        t.app.inject({ method: 'POST', url: '/api/persons', headers: officer.headers, payload }),
      );
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().message + JSON.stringify(response.json().fields ?? [])).toMatch(message);
    }
  });
});

describe('Sửa cán bộ (PATCH /api/persons/:id)', () => {
  it('saves at the loaded version, audited as person.update, and refuses a stale version with 409', async () => {
    const { districtA, officer } = await setup();
    const person = await buildPerson(t.handle.db, { unitId: districtA.id });
    const saved = await t.app.inject({
      method: 'PATCH',
      url: `/api/persons/${person.id}`,
      headers: officer.headers,
      payload: { version: 1, position: 'Phó Chủ tịch UBND', isLeader: true },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ position: 'Phó Chủ tịch UBND', version: 2 });
    expect(await auditOf('person.update', person.id)).toHaveLength(1);
    const stale = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/persons/${person.id}`,
        headers: officer.headers,
        payload: { version: 1, position: 'Chuyên viên' },
      }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      conflict: { version: 2, current: { position: 'Phó Chủ tịch UBND' } },
    });
    const future = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/persons/${person.id}`,
        headers: officer.headers,
        payload: { version: 2, birthDate: '2999-01-01' },
      }),
    );
    expect(future.statusCode).toBe(400);
  });
});

describe('Chuyển công tác (POST /api/persons/:id/transfer)', () => {
  it('ends the current employment the day before and starts the next, audited as person.transfer', async () => {
    const { districtA, commune, officer } = await setup();
    const person = await buildPerson(t.handle.db, { unitId: districtA.id });
    await t.handle.db
      .update(employments)
      .set({ startedOn: '2015-01-01' })
      .where(eq(employments.personId, person.id));
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${person.id}/transfer`,
      headers: { ...officer.headers, 'idempotency-key': `chuyen-${tag()}` },
      payload: { unitId: commune.id, startedOn: '2025-07-01', position: 'Chủ tịch UBND', version: 1 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      unitId: commune.id,
      unitName: 'Xã Bản Bo',
      position: 'Chủ tịch UBND',
      version: 2,
    });
    expect(await historyOf(person.id)).toMatchObject([
      { unitId: districtA.id, startedOn: '2015-01-01', endedOn: '2025-06-30', position: 'Chuyên viên' },
      { unitId: commune.id, startedOn: '2025-07-01', endedOn: null, position: 'Chủ tịch UBND' },
    ]);
    const [event] = await auditOf('person.transfer', person.id);
    expect(event).toMatchObject({
      actorId: officer.user.id,
      before: { unitId: districtA.id, position: 'Chuyên viên' },
      after: { unitId: commune.id, startedOn: '2025-07-01', previousEndedOn: '2025-06-30' },
    });
  });

  it('refuses out of scope, bad dates, a closed unit and a stale version, storing nothing', async () => {
    const { districtA, districtB, commune, closed, officer } = await setup();
    const person = await buildPerson(t.handle.db, { unitId: districtA.id, birthDate: '1990-01-01' });
    await t.handle.db
      .update(employments)
      .set({ startedOn: '2015-01-01' })
      .where(eq(employments.personId, person.id));
    const outsider = await buildPerson(t.handle.db, { unitId: districtB.id });
    const transfer = (id: string, payload: Record<string, unknown>) =>
      expectNothingStored(t.handle, () =>
        t.app.inject({
          method: 'POST',
          url: `/api/persons/${id}/transfer`,
          headers: officer.headers,
          payload: { unitId: commune.id, startedOn: '2024-01-01', version: 1, ...payload },
        }),
      );
    const cases: [string, Record<string, unknown>, number, RegExp][] = [
      [person.id, { unitId: districtB.id }, 403, /phạm vi/],
      [outsider.id, {}, 403, /phạm vi/],
      [person.id, { unitId: districtA.id }, 400, /đang công tác tại đơn vị này/],
      [
        person.id,
        { startedOn: '2014-12-31' },
        400,
        /sau ngày bắt đầu công tác tại đơn vị hiện tại \(01\/01\/2015\)/,
      ],
      [person.id, { startedOn: '2999-01-01' }, 400, /tương lai/],
      [person.id, { startedOn: '2024-02-30' }, 400, /không có trên lịch/],
      [person.id, { unitId: closed.id, startedOn: '2025-07-01' }, 400, /đã kết thúc hoạt động/],
      [person.id, { version: 7 }, 409, /đã được .* sửa lúc/],
    ];
    for (const [id, payload, status, message] of cases) {
      const response = await transfer(id, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().message + JSON.stringify(response.json().fields ?? [])).toMatch(message);
    }
    // A transfer to the closed unit before it closed is allowed (history entered late).
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${person.id}/transfer`,
      headers: officer.headers,
      payload: { unitId: closed.id, startedOn: '2020-03-01', version: 1 },
    });
    expect(late.statusCode).toBe(200);
    expect(await auditOf('person.transfer', outsider.id)).toEqual([]);
  });
});

describe('Thêm, sửa đơn vị (POST/PATCH /api/units)', () => {
  it('creates under a parent in scope with a unique code, audited as unit.create; refuses the rest', async () => {
    const { districtA, districtB, closed, officer } = await setup();
    const code = `X${tag()}`.toUpperCase();
    const payload = {
      parentId: districtA.id,
      name: 'Ủy ban nhân dân xã Mường Kim',
      shortName: 'UBND',
      code,
      kind: 'commune',
      isCollegial: true,
      validFrom: '2025-07-01',
    };
    const headers = { ...officer.headers, 'idempotency-key': `them-don-vi-${tag()}` };
    const created = await t.app.inject({ method: 'POST', url: '/api/units', headers, payload });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code,
      kind: 'commune',
      shortName: 'UBND',
      parentId: districtA.id,
    });
    expect(await auditOf('unit.create', created.json().id)).toHaveLength(1);
    const replay = await t.app.inject({ method: 'POST', url: '/api/units', headers, payload });
    expect(replay.json().id).toBe(created.json().id);
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ ...payload, code: `Y${tag()}` }, 409, /./], // same key, another body
      [{ ...payload, parentId: districtB.id, code: `Y${tag()}` }, 403, /phạm vi/],
      [{ ...payload, parentId: null, code: `Y${tag()}` }, 403, /cấp cao nhất/],
      [{ ...payload, parentId: closed.id, code: `Y${tag()}` }, 400, /đã kết thúc hoạt động/],
      [{ ...payload, code: 'có dấu' }, 400, /chữ không dấu/],
      [{ ...payload, code: `Y${tag()}`, validTo: '2025-01-01' }, 400, /không được trước ngày bắt đầu/],
      [{ ...payload, code }, 409, /đã được sử dụng/],
    ];
    for (const [index, [body, status, message]] of cases.entries()) {
      const response = await expectNothingStored(t.handle, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/units',
          headers: index === 0 ? headers : officer.headers,
          payload: body,
        }),
      );
      expect(response.statusCode === status || (index === 0 && response.statusCode === 422)).toBe(true);
      if (index > 0)
        expect(response.json().message + JSON.stringify(response.json().fields ?? [])).toMatch(message);
    }
    expect(await t.handle.db.select().from(units).where(eq(units.code, code))).toHaveLength(1);
  });

  it('edits at the loaded version (unit.update) and refuses a stale one with 409', async () => {
    const { commune, officer } = await setup();
    const saved = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${commune.id}`,
      headers: officer.headers,
      payload: { version: 1, shortName: 'UBND xã' },
    });
    expect(saved.statusCode).toBe(200);
    expect(await auditOf('unit.update', commune.id)).toHaveLength(1);
    const stale = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/units/${commune.id}`,
        headers: officer.headers,
        payload: { version: 1, shortName: 'Khác' },
      }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });
});
