import { type DocumentType, documentTypeInfo } from '#contracts/documents.ts';
import { foldText } from './lines.ts';

const byName = (Object.entries(documentTypeInfo) as [DocumentType, { name: string; code: string | null }][])
  .map(([type, info]) => ({ type, name: foldText(info.name), code: info.code }))
  .sort((a, b) => b.name.length - a.name.length);

/** The kind named by a type heading ("QUYẾT ĐỊNH", "KẾ HOẠCH LIÊN TỊCH"), or null. */
function typeFromName(kind: string): DocumentType | null {
  const key = foldText(kind).replace(/[:.]$/, '');
  return byName.find((entry) => key === entry.name || key.startsWith(`${entry.name} `))?.type ?? null;
}

/** The kind written in a number's symbol ("45/2025/QĐ-UBND" → decision, "15/CĐ-TTg" → telegram). */
function typeFromSymbol(number: string): DocumentType | null {
  const segments = number.split('/').slice(1);
  const symbol = segments.find((segment) => !/^\d+$/.test(segment)) ?? '';
  const code = symbol.split('-')[0] ?? '';
  if (/^cv$/i.test(code)) return 'letter';
  return (
    byName.find((entry) => entry.code === code)?.type ??
    byName.find((entry) => entry.code !== null && foldText(entry.code) === foldText(code))?.type ??
    null
  );
}

/** Reads the kind of a document (NĐ 30/2020 Phụ lục III) from its type heading, else from its symbol. */
export function readDocumentType(kind: string | null, number: string | null): DocumentType | null {
  return (kind ? typeFromName(kind) : null) ?? (number ? typeFromSymbol(number) : null);
}

/** Kinds whose summary is followed by the line of the issuing authority. */
export const authorityTypes: DocumentType[] = ['decision', 'resolution', 'directive', 'telegram'];
