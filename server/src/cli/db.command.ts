import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import {
  backupDatabase,
  dropEverything,
  isDatabaseEmpty,
  readBackupHeader,
  restoreDatabase,
} from '../platform/db/backup.ts';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { AppError } from '../platform/http/app-error.ts';
import { openRuntime, type Runtime } from '../platform/runtime.ts';

/** Opens the configured database (taking the data-folder lock in embedded mode), runs the task, closes. */
async function withRuntime<T>(task: (runtime: Runtime) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  try {
    return await task(runtime);
  } finally {
    await runtime.shutdown();
  }
}

/** `tdkt db migrate | backup FILE | restore FILE [--force]`. */
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
        console.log(`Đã sao lưu ${result.rows} dòng từ ${result.tables} bảng vào ${file} / backup written.`);
      }),
    );

  db.command('restore')
    .argument('<file>', 'tệp sao lưu / backup file')
    .option('--force', 'xóa dữ liệu hiện có rồi khôi phục / replace existing data')
    .description(
      'Khôi phục dữ liệu từ tệp sao lưu (vào PGlite hoặc PostgreSQL) / restore a backup into either engine',
    )
    .action((file: string, options: { force?: boolean }) => {
      if (!existsSync(file)) throw new AppError('NOT_FOUND', `Không tìm thấy tệp ${file} / file not found.`);
      return withRuntime(async (runtime) => {
        await readBackupHeader(file);
        if (!(await isDatabaseEmpty(runtime.handle))) {
          if (!options.force) {
            throw new AppError(
              'CONFLICT',
              'Cơ sở dữ liệu đã có dữ liệu; dùng --force để xóa và khôi phục đè / the database is not empty: use --force to replace it.',
            );
          }
          await dropEverything(runtime.handle);
          await migrateDatabase(runtime.handle, loadConfig().DATABASE_URL);
        }
        const result = await restoreDatabase(runtime.handle, file);
        console.log(`Đã khôi phục ${result.rows} dòng từ ${file} / restore complete.`);
      });
    });
}
