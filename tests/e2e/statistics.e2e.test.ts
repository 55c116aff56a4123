import { describe, expect, it } from 'vitest';
import { takeTopScreenshot } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

describe('statistics journey', () => {
  it('the provincial officer produces biểu 0603 of 2025 for Lai Châu, opens the records of one figure and downloads the Excel', async () => {
    const officer = await openPage();
    await signIn(officer, 'demo.officer', '/');
    await officer.getByRole('menuitem', { name: 'Thống kê' }).click();
    await officer.waitForURL((url) => url.pathname === '/thong-ke');
    await officer.getByLabel('Năm thống kê').click();
    await officer
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Năm 2025' })
      .click();
    await officer.getByLabel('Biểu thống kê').click();
    await officer
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '0603 – ' })
      .click();
    await officer.getByText('Biểu số 0603.N/BNV-TĐKT').waitFor();
    await officer.getByText('Ủy ban nhân dân tỉnh Lai Châu', { exact: false }).first().waitFor();
    await officer.getByText('Năm 2025 (từ ngày 01/12/2024 đến ngày 30/11/2025)').waitFor();
    await takeTopScreenshot(officer, 'statistics-0603-1366');

    // Row 02 "Tập thể", column 2 "Bằng khen": the three departments' Bằng khen of 20/01/2025.
    const figure = officer.getByRole('button', { name: 'Xem bản ghi: dòng 02, cột 2' });
    expect(await figure.textContent()).toBe('3');
    await figure.click();
    const drawer = officer.getByRole('dialog');
    await drawer.getByText('Danh sách bản ghi của ô').waitFor();
    await drawer.getByRole('cell', { name: /Sở Giáo dục và Đào tạo tỉnh Lai Châu/ }).waitFor();
    await expect.poll(() => drawer.getByRole('cell', { name: '95/QĐ-UBND' }).count()).toBe(3);
    await drawer.getByText('20/01/2025').first().waitFor();
    await drawer.getByText('Tổng số 3 bản ghi').waitFor();
    await takeTopScreenshot(officer, 'statistics-0603-drill-1366');
    await officer.keyboard.press('Escape');

    const download = officer.waitForEvent('download');
    await officer.getByRole('button', { name: 'Tải Excel' }).click();
    expect((await download).suggestedFilename()).toBe('bieu-0603-2025.xlsx');
    expect(pageErrors).toEqual([]);
  });
});
