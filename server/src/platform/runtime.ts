import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from './config.ts';
import { assertCannotRewriteAudit, loginName } from './db/app-role.ts';
import { type DatabaseHandle, openPglite, openPostgres } from './db/client.ts';
import { lockDataDir } from './db/lock.ts';
import { migrateDatabase } from './db/migrate.ts';
import { AppError } from './http/app-error.ts';

/** An open, migrated database plus what must be released on shutdown. */
export interface Runtime {
  handle: DatabaseHandle;
  sessionSecret: string;
  dataDir: string | null;
  /** What the administrator should fix, printed at start (Vietnamese, then English). */
  warnings: string[];
  shutdown(): Promise<void>;
}

/** Who the runtime's handle acts for. */
export interface RuntimeOptions {
  /**
   * `requests` (tdkt serve): on PostgreSQL the handle is the restricted request role and the owner's
   * connection is closed once migrations are done. `maintenance` (the default, other commands):
   * the owner's connection, which backup, restore and migrations need.
   */
  purpose?: 'requests' | 'maintenance';
}

/** The embedded mode's session secret, generated once and kept in the data folder. */
function embeddedSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The role a PostgreSQL URL signs in as. */
async function loginOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await loginName(client);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL: migrations and grants run as the owner (DATABASE_MIGRATION_URL, else DATABASE_URL);
 * requests run as the restricted role, switched to on every pooled connection.
 */
async function openPostgresRuntime(config: Config, purpose: 'requests' | 'maintenance'): Promise<Runtime> {
  const requestUrl = config.DATABASE_URL as string;
  const ownerUrl = config.DATABASE_MIGRATION_URL ?? requestUrl;
  const requestLogin = config.DATABASE_MIGRATION_URL ? await loginOf(requestUrl) : null;
  // The pool opens connections lazily: for requests it is closed after migrating, unless it must serve.
  const owner = await openPostgres(ownerUrl);
  const base = { sessionSecret: config.TDKT_SESSION_SECRET as string, dataDir: null };
  let prepared: Awaited<ReturnType<typeof migrateDatabase>>;
  try {
    prepared = await migrateDatabase(owner, ownerUrl, { requestLogin });
  } catch (error) {
    await owner.close();
    throw error;
  }
  const warnings: string[] = [];
  if (prepared?.problem) {
    const advice = `Hãy chạy bằng tài khoản quản trị PostgreSQL rồi khởi động lại / run as a PostgreSQL administrator, then restart: ${prepared.problem}`;
    if (requestLogin && purpose === 'requests') {
      await owner.close();
      throw new AppError('FORBIDDEN', `Không chuẩn bị được vai trò CSDL cho DATABASE_URL. ${advice}`);
    }
    warnings.push(
      `Cảnh báo: chưa tách quyền CSDL, máy chủ chạy bằng tài khoản chủ sở hữu nên nhật ký có thể bị sửa / the server runs as the owner, so the audit trail is not protected. ${advice}`,
    );
  }
  if (purpose === 'maintenance' || !prepared?.role) {
    return { ...base, handle: owner, warnings, shutdown: () => owner.close() };
  }
  await owner.close();
  const handle = await openPostgres(requestUrl, 10, prepared.role);
  try {
    await assertCannotRewriteAudit(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return { ...base, handle, warnings, shutdown: () => handle.close() };
}

/**
 * Opens the configured database — PostgreSQL with DATABASE_URL, else the embedded PGlite in the
 * locked data folder — and applies pending migrations.
 */
export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  if (config.DATABASE_URL) return openPostgresRuntime(config, options.purpose ?? 'maintenance');
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
      warnings: [],
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

/**
 * Grants the request role its rights again (PostgreSQL): a restore recreates every table, and
 * servers already running must keep working on the restored data without a restart.
 */
export async function refreshRequestRole(config: Config, handle: DatabaseHandle): Promise<void> {
  if (handle.kind !== 'postgres' || !config.DATABASE_URL) return;
  const ownerUrl = config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL;
  const requestLogin = config.DATABASE_MIGRATION_URL ? await loginOf(config.DATABASE_URL) : null;
  await migrateDatabase(handle, ownerUrl, { requestLogin });
}
