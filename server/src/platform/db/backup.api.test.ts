import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { vietnameseSortKey } from '#server/modules/organisation/search/sort-key.ts';
import { createScratchDatabase } from '../../../../tests/support/postgres.ts';
import { closeOwner, getTestApp, openOwner, type TestApp } from '../../../../tests/support/test-app.ts';
import { backupDatabase } from './backup.ts';
import { inspectBackup } from './backup-check.ts';
import { BackupFileError, lineDigest } from './backup-format.ts';
import { type DatabaseHandle, openPglite, openPostgres } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { listMigrationFiles } from './migration-files.ts';
import { restoreDatabase } from './restore.ts';
import { applyMigrations, clearApplicationSchema } from './restore-schema.ts';
import { units } from './schema.ts';

let t: TestApp;
/** Backups read the migrations table and every table: the owner's work, not the request role's. */
let owner: DatabaseHandle;
let target: DatabaseHandle;
let targetUrl: string | undefined;
let dropTarget: () => Promise<void> = async () => undefined;
const folder = mkdtempSync(path.join(tmpdir(), 'tdkt-backup-test-'));

// The target of every restore is a database of the run's engine, separate from the shared test app.
beforeAll(async () => {
  t = await getTestApp();
  owner = await openOwner(t);
  if (inject('databaseUrl')) {
    const scratch = await createScratchDatabase('restoreapi');
    targetUrl = scratch.url;
    target = await openPostgres(scratch.url, 2);
    await migrateDatabase(target, targetUrl);
    dropTarget = () => scratch.drop();
  } else {
    target = await openPglite(null);
    await migrateDatabase(target);
  }
});
afterAll(async () => {
  await closeOwner(t, owner);
  await target?.close();
  await dropTarget();
  rmSync(folder, { recursive: true, force: true });
});

const count = async (handle: DatabaseHandle, query: string) =>
  (await handle.query<{ n: number }>(query))[0]?.n;

function buildUnitTree(prefix: string) {
  const rows: (typeof units.$inferInsert)[] = [];
  for (let parentIndex = 0; parentIndex < 40; parentIndex++) {
    const parentId = randomUUID();
    const name = `Sở thử sao lưu ${parentIndex}`;
    rows.push({
      id: parentId,
      path: `/${parentId}/`,
      name,
      code: `${prefix}${parentIndex}-${parentId}`,
      sortKey: vietnameseSortKey(name),
    });
    for (let childIndex = 0; childIndex < 30; childIndex++) {
      const id = randomUUID();
      const childName = `Phòng ${parentIndex}.${childIndex}`;
      rows.push({
        id,
        parentId,
        path: `/${parentId}/${id}/`,
        name: childName,
        code: `${prefix}${parentIndex}.${childIndex}-${id}`,
        sortKey: vietnameseSortKey(childName),
      });
    }
  }
  return rows;
}

describe('backupDatabase → restoreDatabase', () => {
  it('restores a unit tree larger than one batch, whatever order parents and children come in', async () => {
    await t.handle.db.insert(units).values(buildUnitTree('BK'));
    const file = path.join(folder, 'tdkt.backup');
    await backupDatabase(owner, file);
    await restoreDatabase(target, file);
    const [restored] = await target.query<{ n: number; linked: number }>(
      "select count(*)::int as n, count(parent_id)::int as linked from units where code like 'BK%'",
    );
    expect(restored).toEqual({ n: 1240, linked: 1200 });
    expect(
      await count(target, "select count(*)::int as n from audit_events where action = 'system.restore'"),
    ).toBe(1);
  });

  it('rolls everything back when a row fails to load after the old tables were dropped', async () => {
    const before = await count(target, 'select count(*)::int as n from units');
    expect(before).toBeGreaterThan(1000);
    // A backup that passes every file check but whose last batch repeats a primary key.
    const source = path.join(folder, 'tdkt.backup');
    const lines = gunzipSync(readFileSync(source)).toString('utf8').split('\n').filter(Boolean);
    const unitLine = lines.find((line) => line.startsWith('{"table":"units"')) as string;
    const batches = [...lines.slice(1, -1), unitLine];
    const digest = lineDigest();
    for (const line of [lines[0] as string, ...batches]) digest.add(line);
    const trailer = JSON.parse(lines.at(-1) as string);
    const repeated = JSON.parse(unitLine).rows.length;
    trailer.tables.units += repeated;
    trailer.rows += repeated;
    trailer.sha256 = digest.hex();
    const file = path.join(folder, 'duplicate-key.backup');
    writeFileSync(file, gzipSync(`${[lines[0], ...batches, JSON.stringify(trailer)].join('\n')}\n`));
    await expect(inspectBackup(file)).resolves.toBeTruthy();

    const error = await restoreDatabase(target, file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackupFileError);
    const message = (error as Error).message;
    expect(message).toContain('Không nạp được dữ liệu bảng units');
    expect(message).toContain('duplicate key');
    // The database's own words only: never the batch of rows Drizzle's error would quote.
    expect(message).not.toMatch(/params|Sở thử sao lưu|\n/);
    expect(await count(target, 'select count(*)::int as n from units')).toBe(before);
    expect(
      await count(target, "select count(*)::int as n from audit_events where action = 'system.restore'"),
    ).toBe(1);
    const migrations = await count(target, 'select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(migrations).toBe(listMigrationFiles().length);
  });

  it('restores a backup taken at an older schema version and migrates the rows inside the restore', async () => {
    const all = listMigrationFiles();
    const older = all.slice(0, -1);
    // Turn the target into a database one migration behind, holding one user.
    await target.db.transaction(async (tx) => {
      await clearApplicationSchema(tx);
      await applyMigrations(tx, older);
    });
    await target.query(
      "insert into users (id, username, full_name, password_hash) values (gen_random_uuid(), 'cu.phien.ban', 'Cũ Phiên Bản', 'x')",
    );
    const file = path.join(folder, 'older.backup');
    await backupDatabase(target, file);
    const manifest = await inspectBackup(file);
    expect(manifest.header.migrations).toEqual(older.map((migration) => migration.tag));

    await restoreDatabase(target, file);
    expect(await count(target, "select count(*)::int as n from users where username = 'cu.phien.ban'")).toBe(
      1,
    );
    expect(await count(target, 'select count(*)::int as n from drizzle.__drizzle_migrations')).toBe(
      all.length,
    );
    const [audit] = await target.query<{ after: { migrationsApplied: string[] } }>(
      "select after from audit_events where action = 'system.restore'",
    );
    expect(audit?.after.migrationsApplied).toEqual([all.at(-1)?.tag]);
    // The start-up migrator finds nothing left to do.
    await migrateDatabase(target, targetUrl);
    expect(await count(target, 'select count(*)::int as n from drizzle.__drizzle_migrations')).toBe(
      all.length,
    );
  });
});
