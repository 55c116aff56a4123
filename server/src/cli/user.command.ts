import type { Command } from 'commander';
import { Role, roleLabels } from '#contracts/auth.ts';
import { CreateUserBody } from '#contracts/users.ts';
import { createUser, findUnitByCode } from '#server/modules/users/index.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import { generatePassword } from '#server/platform/auth/password.ts';
import { loadConfig } from '#server/platform/config.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { openRuntime } from '#server/platform/runtime.ts';

interface CreateOptions {
  username: string;
  role: string;
  unit?: string;
  fullName?: string;
  password?: string;
  email?: string;
}

/** `tdkt user create --username … --role … [--unit CODE] [--email ADDRESS]`. */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Tài khoản người dùng / user accounts');
  user
    .command('create')
    .description('Tạo tài khoản; mật khẩu ngẫu nhiên được in ra nếu không chỉ định / create an account')
    .requiredOption('--username <username>', 'tên đăng nhập')
    .requiredOption('--role <role>', `vai trò: ${Role.options.join(', ')}`)
    .option('--unit <code>', 'mã đơn vị được phân quyền (phạm vi: đơn vị và cấp dưới)')
    .option('--full-name <name>', 'họ và tên')
    .option('--email <address>', 'địa chỉ thư điện tử nhận nhắc việc (khi máy chủ cấu hình SMTP)')
    .option(
      '--password <password>',
      'mật khẩu (mặc định: sinh ngẫu nhiên); hoặc biến môi trường TDKT_PASSWORD',
    )
    .action(async (options: CreateOptions) => {
      const password = options.password ?? process.env.TDKT_PASSWORD ?? generatePassword();
      const runtime = await openRuntime(loadConfig());
      try {
        const unit = options.unit ? await findUnitByCode(runtime.handle.db, options.unit) : null;
        if (options.unit && !unit)
          throw new AppError('NOT_FOUND', `Không tìm thấy đơn vị có mã ${options.unit}.`);
        const parsed = CreateUserBody.safeParse({
          username: options.username,
          fullName: options.fullName ?? options.username,
          password,
          role: options.role,
          unitId: unit?.id ?? null,
          email: options.email ?? null,
        });
        if (!parsed.success) {
          throw new AppError(
            'VALIDATION_FAILED',
            parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
          );
        }
        await createUser(runtime.handle.db, parsed.data, systemActor('tdkt user create'));
        console.log(
          `Đã tạo tài khoản ${parsed.data.username} (${roleLabels[parsed.data.role]})${options.password || process.env.TDKT_PASSWORD ? '' : `, mật khẩu: ${password}`}`,
        );
      } finally {
        await runtime.shutdown();
      }
    });
}
