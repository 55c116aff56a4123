import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ParsedDocument } from '#contracts/documents.ts';
import { DocumentError } from '../document-error.ts';
import { renderDocx } from './docx.renderer.ts';

const converter = process.env.TDKT_SOFFICE ?? 'soffice';

function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs }, (error) => (error ? reject(error) : resolve()));
  });
}

/** True when LibreOffice (soffice) can be started on this machine. */
export async function isPdfConverterAvailable(): Promise<boolean> {
  try {
    await run(converter, ['--version'], 20_000);
    return true;
  } catch {
    return false;
  }
}

/**
 * One LibreOffice profile per process, made at the first conversion and reused (making it is a good
 * part of a cold start); conversions in one process take turns, since a profile serves one soffice.
 */
const profile = pathToFileURL(join(tmpdir(), `tdkt-soffice-profile-${process.pid}`)).href;
let turn: Promise<unknown> = Promise.resolve();

/** Converts a DOCX buffer to PDF with LibreOffice headless, in this process's profile and a private folder. */
export function convertDocxToPdf(docx: Buffer): Promise<Buffer> {
  const mine = turn.then(() => convertNow(docx));
  turn = mine.catch(() => undefined);
  return mine;
}

async function convertNow(docx: Buffer): Promise<Buffer> {
  if (!(await isPdfConverterAvailable())) {
    throw new DocumentError(
      'PDF_CONVERTER_MISSING',
      'Không tìm thấy LibreOffice (soffice) để xuất PDF / LibreOffice (soffice) not found, cannot export PDF.',
    );
  }
  const folder = await mkdtemp(join(tmpdir(), 'tdkt-pdf-'));
  try {
    const input = join(folder, 'document.docx');
    await writeFile(input, docx);
    await run(
      converter,
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, input],
      120_000,
    );
    return await readFile(join(folder, 'document.pdf'));
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError('PDF_CONVERSION_FAILED', 'LibreOffice không chuyển được văn bản sang PDF.');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Renders a parsed document to PDF (DOCX through LibreOffice); throws PDF_CONVERTER_MISSING without it. */
export async function renderPdf(doc: ParsedDocument): Promise<Buffer> {
  return convertDocxToPdf(await renderDocx(doc));
}
