import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredSessions } from '#server/platform/auth/session-store.ts';
import { auditEvents, loginAttempts, sessions } from '#server/platform/db/schema.ts';
import { buildUser, randomAddress, TEST_PASSWORD } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const attempt = (username: string, password: string, address: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: address,
  });

/** Moves the account's recorded attempts into the past, as if the caller had waited. */
const waitFor = (username: string, secondsAgo: number) =>
  t.handle.db
    .update(loginAttempts)
    .set({ createdAt: sql`${loginAttempts.createdAt} - make_interval(secs => ${secondsAgo})` })
    .where(eq(loginAttempts.username, username));

const countWhere = async (table: typeof sessions | typeof loginAttempts, condition: ReturnType<typeof eq>) =>
  (await t.handle.db.select({ n: count() }).from(table).where(condition))[0]?.n ?? 0;

const auditCount = async (action: string, entityId: string) =>
  (
    await t.handle.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
  )[0]?.n ?? 0;

describe('POST /api/auth/login throttling', () => {
  it('makes a fourth attempt on an account wait, says how long in Vietnamese, and stores nothing', async () => {
    const user = await buildUser(t.handle.db);
    const attacker = randomAddress();
    for (let i = 0; i < 3; i++) {
      expect((await attempt(user.username, 'wrong-password', attacker)).statusCode).toBe(401);
    }
    expect(await auditCount('auth.login_failed', user.id)).toBe(3);
    const attemptsBefore = await countWhere(loginAttempts, eq(loginAttempts.username, user.username));

    const refused = await attempt(user.username, TEST_PASSWORD, randomAddress());
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('2');
    expect(refused.json()).toMatchObject({
      code: 'LOGIN_THROTTLED',
      message: 'Tài khoản này vừa bị nhập sai mật khẩu nhiều lần. Vui lòng chờ 2 giây rồi thử lại.',
    });
    expect(refused.cookies).toHaveLength(0);
    expect(await countWhere(sessions, eq(sessions.userId, user.id))).toBe(0);
    expect(await countWhere(loginAttempts, eq(loginAttempts.username, user.username))).toBe(attemptsBefore);
    expect(await auditCount('auth.login', user.id)).toBe(0);
  });

  it('lets the admin sign in while an attacker guesses: at once from a known address, after the delay from a new one', async () => {
    const admin = await buildUser(t.handle.db, { role: 'admin' });
    const office = randomAddress();
    expect((await attempt(admin.username, TEST_PASSWORD, office)).statusCode).toBe(200);

    const attacker = randomAddress();
    for (let i = 0; i < 3; i++) await attempt(admin.username, 'guess', attacker);
    expect((await attempt(admin.username, 'guess', attacker)).statusCode).toBe(429);
    const fromNewPlace = randomAddress();
    expect((await attempt(admin.username, TEST_PASSWORD, fromNewPlace)).statusCode).toBe(429);

    const fromOffice = await attempt(admin.username, TEST_PASSWORD, office);
    expect(fromOffice.statusCode).toBe(200);
    expect(await auditCount('auth.login', admin.id)).toBe(2);

    for (let i = 0; i < 6; i++) {
      await waitFor(admin.username, 600);
      expect((await attempt(admin.username, 'guess', attacker)).statusCode).toBe(401);
    }
    const slowed = await attempt(admin.username, TEST_PASSWORD, fromNewPlace);
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json().message).toContain('16 giây');
    await waitFor(admin.username, 16);
    expect((await attempt(admin.username, TEST_PASSWORD, fromNewPlace)).statusCode).toBe(200);
  });

  it('counts attempts sent at once: three get through, the rest wait', async () => {
    const user = await buildUser(t.handle.db);
    const address = randomAddress();
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => attempt(user.username, 'wrong-password', address)),
    );
    expect(replies.map((reply) => reply.statusCode).sort()).toEqual([401, 401, 401, 429, 429, 429]);
    expect(await auditCount('auth.login_failed', user.id)).toBe(3);
  });

  it('blocks an address that fails on 20 accounts, and only that address', async () => {
    const sprayer = randomAddress();
    for (let i = 0; i < 20; i++) {
      expect((await attempt(`spray.${i}.${sprayer}`, 'Password1', sprayer)).statusCode).toBe(401);
    }
    const user = await buildUser(t.handle.db);
    const blocked = await attempt(user.username, TEST_PASSWORD, sprayer);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({
      code: 'LOGIN_THROTTLED',
      message: 'Máy này đã đăng nhập sai trên quá nhiều tài khoản. Vui lòng thử lại sau 15 phút.',
    });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(await countWhere(sessions, eq(sessions.userId, user.id))).toBe(0);
    expect((await attempt(user.username, TEST_PASSWORD, randomAddress())).statusCode).toBe(200);
  });

  it('does not block an address where several people fail a few times each', async () => {
    const office = randomAddress();
    const users = await Promise.all(Array.from({ length: 5 }, () => buildUser(t.handle.db)));
    for (const user of users) {
      for (let i = 0; i < 2; i++) await attempt(user.username, 'typo', office);
    }
    for (const user of users)
      expect((await attempt(user.username, TEST_PASSWORD, office)).statusCode).toBe(200);
  });

  it('forgets attempts older than 30 days at start-up and keeps the recent ones', async () => {
    const [old, recent] = [`old.${randomAddress()}`, `recent.${randomAddress()}`];
    await t.handle.db.insert(loginAttempts).values([
      { username: old, ip: '10.0.0.1', succeeded: false, createdAt: sql`now() - interval '31 days'` },
      { username: recent, ip: '10.0.0.1', succeeded: false, createdAt: sql`now() - interval '29 days'` },
    ]);
    await purgeExpiredSessions(t.handle.db);
    expect(await countWhere(loginAttempts, eq(loginAttempts.username, old))).toBe(0);
    expect(await countWhere(loginAttempts, eq(loginAttempts.username, recent))).toBe(1);
  });
});
