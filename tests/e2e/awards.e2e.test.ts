import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { takeTopScreenshot, unitOption } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

describe('awards screens', () => {
  it('lets a commune officer open the CSTĐCS 2025 candidates, read one reason with its article, and export', async () => {
    const page = await openPage();
    await signIn(page, 'demo.officer.tamduong', '/khen-thuong/de-xuat?award=CSTDCS&year=2025&show=all');
    await page.getByRole('heading', { name: 'Đề xuất khen thưởng' }).waitFor();
    const unit = page.locator('#candidate-unit');
    await unit.click();
    await unit.fill('tam duong');
    await unitOption(page, 'Ủy ban nhân dân xã Tam Đường').click();
    await page.waitForURL((url) => Boolean(url.searchParams.get('unitId')));
    await page.getByRole('cell', { name: 'Đủ điều kiện' }).first().waitFor();
    await page.getByRole('cell', { name: 'Chưa đủ điều kiện' }).first().waitFor();
    await takeTopScreenshot(page, 'awards-candidates-1366');

    const blocked = page.getByRole('row').filter({ hasText: 'Chưa đủ điều kiện' }).first();
    await blocked.getByRole('button', { name: /Xem lý do/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Các điều kiện').waitFor();
    const article = drawer.getByTestId('check-article').first();
    expect(await article.textContent()).toMatch(/Căn cứ: .*Điều \d+/);
    await takeTopScreenshot(page, 'awards-reasons-1366');
    await drawer.getByRole('button', { name: /close|Đóng/i }).click();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('de-xuat-CSTDCS-2025.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await file.path()) as string);
    const rows: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push(String((row.values as unknown[])[3])));
    expect(rows[0]).toBe('Kết quả xét');
    expect(rows).toContain('Đủ điều kiện');
    expect(pageErrors).toEqual([]);
  });

  it('shows the catalogue with articles and marks, and the award history on a person page', async () => {
    const page = await openPage();
    await signIn(page, 'demo.officer', '/khen-thuong/danh-muc');
    await page.getByRole('heading', { name: 'Danh mục danh hiệu, hình thức khen thưởng' }).waitFor();
    await page
      .getByRole('button', { name: /Chiến sĩ thi đua cơ sở/ })
      .first()
      .click();
    await page
      .getByText(/Điều 23 Luật Thi đua, khen thưởng/)
      .first()
      .waitFor();
    await takeTopScreenshot(page, 'awards-catalogue-1366');
    expect(pageErrors).toEqual([]);
  });
});
