import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../support/postgres.ts';
import { httpSignIn, runCli, startServer } from '../support/server-process.ts';

const SECRET = 's'.repeat(48);
const scratch: { drop(): Promise<void> }[] = [];
const folders: string[] = [];
afterAll(async () => {
  for (const database of scratch) await database.drop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const tempDir = (label: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `tdkt-${label}-`));
  folders.push(dir);
  return dir;
};

describe('two server processes on one PostgreSQL database', () => {
  it('accept each other’s sessions and read each other’s writes, with no demo data', async () => {
    const database = await createScratchDatabase('scaleout');
    scratch.push(database);
    const env = {
      DATABASE_URL: database.url,
      TDKT_SESSION_SECRET: SECRET,
      TDKT_DEMO_PASSWORD: 'demo-password-123',
    };
    const [first, second] = await Promise.all([startServer(env), startServer(env)]);
    try {
      expect(await database.query('select username from users')).toEqual([]);
      const created = await runCli(
        ['user', 'create', '--username', 'quan.tri', '--role', 'admin', '--password', 'mat-khau-quan-tri'],
        env,
      );
      expect(created.code, created.output).toBe(0);

      const session = await httpSignIn(first.baseUrl, 'quan.tri', 'mat-khau-quan-tri');
      expect(session.status).toBe(200);
      const seen = (await (
        await fetch(`${second.baseUrl}/api/auth/session`, { headers: { cookie: session.cookie } })
      ).json()) as { user: { username: string } };
      expect(seen.user.username).toBe('quan.tri');

      const write = await fetch(`${second.baseUrl}/api/users`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: session.cookie,
          'x-csrf-token': session.csrfToken,
        },
        body: JSON.stringify({
          username: 'ghi.ben.b',
          fullName: 'Ghi Bên B',
          password: 'mat-khau-123456',
          role: 'staff',
        }),
      });
      expect(write.status).toBe(201);
      const read = (await (
        await fetch(`${first.baseUrl}/api/users?q=ghi ben b`, { headers: { cookie: session.cookie } })
      ).json()) as { items: { username: string }[] };
      expect(read.items.map((user) => user.username)).toEqual(['ghi.ben.b']);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });
});

describe('tdkt db backup / restore', () => {
  it('moves all data from PGlite to PostgreSQL and back, refusing a non-empty target without --force', async () => {
    const source = tempDir('backup-src');
    const file = path.join(tempDir('backup-file'), 'tdkt.backup');
    const server = await startServer({ TDKT_DATA_DIR: source, TDKT_DEMO_PASSWORD: 'demo-password-123' });
    await server.stop();
    const backup = await runCli(['db', 'backup', file], { TDKT_DATA_DIR: source });
    expect(backup.code, backup.output).toBe(0);

    const database = await createScratchDatabase('restore');
    scratch.push(database);
    const postgresEnv = { DATABASE_URL: database.url, TDKT_SESSION_SECRET: SECRET };
    const restored = await runCli(['db', 'restore', file], postgresEnv);
    expect(restored.code, restored.output).toBe(0);
    const users = await database.query<{ username: string }>('select username from users order by username');
    expect(users.map((user) => user.username)).toContain('demo.admin');

    const refused = await runCli(['db', 'restore', file], postgresEnv);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('--force');
    const forced = await runCli(['db', 'restore', file, '--force'], postgresEnv);
    expect(forced.code, forced.output).toBe(0);
    const restores = await database.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'system.restore'",
    );
    expect(restores[0]?.n).toBe(1);

    const server2 = await startServer(postgresEnv);
    try {
      expect((await httpSignIn(server2.baseUrl, 'demo.admin', 'demo-password-123')).status).toBe(200);
    } finally {
      await server2.stop();
    }

    const back = path.join(tempDir('backup-back'), 'from-postgres.backup');
    expect((await runCli(['db', 'backup', back], postgresEnv)).code).toBe(0);
    const target = tempDir('restore-target');
    const intoPglite = await runCli(['db', 'restore', back], { TDKT_DATA_DIR: target });
    expect(intoPglite.code, intoPglite.output).toBe(0);
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const database = await createScratchDatabase('badfile');
    scratch.push(database);
    const result = await runCli(['db', 'restore', 'package.json'], {
      DATABASE_URL: database.url,
      TDKT_SESSION_SECRET: SECRET,
    });
    expect(result.code).toBe(2);
    expect(result.output).toContain('không phải bản sao lưu TĐKT');
    expect(result.output.trim().split('\n')).toHaveLength(1);
    // The file is refused before the database is even opened: not a table was created.
    expect(
      await database.query("select table_name from information_schema.tables where table_schema = 'public'"),
    ).toEqual([]);
  });
});
