import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '#server/platform/db/client.ts';
import { testServerUrl } from '../support/global-setup.ts';
import { createScratchDatabase } from '../support/postgres.ts';
import { httpSignIn, runCli, startServer } from '../support/server-process.ts';

const SECRET = 's'.repeat(48);
const PASSWORD = 'mat-khau-quan-tri';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Runs statements on the test server as its superuser (the owner of every scratch database). */
async function asAdmin(sql: string, url = testServerUrl) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)) as unknown as { rows: Record<string, unknown>[] };
  } finally {
    await client.end();
  }
}

/** A scratch database and a copy of its URL signing in as another role. */
async function scratch(label: string) {
  const database = await createScratchDatabase(label);
  cleanups.push(() => database.drop());
  const name = new URL(database.url).pathname.slice(1);
  const as = (role: string) => {
    const url = new URL(database.url);
    url.username = role;
    return url.toString();
  };
  return { ...database, name, as };
}

/** A login role, dropped after its database (registered cleanups run in reverse). */
async function createLogin(name: string, attributes = '') {
  await asAdmin(`create role "${name}" login ${attributes}`);
  cleanups.unshift(() => asAdmin(`drop role if exists "${name}"`).then(() => undefined));
}

/** Creates an administrator with the CLI, signs in on the server and creates a user through it. */
async function signInAndWrite(baseUrl: string, env: Record<string, string>, username: string) {
  const created = await runCli(
    ['user', 'create', '--username', 'quan.tri', '--role', 'admin', '--password', PASSWORD],
    env,
  );
  expect(created.code, created.output).toBe(0);
  const session = await httpSignIn(baseUrl, 'quan.tri', PASSWORD);
  expect(session.status).toBe(200);
  const write = await fetch(`${baseUrl}/api/users`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify({ username, fullName: 'Cán bộ Thử', password: 'mat-khau-123456', role: 'staff' }),
  });
  expect(write.status).toBe(201);
}

describe('PostgreSQL with DATABASE_URL and DATABASE_MIGRATION_URL', () => {
  it('migrates as the owner, serves as a login that can only read and append the audit trail', async () => {
    const database = await scratch('twourls');
    const web = `${database.name}_web`;
    await createLogin(web);
    const env = {
      DATABASE_URL: database.as(web),
      DATABASE_MIGRATION_URL: database.url,
      TDKT_SESSION_SECRET: SECRET,
    };
    const [first, second] = await Promise.all([startServer(env), startServer(env)]);
    try {
      await signInAndWrite(second.baseUrl, env, 'can.bo.thu');
      const sessions = await database.query<{ usename: string }>(
        `select distinct usename from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      );
      expect(sessions.map((session) => session.usename)).toEqual([web]);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    const client = new pg.Client({ connectionString: database.as(web) });
    await client.connect();
    try {
      for (const statement of [
        "update audit_events set action = 'x'",
        'delete from audit_events',
        'truncate audit_events',
        'alter table audit_events disable trigger all',
        'drop trigger audit_events_chain on audit_events',
        'reset role; delete from audit_events',
        'set role postgres',
      ]) {
        await expect(client.query(statement), statement).rejects.toThrow(/permission denied|must be owner/);
      }
      const [{ n }] = (await client.query('select count(*)::int as n from audit_events')).rows as [
        { n: number },
      ];
      expect(n).toBeGreaterThanOrEqual(3);
    } finally {
      await client.end();
    }
    const verified = await runCli(['audit', 'verify'], env);
    expect(verified.code, verified.output).toBe(0);
  });
});

describe('PostgreSQL with one URL', () => {
  it('lets an owner with CREATEROLE create the request role and serve through it', async () => {
    const database = await scratch('owner');
    const owner = `${database.name}_owner`;
    await createLogin(owner, 'createrole');
    await asAdmin(`alter database ${database.name} owner to "${owner}"`);
    const env = { DATABASE_URL: database.as(owner), TDKT_SESSION_SECRET: SECRET };
    const server = await startServer(env);
    try {
      await signInAndWrite(server.baseUrl, env, 'can.bo.mot');
      expect(server.output()).not.toContain('Cảnh báo');
    } finally {
      await server.stop();
    }
    const [grant] = await database.query<{ update: boolean; insert: boolean }>(
      `select has_table_privilege('${database.name}_app', 'audit_events', 'UPDATE') as update,
              has_table_privilege('${database.name}_app', 'audit_events', 'INSERT') as insert`,
    );
    expect(grant).toEqual({ update: false, insert: true });
  });

  it('warns in Vietnamese, and still serves, when the owner cannot create roles', async () => {
    const database = await scratch('plain');
    const owner = `${database.name}_plain`;
    await createLogin(owner);
    await asAdmin(`alter database ${database.name} owner to "${owner}"`);
    const env = { DATABASE_URL: database.as(owner), TDKT_SESSION_SECRET: SECRET };
    const server = await startServer(env);
    try {
      expect(server.output()).toContain('Cảnh báo: chưa tách quyền CSDL');
      expect(server.output()).toContain(
        `CREATE ROLE "${database.name}_app" NOLOGIN; GRANT "${database.name}_app" TO "${owner}";`,
      );
      await signInAndWrite(server.baseUrl, env, 'can.bo.hai');
    } finally {
      await server.stop();
    }
  });
});

describe('tdkt audit verify', () => {
  it('passes a PGlite trail restored into PostgreSQL, then names an event altered there', async () => {
    const source = mkdtempSync(path.join(tmpdir(), 'tdkt-audit-src-'));
    cleanups.push(async () => rmSync(source, { recursive: true, force: true }));
    const pgliteEnv = { TDKT_DATA_DIR: source };
    const user = await runCli(
      ['user', 'create', '--username', 'quan.tri', '--role', 'admin', '--password', PASSWORD],
      pgliteEnv,
    );
    expect(user.code, user.output).toBe(0);
    const onPglite = await runCli(['audit', 'verify'], pgliteEnv);
    expect(onPglite.code, onPglite.output).toBe(0);
    expect(onPglite.output).toMatch(
      /Nhật ký toàn vẹn: \d+ sự kiện nối đúng chuỗi\. Sự kiện cuối: số \d+, mã [0-9a-f]{64}/,
    );

    const file = path.join(source, 'tdkt.backup');
    expect((await runCli(['db', 'backup', file], pgliteEnv)).code).toBe(0);
    const database = await scratch('verify');
    const env = { DATABASE_URL: database.url, TDKT_SESSION_SECRET: SECRET };
    const restored = await runCli(['db', 'restore', file], env);
    expect(restored.code, restored.output).toBe(0);
    const onPostgres = await runCli(['audit', 'verify'], env);
    expect(onPostgres.code, onPostgres.output).toBe(0);

    const [target] = await database.query<{ seq: string; id: string }>(
      'select seq::text as seq, id::text as id from audit_events order by seq limit 1 offset 1',
    );
    await asAdmin(
      `alter table audit_events disable trigger audit_events_no_update_delete;
       update audit_events set actor_username = 'ai.do' where seq = ${target?.seq};
       alter table audit_events enable trigger audit_events_no_update_delete;`,
      database.url,
    );
    const tampered = await runCli(['audit', 'verify'], env);
    expect(tampered.code).toBe(1);
    expect(tampered.output).toContain(
      `Sự kiện số ${target?.seq} (mã ${target?.id}) đã bị sửa: nội dung không khớp mã kiểm tra.`,
    );
  });

  it('names an event removed from the embedded database', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tdkt-audit-pglite-'));
    cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
    const env = { TDKT_DATA_DIR: folder };
    for (const username of ['mot', 'hai']) {
      const created = await runCli(['user', 'create', '--username', username, '--role', 'admin'], env);
      expect(created.code, created.output).toBe(0);
    }
    const handle = await openPglite(folder);
    try {
      await handle.query('alter table audit_events disable trigger audit_events_no_update_delete');
      await handle.query('delete from audit_events where seq = 2');
    } finally {
      await handle.close();
    }
    const result = await runCli(['audit', 'verify'], env);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Thiếu sự kiện số 2 \(ngay trước sự kiện số 3 \(mã \d+\)\): đã bị xóa\./);
  });
});
