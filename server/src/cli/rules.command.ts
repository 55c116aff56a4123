import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  checkEligibility,
  EligibilityInputError,
  explainResult,
  formatDate,
  formatVnd,
  getShippedRegistry,
  parseEligibilityInput,
  RuleDataError,
  type RuleRegistry,
  summariseRuleSets,
} from '#server/modules/awards/index.ts';

/** Bad input: one Vietnamese line on stderr and exit code 2 (as the brief of `rules check` asks). */
function failInput(message: string): void {
  process.stderr.write(`${message.split('\n')[0]}\n`);
  process.exitCode = 2;
}

/** The shipped rules, or one Vietnamese line and exit code 1 when the shipped data is broken. */
function shippedRules(): RuleRegistry | undefined {
  try {
    return getShippedRegistry();
  } catch (error) {
    if (!(error instanceof RuleDataError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
    return undefined;
  }
}

/** Adds `rules check` and `rules list` to the tdkt command. */
export function registerRulesCommands(program: Command): void {
  const rules = program
    .command('rules')
    .description('Quy tắc xét khen thưởng: kiểm tra điều kiện, danh sách bộ quy tắc');

  rules
    .command('check')
    .argument('<file>', 'tệp JSON: award, date, forYear, subject, history, members, pending, decider')
    .option('--json', 'in kết quả dạng JSON')
    .description(
      'Kiểm tra một cá nhân, tập thể, hộ gia đình có đủ điều kiện nhận một danh hiệu, hình thức khen thưởng',
    )
    .action(async (file: string, options: { json?: boolean }) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        failInput(`Không mở được tệp "${file}".`);
        return;
      }
      const registry = shippedRules();
      if (!registry) return;
      try {
        const result = checkEligibility(registry, parseEligibilityInput(text));
        process.stdout.write(`${options.json ? JSON.stringify(result, null, 2) : explainResult(result)}\n`);
      } catch (error) {
        if (error instanceof EligibilityInputError)
          failInput(`Lỗi dữ liệu trong tệp "${file}": ${error.message}`);
        else throw error;
      }
    });

  rules
    .command('list')
    .option('--json', 'in kết quả dạng JSON')
    .description('Liệt kê các bộ quy tắc theo thời kỳ và mức lương cơ sở')
    .action((options: { json?: boolean }) => {
      const registry = shippedRules();
      if (!registry) return;
      const summaries = summariseRuleSets(registry);
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify({ ruleSets: summaries, baseSalaries: registry.baseSalaries }, null, 2)}\n`,
        );
        return;
      }
      const lines = ['Các bộ quy tắc khen thưởng:'];
      for (const summary of summaries) {
        const period = `${formatDate(summary.effectiveFrom)} – ${summary.effectiveTo ? formatDate(summary.effectiveTo) : 'nay'}`;
        const marks = `C ${summary.byConfidence.C}, S ${summary.byConfidence.S}, U ${summary.byConfidence.U}`;
        lines.push(
          `  ${summary.id}  (${period})`,
          `    ${summary.name}`,
          `    ${summary.awards} danh hiệu, hình thức; ${summary.rules} quy tắc; ${summary.conditions} điều kiện (${marks})`,
        );
      }
      lines.push('', 'Lương cơ sở:');
      for (const entry of registry.baseSalaries) {
        lines.push(
          `  từ ${formatDate(entry.from)}: ${formatVnd(entry.amount)} (${entry.article}) [${entry.confidence}]`,
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
