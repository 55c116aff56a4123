import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, sessions } from '#server/platform/db/schema.ts';
import { buildUser, randomAddress, signIn, TEST_PASSWORD } from '../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const lastAudit = async (action: string, actorOrEntity: string) =>
  (
    await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, actorOrEntity)))
      .orderBy(desc(auditEvents.id))
      .limit(1)
  )[0];

describe('POST /api/auth/login', () => {
  it('signs in, sets an httpOnly SameSite cookie, stores the session and audits the login', async () => {
    const user = await buildUser(t.handle.db, { role: 'tdkt_officer' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
      remoteAddress: randomAddress(),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user.username).toBe(user.username);
    expect(body.user.grants).toEqual([{ role: 'tdkt_officer', unitId: null, unitName: null }]);
    expect(body.csrfToken).toEqual(expect.any(String));
    const cookie = response.cookies.find((c) => c.name === 'tdkt_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const stored = await t.handle.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).not.toBe(cookie?.value);
    expect(await lastAudit('auth.login', user.id)).toMatchObject({ actorId: user.id, entityType: 'user' });
  });

  it('marks the cookie Secure when the site is not on localhost', async () => {
    const user = await buildUser(t.handle.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: 'tdkt.laichau.gov.vn' },
      payload: { username: user.username, password: TEST_PASSWORD },
      remoteAddress: randomAddress(),
    });
    expect(response.cookies.find((c) => c.name === 'tdkt_session')?.secure).toBe(true);
  });

  it('refuses a wrong password with 401 in Vietnamese and audits the failure', async () => {
    const user = await buildUser(t.handle.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'wrong-password' },
      remoteAddress: randomAddress(),
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    expect(response.cookies).toHaveLength(0);
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    expect(await lastAudit('auth.login_failed', user.id)).toMatchObject({
      actorId: null,
      entityType: 'user',
      after: { username: user.username, reason: 'wrong_password' },
    });
  });

  it('lists every invalid field in Vietnamese', async () => {
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } }),
    );
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['password', 'username']);
    expect(body.fields[0].message).toMatch(/Vui lòng nhập|bắt buộc/);
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"username":',
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /api/auth/session', () => {
  it('returns a null user when signed out', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ user: null, csrfToken: null });
  });

  it('returns the user and the CSRF token of the session', async () => {
    const user = await buildUser(t.handle.db, { role: 'unit_head' });
    const client = await signIn(t, user.username);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: client.cookie },
    });
    expect(response.json()).toMatchObject({
      user: { id: user.id, username: user.username },
      csrfToken: client.csrfToken,
    });
  });
});

describe('POST /api/auth/logout', () => {
  it('refuses without the CSRF header with 403', async () => {
    const user = await buildUser(t.handle.db);
    const client = await signIn(t, user.username);
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: client.cookie } }),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CSRF_INVALID');
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });

  it('refuses without a session with 401', async () => {
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url: '/api/auth/logout' }),
    );
    expect(response.statusCode).toBe(401);
  });

  it('ends the session, which is then refused, and audits the logout', async () => {
    const user = await buildUser(t.handle.db);
    const client = await signIn(t, user.username);
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: client.headers });
    expect(response.statusCode).toBe(200);
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: client.cookie },
    });
    expect(after.json().user).toBeNull();
    expect(await lastAudit('auth.logout', user.id)).toMatchObject({ actorId: user.id });
  });
});
