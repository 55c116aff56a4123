import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, readSheetRows } from './spreadsheet.ts';

/** An XLSX whose sheet XML is far larger than one stream chunk, full of multi-byte Vietnamese letters. */
async function bigVietnameseWorkbook(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow(['Họ và tên', 'Đối tượng']);
  for (let i = 0; i < rows; i++) sheet.addRow([`Nguyễn Thị Hoà Ỷ Ữ ${i}`, 'Viên chức']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readSheetRows', () => {
  it('keeps Vietnamese letters intact when they straddle stream chunks', async () => {
    const buffer = await bigVietnameseWorkbook(6000);
    // Small chunks make splits inside multi-byte letters certain.
    const source = Readable.from(
      (function* () {
        for (let offset = 0; offset < buffer.length; offset += 997)
          yield buffer.subarray(offset, offset + 997);
      })(),
    );
    let count = 0;
    for await (const row of readSheetRows(source)) {
      const text = row.cells.map(cellText).join('|');
      expect(text).not.toContain('\uFFFD');
      count++;
    }
    expect(count).toBeGreaterThanOrEqual(6000);
  });
});
