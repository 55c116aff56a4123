import { readFileSync } from 'node:fs';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { repoRoot } from '../version.ts';
import type { DatabaseHandle } from './client.ts';

export const migrationsFolder = `${repoRoot}server/migrations`;
const MIGRATION_LOCK_KEY = 7_312_025;

/** Tags of the migrations this build knows, in order (from drizzle-kit's journal). */
export function knownMigrations(): string[] {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((entry) => entry.tag);
}

/**
 * Applies pending migrations. On PostgreSQL an advisory lock makes concurrent starts of several
 * server processes safe; PGlite is single-process (the data-folder lock guards it).
 */
export async function migrateDatabase(handle: DatabaseHandle, postgresUrl?: string): Promise<void> {
  if (handle.kind === 'pglite') {
    const client = (handle.db as unknown as { $client: import('@electric-sql/pglite').PGlite }).$client;
    await migratePglite(drizzlePglite(client), { migrationsFolder });
    return;
  }
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
