import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { loadConfig } from '../../server/src/platform/config.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '../../server/src/platform/db/client.ts';
import { migrateDatabase } from '../../server/src/platform/db/migrate.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';

export interface TestApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
}

let shared: Promise<TestApp> | null = null;

/**
 * The application under test, built once per run and engine (the API projects run every file in
 * one process): PGlite in memory, or the PostgreSQL database the global setup created.
 */
export function getTestApp(): Promise<TestApp> {
  shared ??= (async () => {
    const databaseUrl = inject('databaseUrl');
    const handle = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(null);
    await migrateDatabase(handle, databaseUrl ?? undefined);
    const config = loadConfig({
      TDKT_DATA_DIR: '.tmp/unused',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl, TDKT_SESSION_SECRET: 'x'.repeat(40) } : {}),
    });
    const app = await buildApp(
      { db: handle.db, dbKind: handle.kind, config },
      { sessionSecret: 'x'.repeat(40) },
    );
    await app.ready();
    return { app, handle };
  })();
  return shared;
}
