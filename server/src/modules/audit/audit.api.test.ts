import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, signIn, signInAs } from '../../../../tests/support/factories.ts';
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
