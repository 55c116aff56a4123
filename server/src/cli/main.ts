import { Command } from 'commander';
import { ConfigError } from '#server/platform/config.ts';
import { DataDirLockedError } from '#server/platform/db/lock.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { describeError } from '#server/platform/http/logger.ts';
import { appVersion } from '#server/platform/version.ts';
import { registerAuditCommands } from './audit.command.ts';
import { registerDbCommands } from './db.command.ts';
import { registerDocCommands } from './doc.command.ts';
import { registerGenCommands } from './gen.command.ts';
import { registerRulesCommands } from './rules.command.ts';
import { registerServeCommand } from './serve.command.ts';
import { registerUserCommands } from './user.command.ts';

const program = new Command('tdkt')
  .description('TĐKT — hệ thống quản lý thi đua, khen thưởng / emulation and commendation management')
  .version(appVersion);
registerServeCommand(program);
registerDbCommands(program);
registerAuditCommands(program);
registerUserCommands(program);
registerDocCommands(program);
registerGenCommands(program);
registerRulesCommands(program);

/** Expected failures print one clear line; anything else prints its stack for the administrator. */
function fail(error: unknown): never {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof AppError) {
    console.error(error.message);
  } else if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ECONNREFUSED') {
    console.error(
      `Không kết nối được cơ sở dữ liệu PostgreSQL / Cannot connect to PostgreSQL: ${error.message}`,
    );
  } else {
    console.error(describeError(error));
  }
  process.exit(1);
}

process.on('unhandledRejection', fail);
program.parseAsync(process.argv).catch(fail);
