import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { withPreparedStatements } from './pglite-statements.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The Drizzle database, the same type for PGlite and PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A transaction handle; services receive this so every write and its audit event commit together. */
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database with the means to close it. */
export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Runs plain SQL with parameters, the same on both engines; used by migrations, backup and tests. */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** Where the embedded engine keeps its files inside the data folder. */
export function pgliteDirectory(dataDir: string): string {
  return path.resolve(dataDir, 'pgdata');
}

/**
 * Settings the embedded engine starts with, on top of PGlite's own (single user, no parallel workers).
 * PostgreSQL's default 128 MB of shared buffers is allocated inside the WebAssembly memory, so it is
 * resident from the start: 32 MB holds the demo database whole (about 25 MB of tables and indexes)
 * and takes about 100 MB off the idle server; pages beyond it are read from the operating system's
 * file cache. Durability is untouched (no relaxed durability; the WAL is written as before).
 * Prepared statements (pglite-statements.ts) are planned for their parameters on every run, never
 * with a generic plan: a plan chosen on a small table must not outlive the table's growth (PGlite
 * runs no autovacuum); parsing is still saved.
 */
export const PGLITE_SETTINGS = [
  'shared_buffers=32MB',
  'wal_buffers=1MB',
  'plan_cache_mode=force_custom_plan',
];

/** Opens the embedded PGlite (in memory when dataDir is null) with the search extensions loaded. */
export async function openPglite(dataDir: string | null): Promise<DatabaseHandle> {
  const options = {
    extensions: { unaccent, pg_trgm },
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ['-c', setting])],
  };
  const client = dataDir ? new PGlite(pgliteDirectory(dataDir), options) : new PGlite(options);
  await client.waitReady;
  return {
    // Drizzle's queries reuse prepared statements, one engine call each (pglite-statements.ts).
    db: drizzlePglite(withPreparedStatements(client) as unknown as PGlite, { schema }) as unknown as Database,
    kind: 'pglite',
    async query<Row>(text: string, params: unknown[] = []) {
      return (await client.query<Row>(text, params)).rows;
    },
    close: () => client.close(),
  };
}

/** The PGlite behind an embedded database's Drizzle handle (for migrations, which bypass the statement cache). */
export function pgliteOf(db: Database): PGlite {
  const client = (db as unknown as { $client: PGlite | { pglite: PGlite } }).$client;
  return 'pglite' in client ? client.pglite : client;
}

/** The pool settings for a URL; with a role, every connection starts as that role (fails if it cannot). */
function poolSettings(url: string, role: string | null): pg.PoolConfig {
  if (!role) return { connectionString: url };
  const parsed = new URL(url);
  const given = parsed.searchParams.get('options');
  parsed.searchParams.delete('options');
  const escaped = role.replace(/[\\ ]/g, (character) => `\\${character}`);
  return {
    connectionString: parsed.toString(),
    options: [given, `-c role=${escaped}`].filter(Boolean).join(' '),
  };
}

/**
 * Opens a PostgreSQL connection pool. With `role`, every connection switches to it as it opens
 * (the restricted request role, see app-role.ts), so no query ever runs as the login itself.
 */
export async function openPostgres(
  url: string,
  poolSize = 10,
  role: string | null = null,
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ ...poolSettings(url, role), max: poolSize });
  // An idle connection that dies (server restart, terminated backend) is dropped from the pool and
  // replaced at the next query; without a listener the error would end the process.
  pool.on('error', () => undefined);
  await pool.query('select 1');
  return {
    db: drizzlePostgres(pool, { schema }) as unknown as Database,
    kind: 'postgres',
    async query<Row>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as Row[];
    },
    close: () => pool.end(),
  };
}
