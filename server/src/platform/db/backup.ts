import { sql } from 'drizzle-orm';
import { appVersion } from '../version.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupWriter } from './backup-format.ts';
import type { DatabaseHandle, Executor } from './client.ts';
import { listMigrationFiles } from './migration-files.ts';
import { orderTablesByDependency } from './table-order.ts';

const BATCH = 1000;
// Sessions, login attempts and idempotency keys are short-lived state, not data worth carrying over;
// the cascade's counts, the reports' counts and the people's names are derived: the triggers rebuild
// them as the obligations, the reports and the people are restored.
const SKIPPED_TABLES = new Set([
  'sessions',
  'login_attempts',
  'idempotency_keys',
  'cascade_counts',
  'report_counts',
  'person_names',
]);

async function rows<Row>(executor: Executor, query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await executor.execute(query)) as unknown as { rows: Row[] }).rows;
}

/** The application's tables, parents before children. */
async function listTables(executor: Executor): Promise<string[]> {
  const tables = await rows<{ name: string }>(
    executor,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const edges = await rows<{ child: string; parent: string }>(
    executor,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
          from pg_constraint c join pg_namespace n on n.oid = c.connamespace
         where c.contype = 'f' and n.nspname = 'public'`,
  );
  const names = tables.map((table) => table.name).filter((name) => !SKIPPED_TABLES.has(name));
  return orderTablesByDependency(names, edges);
}

/** Tags of the migrations the database has applied (drizzle records the latest one's timestamp). */
async function appliedMigrations(executor: Executor): Promise<string[]> {
  const [latest] = await rows<{ at: string | null }>(
    executor,
    sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`,
  );
  const at = Number(latest?.at ?? 0);
  return listMigrationFiles()
    .filter((migration) => migration.folderMillis <= at)
    .map((migration) => migration.tag);
}

/**
 * Writes every table of the database to a gzipped JSON-lines file that restores into either
 * engine: header, batches of rows read through a cursor, and a trailer with the row count of every
 * table and a checksum. One read-only snapshot, so the file is consistent while servers keep writing.
 */
export async function backupDatabase(
  handle: DatabaseHandle,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const writer = new BackupWriter(file);
  const written = handle.db.transaction(
    async (tx) => {
      await writer.writeHeader({
        format: BACKUP_FORMAT,
        version: BACKUP_FORMAT_VERSION,
        appVersion,
        engine: handle.kind,
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(tx),
      });
      const tables = await listTables(tx);
      for (const table of tables) {
        writer.declareTable(table);
        const name = sql.identifier(table);
        await tx.execute(
          sql`declare backup_rows no scroll cursor for select to_json(t) as row from ${name} t`,
        );
        for (;;) {
          const batch = await rows<{ row: Record<string, unknown> }>(
            tx,
            sql.raw(`fetch ${BATCH} from backup_rows`),
          );
          if (batch.length === 0) break;
          await writer.writeBatch({ table, rows: batch.map((entry) => entry.row) });
          if (batch.length < BATCH) break;
        }
        await tx.execute(sql`close backup_rows`);
      }
      const { rows: total } = await writer.finish();
      return { tables: tables.length, rows: total };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return written.catch(async (error) => {
    await writer.abort();
    throw error;
  });
}

// Filled by a migration (the public holidays 2019–2035): a freshly migrated database holds them.
const MIGRATION_SEEDED_TABLES = new Set(['public_holidays']);

/** True when no application table holds a row, apart from the rows the migrations seed. */
export async function isDatabaseEmpty(handle: DatabaseHandle): Promise<boolean> {
  for (const table of await listTables(handle.db)) {
    if (MIGRATION_SEEDED_TABLES.has(table)) continue;
    const [row] = await handle.query<{ found: boolean }>(`select exists(select 1 from "${table}") as found`);
    if (row?.found) return false;
  }
  return true;
}
