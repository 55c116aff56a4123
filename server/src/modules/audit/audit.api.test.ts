import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCouncil,
  buildPerson,
  buildUnit,
  buildUser,
  randomAddress,
  signIn,
  signInAs,
} from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

describe('GET /api/audit-events', () => {
  it('lets an administrator filter by action and actor, newest first', async () => {
    const admin = await signInAs(t, 'admin');
    const user = await buildUser(t.handle.db);
    await signIn(t, user.username);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/audit-events?action=auth.login&actor=${user.username}`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toEqual({ value: 1, exact: true });
    expect(body.items[0]).toMatchObject({
      action: 'auth.login',
      actorUsername: user.username,
      entityId: user.id,
    });
    expect(body.items[0].requestId).toEqual(expect.any(String));
  });

  it('names the record and the records its before/after point to, in the reply of the page', async () => {
    const admin = await signInAs(t, 'admin');
    const province = await buildUnit(t.handle.db, { name: 'Tỉnh Nhật ký' });
    const council = await buildCouncil(t.handle.db, {
      unitId: province.id,
      name: 'Hội đồng TĐKT tỉnh Nhật ký',
    });
    const person = await buildPerson(t.handle.db, { unitId: province.id, fullName: 'Vàng Thị Dung' });
    const officer = await signInAs(t, 'tdkt_officer', province.id);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/councils/${council.id}/members`,
      headers: officer.headers,
      payload: { personId: person.id, role: 'secretary', termFrom: '2026-01-01', termTo: '2030-12-31' },
    });
    expect(added.statusCode).toBe(201);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/audit-events?action=council.member.add&entityId=${council.id}`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(200);
    const [event] = response.json().items;
    expect(event).toMatchObject({
      action: 'council.member.add',
      entityType: 'council',
      entityName: 'Hội đồng TĐKT tỉnh Nhật ký',
      names: { [person.id]: 'Vàng Thị Dung' },
      after: { personId: person.id, role: 'secretary', termTo: '2030-12-31' },
    });
  });

  it('filters by an action picked from the list exactly (a sign-in is not a failed sign-in)', async () => {
    const admin = await signInAs(t, 'admin');
    const user = await buildUser(t.handle.db);
    const failed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'wrong-password-1' },
      remoteAddress: randomAddress(),
    });
    expect(failed.statusCode).toBe(401);
    await signIn(t, user.username);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/audit-events?action=auth.login&entityId=${user.id}`,
      headers: admin.headers,
    });
    const items: { action: string; entityName: string }[] = response.json().items;
    expect(items.map((item) => item.action)).toEqual(['auth.login']);
    expect(items[0]?.entityName).toBe(`Người dùng ${user.username} (${user.username})`);
  });

  it('filters by a date range given as calendar days', async () => {
    const admin = await signInAs(t, 'admin');
    const past = await t.app.inject({
      method: 'GET',
      url: '/api/audit-events?from=2020-01-01&to=2020-12-31',
      headers: admin.headers,
    });
    expect(past.json()).toEqual({ items: [], next: null, prev: null, total: { value: 0, exact: true } });
    const today = new Date().toISOString().slice(0, 10);
    const now = await t.app.inject({
      method: 'GET',
      url: `/api/audit-events?from=${today}`,
      headers: admin.headers,
    });
    expect(now.json().total.value).toBeGreaterThan(0);
  });

  it('rejects a malformed date with a field error', async () => {
    const admin = await signInAs(t, 'admin');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/audit-events?from=22/11/2026',
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0]).toMatchObject({
      path: 'from',
      message: expect.stringMatching(/^Ngày không hợp lệ/),
    });
  });

  it('refuses a unit head with 403', async () => {
    const head = await signInAs(t, 'unit_head');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/audit-events', headers: head.headers })).statusCode,
    ).toBe(403);
  });
});

describe('audit_events table', () => {
  it('rejects UPDATE, DELETE and TRUNCATE through the application’s connection', async () => {
    const user = await buildUser(t.handle.db);
    await signIn(t, user.username);
    // PostgreSQL: the request role holds only SELECT and INSERT; PGlite: the append-only trigger.
    const refusal = t.handle.kind === 'postgres' ? /permission denied/ : /append-only/;
    await expect(t.handle.query("update audit_events set action = 'x'")).rejects.toThrow(refusal);
    await expect(t.handle.query('delete from audit_events')).rejects.toThrow(refusal);
    await expect(t.handle.query('truncate audit_events')).rejects.toThrow(refusal);
    const [row] = await t.handle.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'x'",
    );
    expect(row?.n).toBe(0);
  });
});
