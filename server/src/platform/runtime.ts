import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { type DatabaseHandle, openPglite, openPostgres } from './db/client.ts';
import { lockDataDir } from './db/lock.ts';
import { migrateDatabase } from './db/migrate.ts';

/** An open, migrated database plus what must be released on shutdown. */
export interface Runtime {
  handle: DatabaseHandle;
  sessionSecret: string;
  dataDir: string | null;
  shutdown(): Promise<void>;
}

/** The embedded mode's session secret, generated once and kept in the data folder. */
function embeddedSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Opens the configured database — PostgreSQL with DATABASE_URL, else the embedded PGlite in the
 * locked data folder — and applies pending migrations.
 */
export async function openRuntime(config: Config): Promise<Runtime> {
  if (config.DATABASE_URL) {
    const handle = await openPostgres(config.DATABASE_URL);
    await migrateDatabase(handle, config.DATABASE_URL);
    return {
      handle,
      sessionSecret: config.TDKT_SESSION_SECRET as string,
      dataDir: null,
      shutdown: () => handle.close(),
    };
  }
  const dataDir = path.resolve(config.TDKT_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    const handle = await openPglite(dataDir);
    await migrateDatabase(handle);
    return {
      handle,
      sessionSecret: config.TDKT_SESSION_SECRET ?? embeddedSessionSecret(dataDir),
      dataDir,
      async shutdown() {
        await handle.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
