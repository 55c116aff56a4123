import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, sessions, users } from '#server/platform/db/schema.ts';
import {
  buildUnit,
  buildUser,
  signIn,
  signInAs,
  TEST_PASSWORD,
} from '../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const changePassword = (headers: Record<string, string>, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload });

describe('POST /api/auth/password', () => {
  it('changes the own password, ends the other sessions and audits it', async () => {
    const user = await buildUser(t.handle.db);
    const here = await signIn(t, user.username);
    const elsewhere = await signIn(t, user.username);
    const response = await changePassword(here.headers, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'mot mat khau moi dai',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user).toMatchObject({ id: user.id, mustChangePassword: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/todo', headers: here.headers })).statusCode).toBe(
      200,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/todo', headers: elsewhere.headers })).statusCode,
    ).toBe(401);
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
    const [event] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.password_change'), eq(auditEvents.entityId, user.id)));
    expect(event?.actorId).toBe(user.id);
    expect(JSON.stringify(event)).not.toContain('mot mat khau moi dai');
    await signIn(t, user.username, 'mot mat khau moi dai');
  });

  it('refuses a short new password, the same one or one holding the username; nothing stored', async () => {
    const user = await buildUser(t.handle.db);
    const client = await signIn(t, user.username);
    const cases: [object, string, string][] = [
      [
        { currentPassword: TEST_PASSWORD, newPassword: 'ngan' },
        'newPassword',
        'Mật khẩu mới phải có ít nhất 10 ký tự',
      ],
      [
        { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
        'newPassword',
        'Mật khẩu mới phải khác mật khẩu hiện tại',
      ],
      [
        { currentPassword: TEST_PASSWORD, newPassword: `${user.username}-2026` },
        'newPassword',
        'Mật khẩu mới không được chứa tên đăng nhập',
      ],
    ];
    for (const [payload, path, message] of cases) {
      const response = await expectNothingStored(t.handle, () => changePassword(client.headers, payload));
      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toEqual([{ path, message }]);
    }
    const [row] = await t.handle.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.version).toBe(1);
  });
});

describe('POST /api/auth/password with a wrong current password', () => {
  it('refuses it, audits it, changes nothing, and throttles guesses like sign-ins', async () => {
    const user = await buildUser(t.handle.db);
    const client = await signIn(t, user.username);
    const guess = (currentPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: client.headers,
        payload: { currentPassword, newPassword: 'mot mat khau moi dai' },
        remoteAddress: '198.51.100.77',
      });
    for (let i = 0; i < 3; i++) {
      const refused = await guess(`khong-dung-${i}`);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields).toEqual([
        { path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng' },
      ]);
    }
    const failures = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.password_change_failed'), eq(auditEvents.entityId, user.id)));
    expect(failures).toHaveLength(3);
    // The fourth guess waits, even with the right password, and changes nothing.
    const throttled = await guess(TEST_PASSWORD);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe('LOGIN_THROTTLED');
    const [row] = await t.handle.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.version).toBe(1);
    expect(
      await t.handle.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'auth.password_change'), eq(auditEvents.entityId, user.id))),
    ).toHaveLength(0);
  });
});

describe('a one-time password', () => {
  it('opens only the password change (403 PASSWORD_CHANGE_REQUIRED elsewhere) until it is changed', async () => {
    const admin = await signInAs(t, 'admin');
    const unit = await buildUnit(t.handle.db);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: { ...admin.headers, 'idempotency-key': crypto.randomUUID() },
      payload: {
        username: `mot.lan.${Date.now().toString(36)}`,
        fullName: 'Giàng Thị Sinh',
        role: 'staff',
        unitId: unit.id,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const account = created.json();
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/one-time-password`,
      headers: admin.headers,
      payload: { version: account.version },
    });
    const { oneTimePassword } = issued.json();
    const owner = await signIn(t, account.username, oneTimePassword);

    for (const [method, url] of [
      ['GET', '/api/todo'],
      ['GET', '/api/units'],
      ['GET', '/api/notifications'],
    ] as const) {
      const refused = await t.app.inject({ method, url, headers: owner.headers });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: owner.headers });
    expect(session.json().user.mustChangePassword).toBe(true);

    const changed = await changePassword(owner.headers, {
      currentPassword: oneTimePassword,
      newPassword: 'mat khau cua rieng toi',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/todo', headers: owner.headers })).statusCode).toBe(
      200,
    );
    const [event] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.password_change'), eq(auditEvents.entityId, account.id)));
    expect(event?.after).toEqual({ oneTimeReplaced: true });
    // The one-time password no longer opens the account.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: account.username, password: oneTimePassword },
    });
    expect(again.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('lets the user sign out while the change is pending', async () => {
    const admin = await signInAs(t, 'admin');
    const user = await buildUser(t.handle.db);
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/accounts/${user.id}/one-time-password`,
      headers: admin.headers,
      payload: { version: 1 },
    });
    const owner = await signIn(t, user.username, issued.json().oneTimePassword);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: owner.headers });
    expect(out.statusCode).toBe(200);
  });
});
