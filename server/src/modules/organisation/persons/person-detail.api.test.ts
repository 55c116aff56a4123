import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildPerson,
  buildUnit,
  buildUser,
  signIn,
  signInAs,
} from '../../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

describe('GET /api/persons/:id', () => {
  it('shows the record with its history to the person and to officers, and nothing to others', async () => {
    const province = await buildUnit(t.handle.db, { name: 'Tỉnh hồ sơ' });
    const district = await buildUnit(t.handle.db, { parentId: province.id, name: 'Huyện hồ sơ' });
    const elsewhere = await buildUnit(t.handle.db, { parentId: province.id, name: 'Huyện khác' });
    const staffUser = await buildUser(t.handle.db, { role: 'staff', unitId: elsewhere.id });
    const person = await buildPerson(t.handle.db, { unitId: district.id, userId: staffUser.id });
    const url = `/api/persons/${person.id}`;
    const history = [
      { unitId: district.id, unitName: 'Huyện hồ sơ', position: 'Chuyên viên', endedOn: null },
    ];

    // Own record: sensitive fields shown, no edit, even though the account's grant is on another unit.
    const own = await t.app.inject({
      method: 'GET',
      url,
      headers: (await signIn(t, staffUser.username)).headers,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      birthDate: '1980-05-17',
      actions: ['view', 'view_sensitive'],
      employments: history,
    });

    const officer = await signInAs(t, 'tdkt_officer', province.id);
    const seen = await t.app.inject({ method: 'GET', url, headers: officer.headers });
    expect(seen.json()).toMatchObject({
      birthDate: '1980-05-17',
      actions: ['view', 'view_sensitive', 'edit'],
      employments: history,
    });

    const head = await signInAs(t, 'unit_head', district.id);
    expect((await t.app.inject({ method: 'GET', url, headers: head.headers })).json()).toMatchObject({
      birthDate: null,
      idNumber: null,
      actions: ['view'],
      employments: history,
    });

    const outsider = await signInAs(t, 'tdkt_officer', elsewhere.id);
    const refused = await t.app.inject({ method: 'GET', url, headers: outsider.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).not.toHaveProperty('employments');
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${crypto.randomUUID()}`,
      headers: officer.headers,
    });
    expect(missing.statusCode).toBe(404);
  });
});
