import { existsSync, readFileSync } from 'node:fs';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder } from './migrate.ts';

/** One migration of this build, as drizzle-kit's journal and SQL files describe it. */
export interface MigrationFile {
  tag: string;
  /** The journal's `when`: drizzle records it as `created_at` once the migration is applied. */
  folderMillis: number;
  hash: string;
  statements: string[];
  /** drizzle-kit's snapshot of the schema after this migration, when the file exists. */
  snapshotFile: string;
}

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

/** The migrations this build knows, in order, with their SQL split at drizzle's breakpoints. */
export function listMigrationFiles(): MigrationFile[] {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as Journal;
  const files = readMigrationFiles({ migrationsFolder });
  return journal.entries.map((entry, index) => {
    const file = files[index];
    if (!file || file.folderMillis !== entry.when) throw new Error(`Migration ${entry.tag} is out of step`);
    return {
      tag: entry.tag,
      folderMillis: entry.when,
      hash: file.hash,
      statements: file.sql.filter((statement) => statement.trim() !== ''),
      snapshotFile: `${migrationsFolder}/meta/${String(entry.idx).padStart(4, '0')}_snapshot.json`,
    };
  });
}

/**
 * The tables of the public schema and their columns right after the given migration, from
 * drizzle-kit's snapshot; null when the snapshot is missing (the restore then checks names inside
 * its transaction instead, which still rolls back on a mismatch).
 */
export function tablesAfter(migration: MigrationFile): Map<string, Set<string>> | null {
  if (!existsSync(migration.snapshotFile)) return null;
  const snapshot = JSON.parse(readFileSync(migration.snapshotFile, 'utf8')) as {
    tables: Record<string, { name: string; schema: string; columns: Record<string, { name: string }> }>;
  };
  const tables = new Map<string, Set<string>>();
  for (const table of Object.values(snapshot.tables)) {
    if ((table.schema || 'public') !== 'public') continue;
    tables.set(table.name, new Set(Object.values(table.columns).map((column) => column.name)));
  }
  return tables;
}
