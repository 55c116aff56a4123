import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { StatisticsReport } from '#contracts/statistics.ts';

/** dd/mm/yyyy of a YYYY-MM-DD. */
const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const FONT = 'Times New Roman';
/** Text width of a landscape A4 page with 2 cm margins, in twentieths of a point. */
const WIDTH = 16838 - 2 * 1134;
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
};

interface TextStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  align?: 'left' | 'center';
  indent?: number;
}

const line = (text: string, style: TextStyle = {}) =>
  new Paragraph({
    alignment: style.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    indent: style.indent ? { left: style.indent * 240 } : undefined,
    children: [
      new TextRun({ text, font: FONT, size: style.size ?? 22, bold: style.bold, italics: style.italics }),
    ],
  });

const cell = (
  paragraphs: Paragraph[],
  width: number,
  extra: { columnSpan?: number; rowSpan?: number } = {},
) =>
  new TableCell({
    children: paragraphs,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    ...extra,
  });

/**
 * A filled form as a landscape DOCX in the official layout (for its PDF through LibreOffice Writer):
 * the form's code, circular and receipt date, the title and period, the reporting and receiving
 * units; the table with its group heads and column letters; the notes and the two signatures.
 */
export async function statisticsDocx(report: StatisticsReport): Promise<Buffer> {
  const { form } = report;
  const third = Math.floor(WIDTH / 3);
  const heading = new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              line(form.symbol, { bold: true, align: 'left' }),
              line(`Ban hành theo ${form.circular}`, { italics: true, align: 'left', size: 20 }),
              ...(form.receiptNote
                ? [line(`Ngày nhận báo cáo: ${form.receiptNote}`, { align: 'left', size: 20 })]
                : []),
            ],
            third,
          ),
          cell(
            [
              line(form.name.toUpperCase(), { bold: true, size: 24 }),
              line(`Năm ${report.year}`, { bold: true }),
              line(`(Từ ngày ${vnDate(report.periodFrom)} đến ngày ${vnDate(report.periodTo)})`, {
                italics: true,
              }),
              ...(form.unitNote ? [line(form.unitNote, { italics: true, size: 20 })] : []),
            ],
            third,
          ),
          cell(
            [
              line(`Đơn vị báo cáo: ${report.unit?.name ?? 'Toàn hệ thống'}`, { align: 'left', size: 20 }),
              line(`Đơn vị nhận báo cáo: ${report.receivingUnit}`, { align: 'left', size: 20 }),
            ],
            third,
          ),
        ],
      }),
    ],
  });
  const hasUnit = form.rows.some((row) => row.unit);
  const labelWidth = Math.floor(WIDTH * (form.columns.length > 6 ? 0.24 : 0.4));
  const fixedWidths = [labelWidth, 700, ...(hasUnit ? [1000] : [])];
  const figureWidth = Math.floor(
    (WIDTH - fixedWidths.reduce((sum, width) => sum + width, 0)) / form.columns.length,
  );
  const grouped = form.columns.some((column) => column.group);
  const span = grouped ? { rowSpan: 2 } : {};
  const head = (text: string) => [line(text, { bold: true, size: 20 })];
  const top: TableCell[] = [
    cell(head(''), fixedWidths[0] as number, span),
    cell(head('Mã số'), 700, span),
    ...(hasUnit ? [cell(head('Đơn vị tính'), 1000, span)] : []),
  ];
  const second: TableCell[] = [];
  form.columns.forEach((column, index) => {
    if (!column.group) {
      top.push(cell(head(column.label), figureWidth, span));
      return;
    }
    if (form.columns[index - 1]?.group !== column.group) {
      const count = form.columns.slice(index).findIndex((other) => other.group !== column.group);
      const columnSpan = count === -1 ? form.columns.length - index : count;
      top.push(cell(head(column.group), figureWidth * columnSpan, { columnSpan }));
    }
    second.push(cell(head(column.label), figureWidth));
  });
  const letters = ['A', 'B', ...(hasUnit ? ['C'] : []), ...form.columns.map((column) => column.code)];
  const widths = [...fixedWidths, ...form.columns.map(() => figureWidth)];
  const values = new Map(report.cells.map((item) => [`${item.row}|${item.column}`, item.value]));
  const body = form.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          row.label,
          row.heading ? '' : row.code,
          ...(hasUnit ? [row.unit ?? ''] : []),
          ...form.columns.map((column) =>
            row.heading ? '' : String(values.get(`${row.code}|${column.code}`) ?? 0),
          ),
        ].map((text, index) =>
          cell(
            [
              line(text, {
                size: 20,
                bold: row.heading === true || row.code === '01',
                align: index === 0 ? 'left' : 'center',
                indent: index === 0 ? (row.indent ?? 0) : 0,
              }),
            ],
            widths[index] as number,
          ),
        ),
      }),
  );
  const table = new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: top }),
      ...(grouped ? [new TableRow({ tableHeader: true, children: second })] : []),
      new TableRow({
        tableHeader: true,
        children: letters.map((letter, index) => cell(head(letter), widths[index] as number)),
      }),
      ...body,
    ],
  });
  const signatures = new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell(
            [line(''), line('Người lập biểu', { bold: true }), line('(Ký, họ tên)', { italics: true })],
            WIDTH / 2,
          ),
          cell(
            [
              line('........, ngày .... tháng .... năm ........', { italics: true }),
              line('Thủ trưởng đơn vị', { bold: true }),
              line('(Ký, họ tên, đóng dấu)', { italics: true }),
            ],
            WIDTH / 2,
          ),
        ],
      }),
    ],
  });
  const document = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children: [
          heading,
          line(''),
          table,
          ...form.notes.map((note) => line(`Ghi chú: ${note}`, { italics: true, size: 18, align: 'left' })),
          line(''),
          signatures,
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}
