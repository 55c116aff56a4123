import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
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

/** Reads the text of a document buffer by its file name's extension (.txt, .md, .docx). */
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
