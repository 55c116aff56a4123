import { sql } from 'drizzle-orm';
import { recordAudit, systemActor } from '../audit/audit.ts';
import { AppError } from '../http/app-error.ts';
import { type BackupManifest, inspectBackup } from './backup-check.ts';
import { type BackupBatch, BackupFileError, lineDigest, readBackupLines } from './backup-format.ts';
import type { DatabaseHandle, Transaction } from './client.ts';
import { applyMigrations, clearApplicationSchema, emptyMigratedTables } from './restore-schema.ts';
import { listSelfReferences, restoreSelfReferences, splitSelfReferences } from './self-references.ts';

/** Same key as the start-up migrator's, so a server starting meanwhile waits for the restore. */
const MIGRATION_LOCK_KEY = 7_312_025;
/** Rows between two progress lines of one table, unless the caller asks for another step. */
export const PROGRESS_EVERY = 20_000;

/** What a restore reports while it runs (the CLI prints it; the tests watch it). */
export type RestoreProgress =
  | { step: 'table'; table: string; expected: number }
  | { step: 'rows'; table: string; loaded: number; expected: number };

async function listTableNames(tx: Transaction): Promise<Set<string>> {
  const result = (await tx.execute(
    sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
  )) as unknown as { rows: { name: string }[] };
  return new Set(result.rows.map((row) => row.name));
}

/** The database's own error behind Drizzle's wrapper, whose message would carry every row of the batch. */
function databaseError(error: unknown): { code: string; message: string } {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const { code, message } = cause as { code?: unknown; message?: unknown };
  return { code: typeof code === 'string' ? code : '', message: String(message ?? cause) };
}

/** SQLSTATE classes that mean the rows themselves do not fit: data exceptions, constraint violations. */
const isDataError = (code: string) => code.startsWith('22') || code.startsWith('23');

/**
 * The columns a restore may write, for the tables that have generated columns (those are computed
 * by the database again and refuse a value); other tables take every column.
 */
async function listWritableColumns(tx: Transaction): Promise<Map<string, string[]>> {
  const result = (await tx.execute(
    sql`select table_name as "table", column_name as "column", is_generated = 'ALWAYS' as generated
        from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
  )) as unknown as { rows: { table: string; column: string; generated: boolean }[] };
  const columns = new Map<string, { names: string[]; generated: boolean }>();
  for (const row of result.rows) {
    const entry = columns.get(row.table) ?? { names: [], generated: false };
    if (row.generated) entry.generated = true;
    else entry.names.push(row.column);
    columns.set(row.table, entry);
  }
  return new Map([...columns].filter(([, entry]) => entry.generated).map(([table, e]) => [table, e.names]));
}

async function insertBatch(
  tx: Transaction,
  file: string,
  line: number,
  batch: BackupBatch,
  rows: unknown[],
  columns: string[] | undefined,
) {
  const name = sql.identifier(batch.table);
  const list = columns
    ? sql.join(
        columns.map((column) => sql.identifier(column)),
        sql`, `,
      )
    : undefined;
  const source = sql`json_populate_recordset(null::${name}, ${JSON.stringify(rows)}::json)`;
  try {
    await tx.execute(
      list
        ? sql`insert into ${name} (${list}) select ${list} from ${source}`
        : sql`insert into ${name} select * from ${source}`,
    );
  } catch (error) {
    const cause = databaseError(error);
    if (!isDataError(cause.code)) throw error;
    throw new BackupFileError(
      `Không nạp được dữ liệu bảng ${batch.table} ở dòng ${line} của tệp ${file}; dữ liệu hiện có chưa bị thay đổi.`,
      `cannot load table ${batch.table} (line ${line}): ${cause.message}; nothing was changed.`,
    );
  }
}

/** Any other failure inside the restore's transaction: one line, no row data, the old data kept. */
function restoreFailure(error: unknown, file: string): Error {
  if (error instanceof AppError) return error;
  const cause = databaseError(error);
  if (isDataError(cause.code)) {
    return new BackupFileError(
      `Dữ liệu trong tệp ${file} không nạp được; dữ liệu hiện có chưa bị thay đổi.`,
      `the backup's rows cannot be loaded: ${cause.message}; nothing was changed.`,
    );
  }
  return new AppError(
    'INTERNAL',
    `Khôi phục thất bại, dữ liệu hiện có chưa bị thay đổi / the restore failed, nothing was changed: ${cause.message}`.replace(
      /\s+/g,
      ' ',
    ),
  );
}

/** Moves every serial sequence past the largest restored id. */
async function resetSequences(tx: Transaction) {
  const serials = (await tx.execute(
    sql`select table_name, column_name from information_schema.columns
         where table_schema = 'public' and column_default like 'nextval(%'`,
  )) as unknown as { rows: { table_name: string; column_name: string }[] };
  for (const column of serials.rows) {
    const table = sql.identifier(column.table_name);
    const col = sql.identifier(column.column_name);
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${`"${column.table_name}"`}, ${column.column_name}), coalesce((select max(${col}) from ${table}), 0) + 1, false)`,
    );
  }
}

async function loadRows(
  tx: Transaction,
  file: string,
  manifest: BackupManifest,
  onProgress: (progress: RestoreProgress) => void,
  progressEvery: number,
): Promise<number> {
  const tables = await listTableNames(tx);
  const writable = await listWritableColumns(tx);
  const selfReferences = await listSelfReferences(tx);
  const pendingLinks = new Map<string, Record<string, unknown>[]>();
  const loaded = new Map<string, number>();
  const digest = lineDigest();
  let rows = 0;
  let header = true;
  for await (const line of readBackupLines(file)) {
    if (header) {
      header = false;
      digest.add(line.text);
      continue;
    }
    const batch = line.value as BackupBatch;
    if (!('table' in batch)) continue; // the trailer, already checked
    digest.add(line.text);
    if (!tables.has(batch.table)) {
      throw new BackupFileError(
        `Tệp ${file} nêu bảng lạ "${batch.table}" (dòng ${line.number}); dữ liệu hiện có chưa bị thay đổi.`,
        'unknown table; nothing was changed.',
      );
    }
    const expected = manifest.tables.get(batch.table) ?? 0;
    const before = loaded.get(batch.table) ?? 0;
    if (before === 0) onProgress({ step: 'table', table: batch.table, expected });
    const columns = selfReferences.get(batch.table);
    const split = columns ? splitSelfReferences(batch.rows, columns) : { rows: batch.rows, links: [] };
    if (split.links.length) {
      pendingLinks.set(batch.table, [...(pendingLinks.get(batch.table) ?? []), ...split.links]);
    }
    await insertBatch(tx, file, line.number, batch, split.rows, writable.get(batch.table));
    const after = before + batch.rows.length;
    loaded.set(batch.table, after);
    rows += batch.rows.length;
    if (Math.floor(after / progressEvery) > Math.floor(before / progressEvery)) {
      onProgress({ step: 'rows', table: batch.table, loaded: after, expected });
    }
  }
  for (const [table, links] of pendingLinks) {
    await restoreSelfReferences(tx, table, selfReferences.get(table) ?? [], links);
  }
  if (rows !== manifest.rows || digest.hex() !== manifest.sha256) {
    throw new BackupFileError(
      `Tệp ${file} đã thay đổi trong khi khôi phục; dữ liệu hiện có chưa bị thay đổi.`,
      'the file changed during the restore; nothing was changed.',
    );
  }
  return rows;
}

/**
 * Replaces the whole database with a backup so that an interruption at any moment leaves either
 * the old data or the new, never neither: the file is checked completely first (inspectBackup,
 * unless the caller already did), then one transaction empties the schema, builds it at the backup's migration level, loads the
 * rows batch by batch (a second streaming pass), runs the migrations the backup lacks on them,
 * resets the sequences and audits the restore; the load pass re-checks the checksum, so a file
 * swapped in between is refused too. PostgreSQL and PGlite both make DDL transactional,
 * and a killed process's open transaction is rolled back on the next start.
 */
export async function restoreDatabase(
  handle: DatabaseHandle,
  file: string,
  options: {
    manifest?: BackupManifest;
    onProgress?: (progress: RestoreProgress) => void;
    progressEvery?: number;
  } = {},
): Promise<{ rows: number; manifest: BackupManifest }> {
  const onProgress = options.onProgress ?? (() => undefined);
  const manifest = options.manifest ?? (await inspectBackup(file));
  let rows = 0;
  const restored = handle.db.transaction(async (tx) => {
    if (handle.kind === 'postgres')
      await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await clearApplicationSchema(tx);
    await applyMigrations(tx, manifest.migrations);
    await emptyMigratedTables(tx);
    rows = await loadRows(tx, file, manifest, onProgress, options.progressEvery ?? PROGRESS_EVERY);
    await applyMigrations(tx, manifest.pendingMigrations);
    await resetSequences(tx);
    await recordAudit(tx, systemActor('tdkt db restore'), {
      action: 'system.restore',
      entityType: 'database',
      after: {
        file,
        createdAt: manifest.header.createdAt,
        sourceEngine: manifest.header.engine,
        sourceMigrations: manifest.migrations.length,
        migrationsApplied: manifest.pendingMigrations.map((migration) => migration.tag),
        rows,
      },
    });
  });
  await restored.catch((error: unknown) => {
    throw restoreFailure(error, file);
  });
  return { rows, manifest };
}
