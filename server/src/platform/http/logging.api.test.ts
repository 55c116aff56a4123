import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../tests/support/factories.ts';
import { countAllRows } from '../../../../tests/support/row-counts.ts';
import { closeOwner, getTestApp, openOwner, type TestApp } from '../../../../tests/support/test-app.ts';
import { loadConfig } from '../config.ts';
import { buildApp } from './app.ts';

let t: TestApp;
const apps: FastifyInstance[] = [];

/** A second app on the test database whose log lines (debug level: every request) land in an array. */
async function appWithCapturedLog(trustProxy: 'true' | 'false' = 'false') {
  const lines: string[] = [];
  const config = loadConfig({
    TDKT_DATA_DIR: '.tmp/unused',
    LOG_LEVEL: 'debug',
    TDKT_TRUST_PROXY: trustProxy,
  });
  const app = await buildApp(
    { db: t.handle.db, dbKind: t.handle.kind, config },
    {
      logger: { level: 'debug', stream: { write: (line) => lines.push(line) } },
      sessionSecret: 'x'.repeat(40),
    },
  );
  await app.ready();
  apps.push(app);
  return { app, log: () => lines.join('') };
}

// A user insert that fails inside the database, with the hash in the statement's parameters and in the
// error's detail (as a NOT NULL or CHECK violation reports the rejected row).
const FAILING_INSERT = [
  `create or replace function tdkt_test_fail_user_insert() returns trigger language plpgsql as $$
  begin
    if new.username like 'log.probe.%' then
      raise exception 'probe: user insert failed' using detail = 'Failing row contains (' || new.password_hash || ')';
    end if;
    return new;
  end $$`,
  `create trigger tdkt_test_fail_user_insert before insert on users
    for each row execute function tdkt_test_fail_user_insert()`,
];

beforeAll(async () => {
  t = await getTestApp();
  // Creating a trigger is the owner's right, not the request role's.
  const owner = await openOwner(t);
  for (const statement of FAILING_INSERT) await owner.query(statement);
  await closeOwner(t, owner);
});

afterAll(async () => {
  const owner = await openOwner(t);
  await owner.query('drop trigger if exists tdkt_test_fail_user_insert on users');
  await owner.query('drop function if exists tdkt_test_fail_user_insert()');
  await closeOwner(t, owner);
  for (const app of apps) await app.close();
});

describe('a request that fails inside a user insert', () => {
  it('answers 500 with the request id and no stack, and logs the failure without any secret', async () => {
    const { app, log } = await appWithCapturedLog();
    const admin = await signInAs(t, 'admin');
    const password = 'Mat-khau-bi-mat-2026';
    const before = await countAllRows(t.handle);
    const response = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        username: 'log.probe.one',
        fullName: 'Người thử nhật ký',
        password,
        role: 'admin',
        unitId: null,
      },
    });

    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      code: 'INTERNAL',
      message: 'Đã có lỗi hệ thống. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên kèm mã yêu cầu.',
      requestId: response.headers['x-request-id'],
    });
    expect(response.body).not.toMatch(/probe|insert|\bat\s|Error/);
    expect(await countAllRows(t.handle)).toEqual(before);

    const output = log();
    expect(output).toContain('unhandled error');
    expect(output).toContain('probe: user insert failed');
    expect(output).toContain(String(response.headers['x-request-id']));
    for (const secret of [
      password,
      '$argon2id$',
      'Failing row',
      admin.csrfToken,
      admin.cookie.split('=')[1],
    ]) {
      expect(output).not.toContain(secret);
    }
  });
});

describe('forwarded headers without a trusted proxy', () => {
  it('warn once, on the first request that carries them', async () => {
    const { app, log } = await appWithCapturedLog('false');
    await app.inject({ method: 'GET', url: '/api/health' });
    expect(log()).not.toContain('TDKT_TRUST_PROXY');
    for (let i = 0; i < 3; i++) {
      await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-for': '203.0.113.7' } });
    }
    const warnings = log()
      .split('\n')
      .filter((line) => line.includes('TDKT_TRUST_PROXY'));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0] as string)).toMatchObject({ level: 40 });
  });

  it('say nothing when the proxy is trusted', async () => {
    const { app, log } = await appWithCapturedLog('true');
    await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(log()).not.toContain('TDKT_TRUST_PROXY');
  });
});
