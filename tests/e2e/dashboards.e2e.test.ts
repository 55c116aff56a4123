import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { takeTopScreenshot } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

describe('dashboards journey', () => {
  it('the provincial officer opens the dashboards of Lai Châu for 2025, reads the fairness chart and its table, downloads the XLSX and loosens a threshold', async () => {
    const page = await openPage();
    await signIn(page, 'demo.officer', '/');
    await page.getByRole('menuitem', { name: 'Biểu đồ, công bằng' }).click();
    await page.waitForURL((url) => url.pathname === '/bieu-do');
    await page.getByRole('heading', { name: 'Biểu đồ, công bằng' }).waitFor();
    // The officer's own province is chosen; pick the year 2025.
    await page.getByText('Ủy ban nhân dân tỉnh Lai Châu').first().waitFor();
    await page.getByLabel('Năm').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Năm 2025' }).click();
    await page.waitForURL((url) => url.searchParams.get('nam') === '2025');

    const chart = page.getByRole('img', { name: /Tỷ lệ khen thưởng so với tỷ lệ trong biên chế — năm 2025/ });
    await chart.locator('svg').waitFor();
    expect(await chart.locator('svg rect, svg path').count()).toBeGreaterThan(4);
    const table = page.getByRole('table', { name: /Bảng số liệu: Tỷ lệ khen thưởng/ });
    const direct = table.getByRole('row').filter({ hasText: 'Người lao động trực tiếp' });
    await direct.waitFor();
    expect(await direct.textContent()).toMatch(/\d+(,\d)? %/);
    await table.getByRole('row').filter({ hasText: 'Nữ' }).waitFor();
    // Lai Châu's office warns 2 points below the women's share of the staff.
    await page.getByText(/^Tỷ lệ khen thưởng nữ \([\d,]+ %\) thấp hơn tỷ lệ nữ trong biên chế/).waitFor();
    await takeTopScreenshot(page, 'dashboards-fairness-1366');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('bieu-do-fairness-2025.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await file.path()) as string);
    const sheet = workbook.getWorksheet('Công bằng');
    expect(String(sheet?.getCell('A1').value)).toContain('Ủy ban nhân dân tỉnh Lai Châu — năm 2025');
    const labels: string[] = [];
    sheet?.eachRow((row) => labels.push(String(row.getCell(1).value)));
    expect(labels).toEqual(
      expect.arrayContaining(['Người lao động trực tiếp', 'Lãnh đạo, quản lý', 'Nữ', 'Tập thể nhỏ']),
    );

    // The office loosens the women's threshold to 5 points: the note gives way to the all-clear.
    await page.getByRole('button', { name: 'Đặt ngưỡng cảnh báo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nữ', { exact: true }).fill('5');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText(/^Không nhóm nào có tỷ lệ khen thưởng thấp hơn/).waitFor();
    await page.getByText(/nữ 5 điểm/).waitFor();

    await page.getByRole('tab', { name: 'Khen thưởng', exact: true }).click();
    await page.getByRole('img', { name: 'Theo hình thức, danh hiệu' }).locator('svg').waitFor();
    await page
      .getByRole('table', { name: 'Bảng số liệu: Theo cấp quyết định' })
      .getByRole('row')
      .nth(1)
      .waitFor();
    await takeTopScreenshot(page, 'dashboards-awards-1366');
    expect(pageErrors).toEqual([]);
  });
});
