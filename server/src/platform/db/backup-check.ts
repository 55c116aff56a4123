import {
  BACKUP_FORMAT,
  type BackupBatch,
  BackupFileError,
  type BackupHeader,
  type BackupTrailer,
  damaged,
  isReadableVersion,
  lineDigest,
  readBackupLines,
} from './backup-format.ts';
import { listMigrationFiles, type MigrationFile, tablesAfter } from './migration-files.ts';

/** What the checking pass learnt about a backup that is whole and readable by this build. */
export interface BackupManifest {
  header: BackupHeader;
  /** This build's migrations that the source database had applied (a prefix of them, in order). */
  migrations: MigrationFile[];
  /** This build's migrations the backup lacks: they run on the restored rows inside the restore. */
  pendingMigrations: MigrationFile[];
  /** Rows per table, in the order the tables appear in the file. */
  tables: Map<string, number>;
  rows: number;
  /** SHA-256 of the header and batch lines as read (the trailer's checksum when there is one). */
  sha256: string;
  /** False for format-1 files, whose only integrity check is gzip's own CRC. */
  hasTrailer: boolean;
}

const notABackup = (file: string) =>
  new BackupFileError(`Tệp ${file} không phải bản sao lưu TĐKT hợp lệ.`, 'not a TĐKT backup file.');

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type HeaderFacts = Pick<BackupManifest, 'header' | 'migrations' | 'pendingMigrations'>;

function checkHeader(file: string, value: unknown): HeaderFacts {
  if (!isObject(value) || value.format !== BACKUP_FORMAT) throw notABackup(file);
  if (!isReadableVersion(value.version)) {
    throw new BackupFileError(
      `Tệp ${file} dùng định dạng sao lưu phiên bản ${String(value.version)} mà phiên bản TĐKT này không đọc được; hãy cập nhật phần mềm.`,
      'unsupported backup format version.',
    );
  }
  const tags = value.migrations;
  if (!Array.isArray(tags) || tags.length === 0 || !tags.every((tag) => typeof tag === 'string')) {
    throw damaged(file, 'phần đầu tệp thiếu danh sách migration', 'the header lists no migrations');
  }
  const known = listMigrationFiles();
  if (tags.some((tag) => !known.some((migration) => migration.tag === tag))) {
    throw new BackupFileError(
      'Bản sao lưu được tạo bởi phiên bản TĐKT mới hơn; hãy cập nhật phần mềm trước khi khôi phục.',
      'the backup comes from a newer TĐKT version.',
    );
  }
  if (tags.some((tag, index) => known[index]?.tag !== tag)) {
    throw new BackupFileError(
      'Các migration ghi trong bản sao lưu không khớp thứ tự của phiên bản TĐKT này; không thể khôi phục.',
      'the backup’s migrations do not match this version’s order.',
    );
  }
  return {
    header: value as unknown as BackupHeader,
    migrations: known.slice(0, tags.length),
    pendingMigrations: known.slice(tags.length),
  };
}

const isTrailer = (value: unknown): value is BackupTrailer => isObject(value) && 'end' in value;

function checkBatch(
  file: string,
  line: number,
  value: unknown,
  tables: Map<string, Set<string>> | null,
): BackupBatch {
  if (!isObject(value) || typeof value.table !== 'string' || !Array.isArray(value.rows)) {
    throw damaged(file, `dòng ${line} không đúng cấu trúc`, `line ${line} is not a batch of rows`);
  }
  const columns = tables?.get(value.table);
  if (tables && !columns) {
    const name = value.table.slice(0, 60);
    throw damaged(file, `dòng ${line} nêu bảng lạ "${name}"`, `line ${line}: unknown table`);
  }
  for (const row of value.rows) {
    if (!isObject(row)) {
      throw damaged(
        file,
        `dòng ${line}: một dòng dữ liệu sai cấu trúc`,
        `line ${line}: a row is not an object`,
      );
    }
    const unknown = columns && Object.keys(row).find((key) => !columns.has(key));
    if (unknown) {
      throw damaged(
        file,
        `dòng ${line}, bảng ${value.table}: cột lạ "${unknown.slice(0, 60)}"`,
        `line ${line}: unknown column ${value.table}.${unknown}`,
      );
    }
  }
  return value as unknown as BackupBatch;
}

function checkTrailer(
  file: string,
  trailer: BackupTrailer,
  manifest: BackupManifest,
  known: Map<string, Set<string>> | null,
) {
  const recorded = isObject(trailer.tables) ? trailer.tables : {};
  const names = new Set([...Object.keys(recorded), ...manifest.tables.keys()]);
  for (const table of names) {
    if (known && !known.has(table)) {
      throw damaged(
        file,
        `phần kết nêu bảng lạ "${table.slice(0, 60)}"`,
        'the trailer names an unknown table',
      );
    }
    const found = manifest.tables.get(table) ?? 0;
    if (recorded[table] !== found) {
      throw damaged(
        file,
        `bảng ${table} có ${found} dòng, phần kết ghi ${String(recorded[table] ?? 0)}`,
        `table ${table} has ${found} rows, the trailer records ${String(recorded[table] ?? 0)}`,
      );
    }
  }
  if (trailer.end !== BACKUP_FORMAT || trailer.rows !== manifest.rows || trailer.sha256 !== manifest.sha256) {
    throw damaged(file, 'mã kiểm tra nội dung không khớp', 'the content checksum does not match');
  }
  // Tables the source had but left empty are part of the backup too.
  for (const table of names) if (!manifest.tables.has(table)) manifest.tables.set(table, 0);
}

/**
 * Reads the whole backup once, streaming, and proves it can be restored before anything is
 * touched: gzip completes, every line parses, the header is one this build reads, every table
 * and column exists at the backup's schema version, and (format 2) the row counts and checksum
 * match the trailer. Throws BackupFileError otherwise.
 */
export async function inspectBackup(file: string): Promise<BackupManifest> {
  let manifest: BackupManifest | undefined;
  let known: Map<string, Set<string>> | null = null;
  let trailer: BackupTrailer | undefined;
  const digest = lineDigest();
  for await (const line of readBackupLines(file)) {
    if (!manifest) {
      manifest = {
        ...checkHeader(file, line.value),
        tables: new Map(),
        rows: 0,
        sha256: '',
        hasTrailer: false,
      };
      const last = manifest.migrations.at(-1);
      known = last ? tablesAfter(last) : null;
      digest.add(line.text);
      continue;
    }
    if (trailer)
      throw damaged(file, `có dữ liệu sau phần kết (dòng ${line.number})`, 'data after the trailer');
    if (isTrailer(line.value)) {
      trailer = line.value;
      continue;
    }
    const batch = checkBatch(file, line.number, line.value, known);
    manifest.tables.set(batch.table, (manifest.tables.get(batch.table) ?? 0) + batch.rows.length);
    manifest.rows += batch.rows.length;
    digest.add(line.text);
  }
  if (!manifest) throw notABackup(file);
  manifest.sha256 = digest.hex();
  if (trailer) {
    checkTrailer(file, trailer, manifest, known);
    manifest.hasTrailer = true;
  } else if (manifest.header.version >= 2) {
    throw damaged(file, 'thiếu phần kết, tệp bị cắt cụt', 'the trailer is missing: the file was cut short');
  }
  return manifest;
}
