import JSZip from 'jszip';
import { DocumentError } from '../document-error.ts';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A numeric character reference as text; U+FFFD for a number that names no character (&#x110000;). */
function fromCodePoint(code: number): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return fromCodePoint(Number(name.slice(1)));
    return entities[name] ?? whole;
  });
}

const tokenPattern = /<(\/?)w:(p|tbl|tc|t|br|cr|tab)(?:\s[^>]*?)?(\/?)>/g;

/**
 * Turns WordprocessingML into text lines: each body paragraph is a line followed by a blank line;
 * a table is read row by row, each cell's paragraphs as consecutive lines and a blank line after the
 * cell, so a two-column heading comes out like a flattened heading.
 */
export function readDocumentXml(xml: string): string {
  const out: string[] = [];
  let paragraph: string[] | null = null;
  let tableDepth = 0;
  let textStart = -1;
  for (const match of xml.matchAll(tokenPattern)) {
    const [whole, closing, name, selfClosing] = match;
    if (name === 't') {
      if (closing) {
        if (paragraph && textStart >= 0) paragraph.push(decodeXml(xml.slice(textStart, match.index)));
        textStart = -1;
      } else if (!selfClosing) textStart = match.index + whole.length;
      continue;
    }
    if ((name === 'br' || name === 'cr') && paragraph) paragraph.push('\n');
    else if (name === 'tab' && paragraph) paragraph.push(' ');
    else if (name === 'p' && !closing) {
      paragraph = [];
      if (selfClosing) {
        out.push(tableDepth > 0 ? '' : '\n');
        paragraph = null;
      }
    } else if (name === 'p' && closing && paragraph) {
      out.push(paragraph.join('') + (tableDepth > 0 ? '' : '\n'));
      paragraph = null;
    } else if (name === 'tbl') tableDepth += closing ? -1 : 1;
    else if (name === 'tc' && closing) out.push('');
  }
  return out.join('\n');
}

/** Reads the text of a .docx file (word/document.xml). */
export async function readDocxText(buffer: Buffer): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw new DocumentError('DOCUMENT_UNREADABLE', 'Tệp .docx không đọc được: không phải tệp Word hợp lệ.');
  }
  const entry = zip.file('word/document.xml');
  if (!entry)
    throw new DocumentError(
      'DOCUMENT_UNREADABLE',
      'Tệp .docx không có nội dung văn bản (word/document.xml).',
    );
  let xml: string;
  try {
    xml = await entry.async('string');
  } catch {
    throw new DocumentError(
      'DOCUMENT_UNREADABLE',
      'Tệp .docx bị hỏng: không giải nén được nội dung văn bản.',
    );
  }
  return readDocumentXml(xml);
}
