import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createScratchDatabase } from '../../../../tests/support/postgres.ts';
import { type DatabaseHandle, openPglite, openPostgres } from './client.ts';
import { migrateDatabase, migrationsFolder } from './migrate.ts';

// A database of its own (a second PGlite, or a scratch PostgreSQL database): it is migrated in two
// steps, with rows loaded in between, so the shared test database cannot serve.
const databaseUrl = inject('databaseUrl');
const folder = mkdtempSync(path.join(tmpdir(), 'tdkt-migrate-analyse-'));
let handle: DatabaseHandle;
let url: string | undefined;
let drop: () => Promise<void> = async () => undefined;

/** A copy of the migrations folder without the last migration. */
function allButLastMigration(): string {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  const entries = journal.entries.slice(0, -1);
  mkdirSync(path.join(folder, 'meta'));
  writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const entry of entries)
    copyFileSync(`${migrationsFolder}/${entry.tag}.sql`, path.join(folder, `${entry.tag}.sql`));
  return folder;
}

/** The planner's row estimate for units: -1 until the table is first analysed. */
async function plannerRows(): Promise<number> {
  const [row] = await handle.query<{ n: number }>(
    `select reltuples::int as n from pg_class where oid = 'units'::regclass`,
  );
  return Number(row?.n);
}

/** Loads units in bulk, as `tdkt gen` or an import would. */
async function loadUnits(from: number, to: number) {
  await handle.query(
    `insert into units (path, name, code, sort_key)
     select '/' || i || '/', 'Đơn vị ' || i, 'T' || i, 'don vi ' || i from generate_series($1::int, $2::int) as i`,
    [from, to],
  );
}

beforeAll(async () => {
  if (databaseUrl) {
    const scratch = await createScratchDatabase('migrate_analyse');
    drop = scratch.drop;
    url = scratch.url;
    handle = await openPostgres(url, 2);
  } else {
    handle = await openPglite(null);
  }
});
afterAll(async () => {
  await handle?.close();
  await drop();
  rmSync(folder, { recursive: true, force: true });
});

describe('migrateDatabase', () => {
  it('analyses the database after applying migrations, so a bulk load keeps index plans', async () => {
    await migrateDatabase(handle, url, { folder: allButLastMigration() });
    expect(await plannerRows()).toBe(0);
    await loadUnits(1, 500);
    // The last migration applies: the statistics then count the rows loaded before it.
    await migrateDatabase(handle, url);
    expect(await plannerRows()).toBe(500);
  });

  it('does not analyse again when no migration is pending', async () => {
    // PostgreSQL's autovacuum must not analyse in between (PGlite runs none).
    await handle.query('alter table units set (autovacuum_enabled = false)');
    await loadUnits(501, 600);
    await migrateDatabase(handle, url);
    expect(await plannerRows()).toBe(500);
  });

  it.runIf(!databaseUrl)('starts PGlite with the smaller shared buffers', async () => {
    expect(await handle.query('show shared_buffers')).toEqual([{ shared_buffers: '32MB' }]);
  });
});
