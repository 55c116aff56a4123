import ExcelJS from 'exceljs';
import type { StatisticsReport } from '#contracts/statistics.ts';

/** dd/mm/yyyy of a YYYY-MM-DD. */
const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({
  name: 'Times New Roman',
  size: 11,
  ...extra,
});

/**
 * A filled form as an XLSX in the official layout: the form's code, circular and receipt date on the
 * left, the title and period in the middle, the reporting and receiving units on the right; row label
 * (A), code (B), unit (C) and the numbered columns; the signatures below. Landscape A4, fit to width.
 */
export async function statisticsXlsx(report: StatisticsReport): Promise<Buffer> {
  const { form } = report;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(form.code, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const hasUnit = form.rows.some((row) => row.unit);
  const fixed = hasUnit ? 3 : 2;
  const width = fixed + form.columns.length;
  sheet.getColumn(1).width = 48;
  sheet.getColumn(2).width = 8;
  if (hasUnit) sheet.getColumn(3).width = 10;
  for (let index = fixed + 1; index <= width; index += 1) sheet.getColumn(index).width = 12;
  const put = (row: number, from: number, to: number, text: string, style: Partial<ExcelJS.Font> = {}) => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = font(style);
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: from === 1 ? 'left' : 'center' };
  };
  const left = 1;
  const middle = [2, Math.max(2, width - 3)] as const;
  const right = [Math.max(3, width - 2), width] as const;
  put(1, left, left, form.symbol, { bold: true });
  put(1, middle[0], middle[1], form.name.toUpperCase(), { bold: true, size: 12 });
  put(1, right[0], right[1], `Đơn vị báo cáo: ${report.unit?.name ?? 'Toàn hệ thống'}`);
  put(2, left, left, `Ban hành theo ${form.circular}`, { italic: true });
  put(2, middle[0], middle[1], `Năm ${report.year}`, { bold: true });
  put(2, right[0], right[1], `Đơn vị nhận báo cáo: ${report.receivingUnit}`);
  put(3, left, left, form.receiptNote ? `Ngày nhận báo cáo: ${form.receiptNote}` : '');
  put(
    3,
    middle[0],
    middle[1],
    `(Từ ngày ${vnDate(report.periodFrom)} đến ngày ${vnDate(report.periodTo)})${form.unitNote ? ` — ${form.unitNote}` : ''}`,
    { italic: true },
  );
  sheet.getRow(1).height = 36;
  sheet.getRow(2).height = 30;
  const head = 5;
  const grouped = form.columns.some((column) => column.group);
  const headRows = grouped ? 2 : 1;
  const header = (row: number, col: number, text: string, toRow = row, toCol = col) => {
    if (toRow > row || toCol > col) sheet.mergeCells(row, col, toRow, toCol);
    const cell = sheet.getCell(row, col);
    cell.value = text;
    cell.font = font({ bold: true });
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    for (let r = row; r <= toRow; r += 1)
      for (let c = col; c <= toCol; c += 1) sheet.getCell(r, c).border = box;
  };
  const last = head + headRows - 1;
  header(head, 1, '', last);
  header(head, 2, 'Mã số', last);
  if (hasUnit) header(head, 3, 'Đơn vị tính', last);
  form.columns.forEach((column, index) => {
    const col = fixed + 1 + index;
    if (!column.group) {
      header(head, col, column.label, last);
      return;
    }
    const previous = form.columns[index - 1];
    if (previous?.group !== column.group) {
      let end = index;
      while (form.columns[end + 1]?.group === column.group) end += 1;
      header(head, col, column.group, head, fixed + 1 + end);
    }
    header(head + 1, col, column.label);
  });
  const letters = ['A', 'B', ...(hasUnit ? ['C'] : []), ...form.columns.map((column) => column.code)];
  letters.forEach((letter, index) => {
    header(last + 1, index + 1, letter);
  });
  sheet.getRow(head).height = 48;
  const values = new Map(report.cells.map((cell) => [`${cell.row}|${cell.column}`, cell.value]));
  let line = last + 2;
  for (const row of form.rows) {
    const cells = [
      `${'   '.repeat(row.indent ?? 0)}${row.label}`,
      row.heading ? '' : row.code,
      ...(hasUnit ? [row.unit ?? ''] : []),
      ...form.columns.map((column) => (row.heading ? '' : (values.get(`${row.code}|${column.code}`) ?? 0))),
    ];
    cells.forEach((value, index) => {
      const cell = sheet.getCell(line, index + 1);
      cell.value = value;
      cell.border = box;
      cell.font = font({ bold: row.heading === true || row.code === '01' || row.code === '1' });
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: index === 0 ? 'left' : 'center' };
    });
    // exceljs does not fit heights to wrapped text: about 50 letters a line in column A.
    sheet.getRow(line).height = Math.max(16, 15 * Math.ceil((row.label.length + 3 * (row.indent ?? 0)) / 50));
    line += 1;
  }
  line += 1;
  for (const note of form.notes) {
    put(line, 1, width, `Ghi chú: ${note}`, { italic: true, size: 10 });
    sheet.getRow(line).height = 28;
    line += 1;
  }
  line += 1;
  put(line, right[0] - 1, width, '........, ngày .... tháng .... năm ........', { italic: true });
  line += 1;
  put(line, 1, 1, 'Người lập biểu', { bold: true });
  put(line, right[0] - 1, width, 'Thủ trưởng đơn vị', { bold: true });
  line += 1;
  put(line, 1, 1, '(Ký, họ tên)', { italic: true });
  put(line, right[0] - 1, width, '(Ký, họ tên, đóng dấu)', { italic: true });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
