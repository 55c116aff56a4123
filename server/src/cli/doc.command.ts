import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ParsedDocument } from '#contracts/documents.ts';
import {
  DocumentError,
  diffPlans,
  formatDiffVi,
  parseDocumentFile,
  renderDocx,
  renderPdf,
  upgradeDocument,
} from '#server/modules/documents/index.ts';

/** Prints one Vietnamese error line and sets exit code 1 (never a stack trace). */
function fail(error: unknown): void {
  const message =
    error instanceof DocumentError ? error.message : `Lỗi: ${(error as Error)?.message ?? error}`;
  process.stderr.write(`${message.split('\n')[0]}\n`);
  process.exitCode = 1;
}

/** The model upgraded from an earlier version's shape, or null when it is not a document model at all. */
function tryUpgrade(json: unknown): ParsedDocument | null {
  try {
    const parsed = ParsedDocument.safeParse(upgradeDocument(json as Parameters<typeof upgradeDocument>[0]));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function readModel(path: string): Promise<ParsedDocument> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new DocumentError('DOCUMENT_NOT_FOUND', `Không mở được tệp "${path}".`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new DocumentError('DOCUMENT_INVALID_MODEL', `Tệp "${path}" không phải JSON hợp lệ.`);
  }
  const parsed = ParsedDocument.safeParse(json);
  if (!parsed.success) {
    // A model saved by an earlier version lacks the fields added since: bring it up to date.
    const upgraded = tryUpgrade(json);
    if (upgraded) return upgraded;
    const where = parsed.error.issues[0]?.path.join('.') || 'gốc';
    throw new DocumentError(
      'DOCUMENT_INVALID_MODEL',
      `Tệp "${path}" không đúng mô hình văn bản (trường ${where}).`,
    );
  }
  return parsed.data;
}

/** Adds `doc parse`, `doc render` and `doc diff` to the tdkt command. */
export function registerDocCommands(program: Command): void {
  const doc = program
    .command('doc')
    .description('Đọc, xuất và so sánh văn bản (kế hoạch, công văn, quyết định)');

  doc
    .command('parse')
    .argument('<file>', 'tệp .txt, .md hoặc .docx')
    .option('--json', 'in JSON gọn trên một dòng')
    .description('Đọc văn bản và in mô hình JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      try {
        const parsed = await parseDocumentFile(file);
        process.stdout.write(`${JSON.stringify(parsed, null, options.json ? undefined : 2)}\n`);
      } catch (error) {
        fail(error);
      }
    });

  doc
    .command('render')
    .argument('<file>', 'tệp JSON do "doc parse" tạo ra')
    .requiredOption('--format <format>', 'docx hoặc pdf')
    .requiredOption('--out <out>', 'tệp kết quả')
    .description('Xuất văn bản theo thể thức Nghị định 30/2020/NĐ-CP')
    .action(async (file: string, options: { format: string; out: string }) => {
      try {
        if (options.format !== 'docx' && options.format !== 'pdf') {
          throw new DocumentError(
            'DOCUMENT_UNSUPPORTED',
            `Định dạng "${options.format}" không hỗ trợ: chọn docx hoặc pdf.`,
          );
        }
        const model = await readModel(file);
        const output = options.format === 'docx' ? await renderDocx(model) : await renderPdf(model);
        await writeFile(options.out, output);
        process.stdout.write(`Đã ghi ${options.out}\n`);
      } catch (error) {
        fail(error);
      }
    });

  doc
    .command('diff')
    .argument('<parent>', 'kế hoạch cấp trên')
    .argument('<child>', 'kế hoạch cấp dưới')
    .option('--json', 'in kết quả dạng JSON')
    .description('So sánh kế hoạch cấp dưới với kế hoạch cấp trên')
    .action(async (parentFile: string, childFile: string, options: { json?: boolean }) => {
      try {
        const [parent, child] = await Promise.all([
          parseDocumentFile(parentFile),
          parseDocumentFile(childFile),
        ]);
        const diff = diffPlans(parent, child);
        process.stdout.write(`${options.json ? JSON.stringify(diff, null, 2) : formatDiffVi(diff)}\n`);
      } catch (error) {
        fail(error);
      }
    });
}
