import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { loadConfig } from '#server/platform/config.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '#server/platform/db/client.ts';
import { migrateDatabase } from '#server/platform/db/migrate.ts';
import { buildApp } from '#server/platform/http/app.ts';
import { openRuntime } from '#server/platform/runtime.ts';

export interface TestApp {
  app: FastifyInstance;
  /** The application's own connection: on PostgreSQL the restricted request role, as in `tdkt serve`. */
  handle: DatabaseHandle;
}

let shared: Promise<TestApp> | null = null;

/**
 * The application under test, built once per run and engine (the API projects run every file in
 * one process): PGlite in memory, or the PostgreSQL database the global setup created, opened the
 * way `tdkt serve` opens it (migrated by the owner, requests through the restricted role).
 */
export function getTestApp(): Promise<TestApp> {
  shared ??= (async () => {
    const databaseUrl = inject('databaseUrl');
    const config = loadConfig({
      TDKT_DATA_DIR: '.tmp/unused',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl, TDKT_SESSION_SECRET: 'x'.repeat(40) } : {}),
    });
    let handle: DatabaseHandle;
    if (databaseUrl) {
      handle = (await openRuntime(config, { purpose: 'requests' })).handle;
    } else {
      handle = await openPglite(null);
      await migrateDatabase(handle);
    }
    const app = await buildApp(
      { db: handle.db, dbKind: handle.kind, config },
      { sessionSecret: 'x'.repeat(40) },
    );
    await app.ready();
    return { app, handle };
  })();
  return shared;
}

/**
 * A connection as the tables' owner, for tests that must do what the application cannot (tamper
 * with the audit trail): on PGlite the one connection there is; close it with `closeOwner`.
 */
export async function openOwner(t: TestApp): Promise<DatabaseHandle> {
  const databaseUrl = inject('databaseUrl');
  return databaseUrl ? openPostgres(databaseUrl, 1) : t.handle;
}

/** Closes what `openOwner` opened (leaves the shared PGlite open). */
export async function closeOwner(t: TestApp, owner: DatabaseHandle): Promise<void> {
  if (owner !== t.handle) await owner.close();
}
