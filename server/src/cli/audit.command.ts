import type { Command } from 'commander';
import { verifyAuditChain } from '#server/platform/audit/verify.ts';
import { loadConfig } from '#server/platform/config.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { openRuntime } from '#server/platform/runtime.ts';

/** Reads `--head SEQ:HASH`, a chain head noted from an earlier run. */
function parseHead(value: string | undefined): { seq: number; hash: string } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(value.trim());
  if (!match) {
    throw new AppError(
      'VALIDATION_FAILED',
      '--head phải có dạng SỐ:MÃ (số thứ tự và mã 64 ký tự do lần kiểm tra trước in ra).',
    );
  }
  return { seq: Number(match[1]), hash: match[2] as string };
}

/** `tdkt audit verify [--head SEQ:HASH]`: exit 0 when the chain is intact, 1 when it is not. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Nhật ký hệ thống / audit trail');
  audit
    .command('verify')
    .description(
      'Kiểm tra chuỗi mã của nhật ký: báo sự kiện đầu tiên bị sửa, xóa hoặc chèn / verify the audit hash chain',
    )
    .option('--head <seq:hash>', 'mốc đã ghi lại từ lần kiểm tra trước (phát hiện xóa các sự kiện mới nhất)')
    .action(async (options: { head?: string }) => {
      const knownHead = parseHead(options.head);
      const runtime = await openRuntime(loadConfig());
      try {
        const report = await verifyAuditChain(runtime.handle.db, knownHead);
        if (report.intact) {
          const head = report.head
            ? ` Sự kiện cuối: số ${report.head.seq}, mã ${report.head.hash} — ghi lại để lần sau kiểm tra bằng --head ${report.head.seq}:${report.head.hash}.`
            : '';
          console.log(`Nhật ký toàn vẹn: ${report.events} sự kiện nối đúng chuỗi.${head}`);
        } else {
          console.error(
            `Nhật ký đã bị can thiệp (${report.events} sự kiện đầu đúng chuỗi). ${report.problem.message}`,
          );
          process.exitCode = 1;
        }
      } finally {
        await runtime.shutdown();
      }
    });
}
