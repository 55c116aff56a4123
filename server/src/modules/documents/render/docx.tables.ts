import { AlignmentType, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import { centred, page, runs, size } from './docx.layout.ts';

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

const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

function cell(text: string, width: number, options: { bold?: boolean; align?: 'left' | 'center' | 'right' }) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 60, right: 60 },
    children: [
      new Paragraph({
        alignment: alignments[options.align ?? 'left'],
        children: runs(text, { size: size.small, bold: options.bold }),
      }),
    ],
  });
}

/** The paragraphs and table of one list, starting on a new page. */
export function tableBlocks(table: DocumentTable): (Paragraph | Table)[] {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = table.columns.map((column) => Math.floor((column.width / total) * page.textWidth));
  const header = new TableRow({
    tableHeader: true,
    children: table.columns.map((column, index) =>
      cell(column.title, widths[index] ?? 0, { bold: true, align: 'center' }),
    ),
  });
  const rows = table.rows.map(
    (values) =>
      new TableRow({
        cantSplit: true,
        children: table.columns.map((column, index) =>
          cell(values[index] ?? '', widths[index] ?? 0, { align: column.align }),
        ),
      }),
  );
  return [
    new Paragraph({ pageBreakBefore: true, children: [] }),
    centred(table.title, { size: size.body, bold: true }, table.note ? 0 : 120),
    ...(table.note ? [centred(table.note, { size: size.body, italics: true }, 120)] : []),
    new Table({
      width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
      columnWidths: widths,
      rows: [header, ...rows],
    }),
  ];
}
