import type { DocNode, ParsedDocument } from '#contracts/documents.ts';
import { readDocumentText, readFileBuffer } from './input/document.input.ts';
import { parseWithOwnership } from './parse/parser.ts';
import { readPlanBody } from './views/plan-body.views.ts';

export { composeDocument, docNode } from './compose.ts';
export { formatDiffVi } from './diff/plan-diff.format.ts';
export { diffPlans } from './diff/plan-diff.ts';
export { DocumentError, type DocumentErrorCode } from './document-error.ts';
export { upgradeDocument } from './document-upgrade.ts';
export { cleanDocumentText, readDocumentText } from './input/document.input.ts';
export { formatVietnameseDate } from './parse/dates.ts';
export { type ParseOutcome, parseWithOwnership } from './parse/parser.ts';
export { renderDocx } from './render/docx.renderer.ts';
export type { DocumentTable } from './render/docx.tables.ts';
export { convertDocxToPdf, isPdfConverterAvailable, renderPdf } from './render/pdf.renderer.ts';

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

/** The body a plan's parts live in: its sections, then those of a plan or regulation it issues. */
export function planBody(document: ParsedDocument): DocNode[] {
  return readPlanBody(document.sections, document.attachments);
}
