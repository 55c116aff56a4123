import { Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { centred, page, size } from './docx.layout.ts';

/**
 * A list issued with a document (danh sách kèm theo): a heading on a new page, then a bordered table
 * whose header row repeats on every page. Column widths are relative.
 */
export interface DocumentTable {
  title: string;
  note?: string | null;
  columns: { title: string; width: number; align?: 'left' | 'center' | 'right' }[];
  rows: string[][];
}

/** Text standing where a table goes until its XML replaces it (docx builds big tables slowly). */
const marker = (index: number) => `TDKT-TABLE-${index}-PLACEHOLDER`;

/** The heading of one list on a new page, and the paragraph its table will replace. */
export function tableBlocks(table: DocumentTable, index: number): Paragraph[] {
  return [
    new Paragraph({ pageBreakBefore: true, children: [] }),
    centred(table.title, { size: size.body, bold: true }, table.note ? 0 : 120),
    ...(table.note ? [centred(table.note, { size: size.body, italics: true }, 120)] : []),
    new Paragraph({ children: [new TextRun(marker(index))] }),
  ];
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`,
  );

function cellXml(text: string, width: number, align: string, bold: boolean): string {
  const runs = text
    .split('\n')
    .map(
      (part, index) =>
        `<w:r><w:rPr>${bold ? '<w:b/>' : ''}<w:sz w:val="${size.small}"/><w:szCs w:val="${size.small}"/></w:rPr>${index ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(part)}</w:t></w:r>`,
    )
    .join('');
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:jc w:val="${align}"/></w:pPr>${runs}</w:p></w:tc>`;
}

/** WordprocessingML of a table, written directly: a 1,000-row list takes milliseconds. */
export function tableXml(table: DocumentTable): string {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = table.columns.map((column) => Math.floor((column.width / total) * page.textWidth));
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const properties = `<w:tblPr><w:tblW w:w="${widths.reduce((sum, width) => sum + width, 0)}" w:type="dxa"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr>`;
  const grid = `<w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>`;
  const header = `<w:tr><w:trPr><w:tblHeader/></w:trPr>${table.columns.map((column, index) => cellXml(column.title, widths[index] ?? 0, 'center', true)).join('')}</w:tr>`;
  const rows = table.rows
    .map(
      (values) =>
        `<w:tr><w:trPr><w:cantSplit/></w:trPr>${table.columns.map((column, index) => cellXml(values[index] ?? '', widths[index] ?? 0, column.align ?? 'left', false)).join('')}</w:tr>`,
    )
    .join('');
  return `<w:tbl>${properties}${grid}${header}${rows}</w:tbl>`;
}

/** Puts each table's XML in place of its placeholder paragraph in a rendered DOCX. */
export async function insertTables(docx: Buffer, tables: DocumentTable[]): Promise<Buffer> {
  if (!tables.length) return docx;
  const zip = await JSZip.loadAsync(docx);
  const entry = zip.file('word/document.xml');
  if (!entry) throw new Error('document.xml missing');
  let xml = await entry.async('string');
  tables.forEach((table, index) => {
    const at = xml.indexOf(marker(index));
    const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
    const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
    if (at < 0 || start < 0) throw new Error('table placeholder missing');
    xml = `${xml.slice(0, start)}${tableXml(table)}${xml.slice(end)}`;
  });
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
