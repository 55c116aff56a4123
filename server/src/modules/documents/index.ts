import type { ParsedDocument } from '../../../../contracts/documents.ts';
import { readDocumentText, readFileBuffer } from './document.input.ts';
import { parseWithOwnership } from './parser.ts';

export { cleanDocumentText, readDocumentText } from './document.input.ts';
export { DocumentError, type DocumentErrorCode } from './document-error.ts';
export { renderDocx } from './docx.renderer.ts';
export { type ParseOutcome, parseWithOwnership } from './parser.ts';
export { isPdfConverterAvailable, renderPdf } from './pdf.renderer.ts';
export { formatDiffVi } from './plan-diff.format.ts';
export { diffPlans } from './plan-diff.ts';

/** Parses the text of a document (plain text or Markdown) into the document model. */
export function parseDocumentText(text: string): ParsedDocument {
  return parseWithOwnership(text).document;
}

/** Parses a document held in memory; the file name's extension (.txt, .md, .docx) says how to read it. */
export async function parseDocumentBuffer(buffer: Buffer, fileName: string): Promise<ParsedDocument> {
  return parseDocumentText(await readDocumentText(buffer, fileName));
}

/** Parses a document file from disk (.txt, .md, .docx). */
export async function parseDocumentFile(path: string): Promise<ParsedDocument> {
  return parseDocumentBuffer(await readFileBuffer(path), path);
}
