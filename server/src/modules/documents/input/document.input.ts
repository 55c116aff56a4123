import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { DOCUMENT_TEXT_MAX } from '#contracts/common.ts';
import { DocumentError } from '../document-error.ts';
import { readDocxText } from './docx.reader.ts';

const textExtensions = ['.txt', '.md', '.markdown'];

/** Decodes a text file (UTF-8, with or without BOM) and refuses binary content. */
function decodeText(buffer: Buffer): string {
  const text = buffer.toString('utf8').replace(/^\ufeff/, '');
  let controls = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 9 || (code > 13 && code < 32) || code === 0xfffd) controls += 1;
  }
  if (controls > Math.max(4, text.length / 100)) {
    throw new DocumentError('DOCUMENT_UNREADABLE', 'Tệp không phải văn bản đọc được (nội dung nhị phân).');
  }
  return text;
}

/**
 * The text with what a stored plan may not hold taken out: line ends become line feeds, other control
 * characters (NUL, escape, C1) are dropped and broken surrogate halves become U+FFFD. The plan's
 * contracts refuse such characters, so an import never stores text that could not be saved back.
 */
export function cleanDocumentText(text: string): string {
  return text
    .replace(/\r\n?|[\v\f\u0085]/g, '\n')
    .replace(/[\p{Cc}]/gu, (char) => (char === '\n' || char === '\t' ? char : ''))
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Reads the text of a document buffer by its file name's extension (.txt, .md, .docx), cleaned of control characters. */
export async function readDocumentText(buffer: Buffer, fileName: string): Promise<string> {
  const extension = extname(fileName).toLowerCase();
  if (buffer.length === 0) throw new DocumentError('DOCUMENT_EMPTY', `Tệp "${fileName}" rỗng.`);
  let text: string;
  if (extension === '.docx') text = await readDocxText(buffer);
  else if (textExtensions.includes(extension)) text = decodeText(buffer);
  else {
    throw new DocumentError(
      'DOCUMENT_UNSUPPORTED',
      `Không hỗ trợ định dạng "${extension || fileName}": chỉ nhận .txt, .md hoặc .docx.`,
    );
  }
  text = cleanDocumentText(text);
  if (text.length > DOCUMENT_TEXT_MAX) {
    throw new DocumentError(
      'DOCUMENT_TOO_LONG',
      `Tệp "${fileName}" quá dài (tối đa ${DOCUMENT_TEXT_MAX} ký tự).`,
    );
  }
  if (!/[\p{L}]{2,}/u.test(text)) {
    throw new DocumentError('DOCUMENT_EMPTY', `Tệp "${fileName}" không có nội dung văn bản.`);
  }
  return text;
}

/** Reads a file from disk, with a Vietnamese error when it is missing. */
export async function readFileBuffer(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw new DocumentError('DOCUMENT_NOT_FOUND', `Không mở được tệp "${path}".`);
  }
}
