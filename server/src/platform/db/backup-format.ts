import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { AppError } from '../http/app-error.ts';

/**
 * The backup file: gzipped JSON lines. Line 1 is the header, then one line per batch of rows
 * (`{"table": …, "rows": […]}`), then (format 2) a trailer that records the row count of every
 * table and the SHA-256 of every byte before it, so a restore can prove the file is whole.
 */
export const BACKUP_FORMAT = 'tdkt-backup';
/** Format 2 added the trailer; format 1 files (no trailer) are still read. */
export const BACKUP_FORMAT_VERSION = 2;
const READABLE_VERSIONS = new Set([1, 2]);

/** The first line of a backup. */
export interface BackupHeader {
  format: string;
  version: number;
  appVersion: string;
  engine: string;
  createdAt: string;
  /** Tags of the migrations the source database had applied, in order. */
  migrations: string[];
}

/** The last line of a format-2 backup. */
export interface BackupTrailer {
  end: typeof BACKUP_FORMAT;
  tables: Record<string, number>;
  rows: number;
  sha256: string;
}

/** One batch of rows of one table. */
export interface BackupBatch {
  table: string;
  rows: Record<string, unknown>[];
}

/** A backup file's contents are unusable: the restore refuses it before touching anything (exit 2). */
export class BackupFileError extends AppError {
  constructor(vietnamese: string, english: string) {
    // One line, whatever a crafted file put into the names it quotes.
    super('VALIDATION_FAILED', `${vietnamese} / ${english}`.replace(/[\s\p{Cc}]+/gu, ' ').trim());
  }
}

/**
 * Writes a backup line by line, keeping the digest and row counts its trailer records. The file
 * is written under a temporary name and renamed when complete, so no half-written backup ever
 * carries the name the administrator asked for.
 */
export class BackupWriter {
  private readonly gzip = createGzip();
  private readonly out;
  private readonly partial: string;
  private readonly written: Promise<void>;
  private failure: Error | undefined;
  private readonly digest: Hash = createHash('sha256');
  private readonly counts: Record<string, number> = {};
  private total = 0;

  constructor(private readonly file: string) {
    this.partial = `${file}.${process.pid}.partial`;
    this.out = createWriteStream(this.partial);
    this.written = pipeline(this.gzip, this.out).catch((error: Error) => {
      this.failure = error;
    });
  }

  private checkWritable() {
    if (this.failure) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Không ghi được tệp sao lưu ${this.file} / cannot write the backup file: ${this.failure.message}`,
      );
    }
  }

  private async writeLine(value: unknown, hashed: boolean) {
    this.checkWritable();
    const line = `${JSON.stringify(value)}\n`;
    if (hashed) this.digest.update(line);
    if (!this.gzip.write(line)) await Promise.race([once(this.gzip, 'drain'), this.written]);
  }

  /** Writes the header line. */
  writeHeader(header: BackupHeader) {
    return this.writeLine(header, true);
  }

  /** Names a table the trailer must list even when it has no rows. */
  declareTable(table: string) {
    this.counts[table] ??= 0;
  }

  /** Writes one batch of rows of one table. */
  writeBatch(batch: BackupBatch) {
    this.counts[batch.table] = (this.counts[batch.table] ?? 0) + batch.rows.length;
    this.total += batch.rows.length;
    return this.writeLine(batch, true);
  }

  /** Writes the trailer and waits until the whole file is on disk. */
  async finish(): Promise<{ rows: number }> {
    const trailer: BackupTrailer = {
      end: BACKUP_FORMAT,
      tables: this.counts,
      rows: this.total,
      sha256: this.digest.digest('hex'),
    };
    await this.writeLine(trailer, false);
    this.gzip.end();
    await this.written;
    this.checkWritable();
    await rename(this.partial, this.file);
    return { rows: this.total };
  }

  /** Stops writing and removes the unfinished file. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.written;
    await rm(this.partial, { force: true });
  }
}

/** One non-blank line of a backup, parsed, with its line number and raw text. */
export interface BackupLine {
  number: number;
  text: string;
  value: unknown;
}

/**
 * Streams the lines of a backup. Every failure — missing file, not gzip, truncated, a flipped
 * byte (gzip's CRC), a line that is not JSON — becomes one BackupFileError naming the file.
 */
export async function* readBackupLines(file: string): AsyncGenerator<BackupLine> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  let failure: Error | undefined;
  input.on('error', (error) => {
    failure ??= error;
    gunzip.destroy(error);
  });
  gunzip.on('error', (error) => {
    failure ??= error;
  });
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  try {
    for await (const text of lines) {
      number++;
      if (!text.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw damaged(file, `dòng ${number} không đọc được`, `line ${number} is not valid JSON`);
      }
      yield { number, text, value };
    }
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    throw unreadable(file, failure ?? (error as Error));
  } finally {
    lines.close();
    input.destroy();
  }
  if (failure) throw unreadable(file, failure);
}

function unreadable(file: string, error: Error): BackupFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new BackupFileError(`Không tìm thấy tệp ${file}.`, 'file not found.');
  if (code === 'EACCES' || code === 'EISDIR') {
    return new BackupFileError(`Không đọc được tệp ${file}.`, `cannot read the file (${code}).`);
  }
  if (code === 'Z_DATA_ERROR' && /header/i.test(error.message)) {
    return new BackupFileError(
      `Tệp ${file} không phải bản sao lưu TĐKT hợp lệ.`,
      'not a TĐKT backup file (not gzip).',
    );
  }
  return damaged(file, 'tệp bị cắt cụt hoặc sai nội dung nén', `gzip: ${error.message}`);
}

/** The one message for a file that was a backup but is no longer whole. */
export function damaged(file: string, whatVietnamese: string, whatEnglish: string): BackupFileError {
  return new BackupFileError(
    `Tệp sao lưu ${file} bị hỏng hoặc không đầy đủ (${whatVietnamese}); dữ liệu hiện có chưa bị thay đổi.`,
    `the backup file is damaged or incomplete (${whatEnglish}); nothing was changed.`,
  );
}

/** True when the versions of the format this build reads include `version`. */
export function isReadableVersion(version: unknown): boolean {
  return typeof version === 'number' && READABLE_VERSIONS.has(version);
}

/** Hashes lines exactly as BackupWriter did, to check a trailer. */
export function lineDigest(): { add(text: string): void; hex(): string } {
  const digest = createHash('sha256');
  return {
    add: (text) => digest.update(`${text}\n`),
    hex: () => digest.digest('hex'),
  };
}
