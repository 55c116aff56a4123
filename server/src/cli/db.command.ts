import type { Command } from 'commander';
import { type Config, loadConfig } from '#server/platform/config.ts';
import { backupDatabase, isDatabaseEmpty } from '#server/platform/db/backup.ts';
import { type BackupManifest, inspectBackup } from '#server/platform/db/backup-check.ts';
import { BackupFileError } from '#server/platform/db/backup-format.ts';
import { PROGRESS_EVERY, type RestoreProgress, restoreDatabase } from '#server/platform/db/restore.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { openRuntime, type Runtime, refreshRequestRole } from '#server/platform/runtime.ts';

/** Exit code of `tdkt db restore` when the backup file cannot be used (damaged, unreadable, too new). */
const EXIT_BAD_BACKUP = 2;

/** Opens the configured database (taking the data-folder lock in embedded mode), runs the task, closes. */
async function withRuntime<T>(task: (runtime: Runtime, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  try {
    return await task(runtime, config);
  } finally {
    await runtime.shutdown();
  }
}

const number = (value: number) => value.toLocaleString('vi-VN');

function printChecked(manifest: BackupManifest) {
  const check = manifest.hasTrailer ? 'số dòng và mã kiểm tra khớp' : 'định dạng cũ, không có phần kết';
  console.log(
    `Tệp sao lưu hợp lệ (${check}): ${number(manifest.rows)} dòng, ${manifest.tables.size} bảng, tạo lúc ${manifest.header.createdAt} / backup checked.`,
  );
  if (manifest.pendingMigrations.length) {
    console.log(
      `Bản sao lưu từ phiên bản cũ hơn: sẽ áp dụng thêm ${manifest.pendingMigrations.length} migration sau khi nạp / older schema: migrations will run on the restored data.`,
    );
  }
}

function printProgress(progress: RestoreProgress) {
  if (progress.step === 'table') {
    console.log(`  Đang nạp bảng / loading ${progress.table} (${number(progress.expected)} dòng)`);
  } else {
    console.log(`  ${progress.table}: ${number(progress.loaded)}/${number(progress.expected)}`);
  }
}

/** The --progress-rows option: a whole number of rows from 1 to 10,000,000. */
function progressRows(value: string | undefined): number {
  if (value === undefined) return PROGRESS_EVERY;
  const rows = Number(value);
  if (!/^\d+$/.test(value) || rows < 1 || rows > 10_000_000) {
    throw new AppError(
      'VALIDATION_FAILED',
      `--progress-rows phải là số nguyên từ 1 đến 10.000.000 (nhận "${value}") / must be a whole number from 1 to 10,000,000.`,
    );
  }
  return rows;
}

async function restoreCommand(file: string, options: { force?: boolean; progressRows?: string }) {
  const progressEvery = progressRows(options.progressRows);
  const started = Date.now();
  // The whole file is checked before the database is even opened.
  const manifest = await inspectBackup(file);
  printChecked(manifest);
  await withRuntime(async (runtime, config) => {
    if (!options.force && !(await isDatabaseEmpty(runtime.handle))) {
      throw new AppError(
        'CONFLICT',
        'Cơ sở dữ liệu đã có dữ liệu; dùng --force để thay bằng bản sao lưu / the database is not empty: use --force to replace it.',
      );
    }
    const result = await restoreDatabase(runtime.handle, file, {
      manifest,
      onProgress: printProgress,
      progressEvery,
    });
    await refreshRequestRole(config, runtime.handle);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `Đã khôi phục ${number(result.rows)} dòng từ ${file} trong ${seconds} giây / restore complete.`,
    );
  });
}

/** `tdkt db migrate | backup FILE | check FILE | restore FILE [--force]`. */
export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Cơ sở dữ liệu / database maintenance');

  db.command('migrate')
    .description('Áp dụng các migration còn thiếu / apply pending migrations')
    .action(() =>
      withRuntime(async (runtime) => {
        console.log(`Đã cập nhật cấu trúc CSDL (${runtime.handle.kind}) / database schema is up to date.`);
      }),
    );

  db.command('backup')
    .argument('<file>', 'tệp sao lưu sẽ tạo / backup file to write')
    .description('Sao lưu toàn bộ dữ liệu ra một tệp / back up all data to one file')
    .action((file: string) =>
      withRuntime(async (runtime) => {
        const result = await backupDatabase(runtime.handle, file);
        console.log(
          `Đã sao lưu ${number(result.rows)} dòng từ ${result.tables} bảng vào ${file} / backup written.`,
        );
      }),
    );

  db.command('check')
    .argument('<file>', 'tệp sao lưu / backup file')
    .description(
      'Kiểm tra toàn vẹn một tệp sao lưu mà không khôi phục / verify a backup file without restoring it',
    )
    .action(async (file: string) => {
      printChecked(await inspectBackup(file).catch(exitOnBadBackup));
    });

  db.command('restore')
    .argument('<file>', 'tệp sao lưu / backup file')
    .option('--force', 'thay toàn bộ dữ liệu hiện có bằng bản sao lưu / replace existing data')
    .option(
      '--progress-rows <n>',
      `số dòng giữa hai dòng tiến độ (mặc định ${PROGRESS_EVERY}) / rows between progress lines`,
    )
    .description(
      'Khôi phục dữ liệu từ tệp sao lưu (vào PGlite hoặc PostgreSQL); tệp được kiểm tra hết trước, rồi thay dữ liệu trong một giao dịch — bị ngắt giữa chừng thì dữ liệu cũ còn nguyên; tệp hỏng: mã thoát 2 / restore a backup into either engine, all or nothing; exit code 2 for a bad file',
    )
    .action((file: string, options: { force?: boolean; progressRows?: string }) =>
      restoreCommand(file, options).catch(exitOnBadBackup),
    );
}

/** A bad backup file prints its one line and exits with 2; every other failure goes on to the CLI's handler. */
function exitOnBadBackup(error: unknown): never {
  if (!(error instanceof BackupFileError)) throw error;
  console.error(error.message);
  process.exit(EXIT_BAD_BACKUP);
}
