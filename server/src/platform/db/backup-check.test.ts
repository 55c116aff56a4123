import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectBackup } from './backup-check.ts';
import { BACKUP_FORMAT, BackupFileError, type BackupHeader, BackupWriter } from './backup-format.ts';
import { listMigrationFiles } from './migration-files.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'tdkt-backup-check-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const tags = listMigrationFiles().map((migration) => migration.tag);
const user = (index: number) => ({
  id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  username: `nguoi.dung.${index}`,
  full_name: `Người Dùng ${index}`,
  password_hash: 'x',
});
let fileIndex = 0;
const nextFile = () => path.join(folder, `case-${++fileIndex}.backup`);

/** A whole format-2 backup: 2,500 users in three batches and an empty table the trailer still lists. */
async function writeGoodBackup(header: Partial<BackupHeader> = {}): Promise<string> {
  const file = nextFile();
  const writer = new BackupWriter(file);
  await writer.writeHeader({
    format: BACKUP_FORMAT,
    version: 2,
    appVersion: 'test',
    engine: 'pglite',
    createdAt: '2026-11-22T08:00:00.000Z',
    migrations: tags,
    ...header,
  });
  writer.declareTable('units');
  writer.declareTable('users');
  for (let start = 0; start < 2500; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, 2500 - start) }, (_, i) => user(start + i));
    await writer.writeBatch({ table: 'users', rows });
  }
  await writer.finish();
  return file;
}

/** Rewrites a backup's uncompressed lines and gzips them again (a valid gzip with edited content). */
function editLines(file: string, edit: (lines: string[]) => string[]): string {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
  const edited = nextFile();
  writeFileSync(edited, gzipSync(`${edit(lines).join('\n')}\n`));
  return edited;
}

async function refusal(file: string): Promise<string> {
  const error = await inspectBackup(file).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BackupFileError);
  const message = (error as BackupFileError).message;
  expect(message.split('\n')).toHaveLength(1);
  expect(message).not.toMatch(/Z_BUF_ERROR|Z_DATA_ERROR/);
  return message;
}

describe('inspectBackup', () => {
  it('accepts a whole backup and reports its tables, rows and checksum', async () => {
    const manifest = await inspectBackup(await writeGoodBackup());
    expect(manifest.hasTrailer).toBe(true);
    expect(manifest.rows).toBe(2500);
    expect(Object.fromEntries(manifest.tables)).toEqual({ users: 2500, units: 0 });
    expect(manifest.pendingMigrations).toEqual([]);
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a format-1 backup, which has no trailer', async () => {
    const file = editLines(await writeGoodBackup(), (lines) => [
      JSON.stringify({ ...JSON.parse(lines[0] ?? '{}'), version: 1 }),
      ...lines.slice(1, -1),
    ]);
    const manifest = await inspectBackup(file);
    expect(manifest.hasTrailer).toBe(false);
    expect(manifest.rows).toBe(2500);
  });

  it('plans the migrations an older backup lacks', async () => {
    const manifest = await inspectBackup(await writeGoodBackup({ migrations: tags.slice(0, -1) }));
    expect(manifest.pendingMigrations.map((migration) => migration.tag)).toEqual(tags.slice(-1));
  });

  it('refuses a file cut short, whether inside the gzip stream or at a line boundary', async () => {
    const good = await writeGoodBackup();
    const bytes = readFileSync(good);
    const cut = nextFile();
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await refusal(cut)).toContain('bị hỏng hoặc không đầy đủ');
    const noTrailer = editLines(good, (lines) => lines.slice(0, -1));
    expect(await refusal(noTrailer)).toContain('thiếu phần kết');
    const lineLost = editLines(good, (lines) => [...lines.slice(0, 2), ...lines.slice(3)]);
    expect(await refusal(lineLost)).toContain('bảng users có 1500 dòng, phần kết ghi 2500');
  });

  it('refuses a flipped byte, an edited value, a broken line and data after the trailer', async () => {
    const good = await writeGoodBackup();
    const flipped = Buffer.from(readFileSync(good));
    flipped[flipped.length - 6] = (flipped[flipped.length - 6] ?? 0) ^ 0xff;
    const flippedFile = nextFile();
    writeFileSync(flippedFile, flipped);
    expect(await refusal(flippedFile)).toContain('bị hỏng hoặc không đầy đủ');
    const edited = editLines(good, (lines) =>
      lines.map((line) => line.replace('Người Dùng 7"', 'Người Dùng 8"')),
    );
    expect(await refusal(edited)).toContain('mã kiểm tra nội dung không khớp');
    const broken = editLines(good, (lines) => [
      lines[0] ?? '',
      '{"table":"users","rows":[',
      ...lines.slice(1),
    ]);
    expect(await refusal(broken)).toContain('dòng 2 không đọc được');
    const extra = editLines(good, (lines) => [...lines, lines[1] ?? '']);
    expect(await refusal(extra)).toContain('có dữ liệu sau phần kết');
  });

  it('refuses unknown tables, unknown columns and rows that are not objects', async () => {
    const good = await writeGoodBackup();
    const swap = (from: string, to: string) =>
      editLines(good, (lines) => lines.map((l) => l.replace(from, to)));
    expect(await refusal(swap('"table":"users"', '"table":"users_x\\nsecond line"'))).toContain(
      'bảng lạ "users_x second line"',
    );
    expect(await refusal(swap('"full_name"', '"ho_ten"'))).toContain('cột lạ "ho_ten"');
    expect(await refusal(swap('"rows":[{', '"rows":[7,{'))).toContain('sai cấu trúc');
  });

  it('refuses a backup from a newer version, one with foreign migrations, and files that are no backup', async () => {
    expect(await refusal(await writeGoodBackup({ migrations: [...tags, '9999_from_the_future'] }))).toContain(
      'phiên bản TĐKT mới hơn',
    );
    expect(await refusal(await writeGoodBackup({ migrations: [...tags].reverse() }))).toContain('không khớp');
    const json = nextFile();
    writeFileSync(json, '{"name":"tdkt"}');
    expect(await refusal(json)).toContain('không phải bản sao lưu TĐKT');
    const wrongFormat = nextFile();
    writeFileSync(wrongFormat, gzipSync('{"format":"other"}\n'));
    expect(await refusal(wrongFormat)).toContain('không phải bản sao lưu TĐKT');
    expect(await refusal(path.join(folder, 'missing.backup'))).toContain('Không tìm thấy tệp');
  });
});
