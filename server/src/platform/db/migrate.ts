import { readFileSync } from 'node:fs';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { repoRoot } from '../version.ts';
import { prepareRequestRole, type RequestRole } from './app-role.ts';
import { type DatabaseHandle, pgliteOf } from './client.ts';

export const migrationsFolder = `${repoRoot}server/migrations`;
const MIGRATION_LOCK_KEY = 7_312_025;

/** Tags of the migrations this build knows, in order (from drizzle-kit's journal). */
export function knownMigrations(): string[] {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((entry) => entry.tag);
}

/** How many migrations the database has applied (0 before the first run). */
async function appliedMigrations(
  query: (text: string) => Promise<{ rows: { count: number }[] }>,
): Promise<number> {
  const exists = await query(
    `select (to_regclass('drizzle.__drizzle_migrations') is not null)::int as count`,
  );
  if (!Number(exists.rows[0]?.count)) return 0;
  const { rows } = await query('select count(*)::int as count from drizzle.__drizzle_migrations');
  return Number(rows[0]?.count ?? 0);
}

/**
 * Applies pending migrations; on PostgreSQL `postgresUrl` must sign in as the owner. An advisory
 * lock makes concurrent starts of several server processes safe, and under the same lock the
 * restricted request role is prepared (app-role.ts) — `requestLogin` names the role DATABASE_URL
 * signs in as when it is not the owner's; `folder` (tests) replaces the migrations folder.
 * PGlite is single-process (the data-folder lock guards it) and has no roles: it answers null.
 * When any migration was applied, ANALYZE follows: a migration that rewrites rows or builds an index
 * on a bulk-loaded database would otherwise leave the planner with stale statistics (sequential scans)
 * until autovacuum — which PGlite does not run at all — catches up. It samples, so it is cheap.
 */
export async function migrateDatabase(
  handle: DatabaseHandle,
  postgresUrl?: string,
  options: { requestLogin?: string | null; folder?: string } = {},
): Promise<RequestRole | null> {
  const folder = options.folder ?? migrationsFolder;
  if (handle.kind === 'pglite') {
    const client = pgliteOf(handle.db);
    const before = await appliedMigrations((text) => client.query<{ count: number }>(text));
    await migratePglite(drizzlePglite(client), { migrationsFolder: folder });
    if ((await appliedMigrations((text) => client.query<{ count: number }>(text))) !== before) {
      await client.query('analyze');
    }
    return null;
  }
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const before = await appliedMigrations((text) => client.query<{ count: number }>(text));
    await migratePostgres(drizzlePostgres(client), { migrationsFolder: folder });
    if ((await appliedMigrations((text) => client.query<{ count: number }>(text))) !== before) {
      await client.query('analyze');
    }
    return await prepareRequestRole(client, options.requestLogin ?? null);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
