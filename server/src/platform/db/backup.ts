import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { recordAudit, systemActor } from '../audit/audit.ts';
import { AppError } from '../http/app-error.ts';
import { appVersion } from '../version.ts';
import type { DatabaseHandle } from './client.ts';
import { knownMigrations } from './migrate.ts';
import { listSelfReferences, restoreSelfReferences, splitSelfReferences } from './self-references.ts';
import { orderTablesByDependency } from './table-order.ts';

const FORMAT = 'tdkt-backup';
const FORMAT_VERSION = 1;
const BATCH = 1000;
// Sessions and login attempts are short-lived security state, not data worth carrying over.
const SKIPPED_TABLES = new Set(['sessions', 'login_attempts']);

interface BackupHeader {
  format: string;
  version: number;
  appVersion: string;
  engine: string;
  createdAt: string;
  migrations: string[];
}

async function listTables(handle: DatabaseHandle): Promise<string[]> {
  const tables = await handle.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const edges = await handle.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`,
  );
  const names = tables.map((table) => table.name).filter((name) => !SKIPPED_TABLES.has(name));
  return orderTablesByDependency(names, edges);
}

/** Writes every table of the database to a gzipped JSON-lines file that restores into either engine. */
export async function backupDatabase(
  handle: DatabaseHandle,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const gzip = createGzip();
  const out = createWriteStream(file);
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  const header: BackupHeader = {
    format: FORMAT,
    version: FORMAT_VERSION,
    appVersion,
    engine: handle.kind,
    createdAt: new Date().toISOString(),
    migrations: knownMigrations(),
  };
  await write(header);
  const tables = await listTables(handle);
  let rows = 0;
  for (const table of tables) {
    for (let offset = 0; ; offset += BATCH) {
      const [result] = await handle.query<{ rows: unknown[] | null }>(
        `select json_agg(t) as rows from (select * from "${table}" order by 1 limit ${BATCH} offset ${offset}) t`,
      );
      const batch = result?.rows ?? [];
      if (batch.length === 0) break;
      await write({ table, rows: batch });
      rows += batch.length;
      if (batch.length < BATCH) break;
    }
  }
  gzip.end();
  await once(out, 'finish');
  return { tables: tables.length, rows };
}

/** True when any application table holds a row. */
export async function isDatabaseEmpty(handle: DatabaseHandle): Promise<boolean> {
  for (const table of await listTables(handle)) {
    const [row] = await handle.query<{ found: boolean }>(`select exists(select 1 from "${table}") as found`);
    if (row?.found) return false;
  }
  return true;
}

async function* readLines(file: string): AsyncGenerator<unknown> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line);
}

/** Checks the file is a TĐKT backup this version can read; returns its header. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  let header: BackupHeader | undefined;
  try {
    for await (const first of readLines(file)) {
      header = first as BackupHeader;
      break;
    }
  } catch {
    header = undefined;
  }
  if (header?.format !== FORMAT || header.version !== FORMAT_VERSION) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Tệp ${file} không phải bản sao lưu TĐKT hợp lệ / not a TĐKT backup file.`,
    );
  }
  const known = new Set(knownMigrations());
  if (!header.migrations.every((tag) => known.has(tag))) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Bản sao lưu được tạo bởi phiên bản TĐKT mới hơn; hãy cập nhật phần mềm trước / the backup comes from a newer TĐKT version.',
    );
  }
  return header;
}

/**
 * Loads a backup into an empty, migrated database in one transaction (all or nothing),
 * then moves every serial sequence past the restored ids and audits the restore.
 */
export async function restoreDatabase(handle: DatabaseHandle, file: string): Promise<{ rows: number }> {
  const header = await readBackupHeader(file);
  let rows = 0;
  await handle.db.transaction(async (tx) => {
    const selfReferences = await listSelfReferences(tx);
    const pendingLinks = new Map<string, Record<string, unknown>[]>();
    let first = true;
    for await (const entry of readLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      const { table, rows: batch } = entry as { table: string; rows: Record<string, unknown>[] };
      const columns = selfReferences.get(table);
      const split = columns ? splitSelfReferences(batch, columns) : { rows: batch, links: [] };
      if (split.links.length) pendingLinks.set(table, [...(pendingLinks.get(table) ?? []), ...split.links]);
      const name = sql.identifier(table);
      await tx.execute(
        sql`insert into ${name} select * from json_populate_recordset(null::${name}, ${JSON.stringify(split.rows)}::json)`,
      );
      rows += batch.length;
    }
    for (const [table, links] of pendingLinks) {
      await restoreSelfReferences(tx, table, selfReferences.get(table) ?? [], links);
    }
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
    await recordAudit(tx, systemActor('tdkt db restore'), {
      action: 'system.restore',
      entityType: 'database',
      after: { file, createdAt: header.createdAt, sourceEngine: header.engine, rows },
    });
  });
  return { rows };
}

/** Empties the database completely (used by `restore --force`); migrations must be applied again after. */
export async function dropEverything(handle: DatabaseHandle): Promise<void> {
  await handle.query('drop schema if exists drizzle cascade');
  await handle.query('drop schema public cascade');
  await handle.query('create schema public');
}
