import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { takeTopScreenshot } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A GET of the API with the page's session, as JSON. */
const getJson = <T>(page: Page, path: string) =>
  page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).json(), path) as Promise<T>;

interface Person {
  id: string;
  fullName: string;
  birthDate: string | null;
  idNumber: string | null;
  unitId: string;
}

/** A demo person, their unit's code and a year they have no rating for yet. */
async function pickPerson(page: Page) {
  const list = await getJson<{ items: Person[] }>(page, '/api/persons?q=lo%20thi%20hoa&limit=5');
  const person = list.items.find((item) => item.idNumber || item.birthDate) as Person;
  const unit = await getJson<{ code: string }>(page, `/api/units/${person.unitId}`);
  const records = await getJson<{ ratings: { year: number }[] }>(
    page,
    `/api/persons/${person.id}/award-records`,
  );
  const year = Math.min(2019, ...records.ratings.map((rating) => rating.year)) - 1;
  return { person, unitCode: unit.code, year, ratingYears: () => ratingYears(page, person.id) };
}

async function ratingYears(page: Page, personId: string) {
  const records = await getJson<{ ratings: { year: number }[] }>(
    page,
    `/api/persons/${personId}/award-records`,
  );
  return records.ratings.map((rating) => rating.year).sort();
}

/** The downloaded template filled with two rows of the person: the second rated as given. */
async function ratingsFile(
  templatePath: string,
  who: Awaited<ReturnType<typeof pickPerson>>,
  rating: string,
) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const { person, unitCode, year } = who;
  const [y, m, d] = (person.birthDate ?? '').split('-');
  const cells: Record<string, unknown> = {
    'Số định danh cá nhân': person.idNumber ?? '',
    'Họ và tên': person.fullName,
    'Ngày sinh': person.birthDate ? `${d}/${m}/${y}` : '',
    'Mã đơn vị': unitCode,
  };
  sheet.addRow(headers.map((h) => ({ ...cells, Năm: year, 'Xếp loại': 'HTXSNV', Điểm: 95 })[h] ?? ''));
  sheet.addRow(headers.map((h) => ({ ...cells, Năm: year - 1, 'Xếp loại': rating, Điểm: '' })[h] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('award records import', () => {
  it('lets demo.officer import yearly ratings from Excel: the bad row named, nothing stored, then the fixed file', async () => {
    const page = await openPage();
    await signIn(page, 'demo.officer', '/');
    await page.getByRole('menuitem', { name: 'Nhập hồ sơ từ Excel' }).click();
    await page.waitForURL((url) => url.pathname === '/khen-thuong/nhap-ho-so');
    await page.getByRole('heading', { name: 'Nhập hồ sơ thi đua, khen thưởng từ Excel' }).waitFor();
    await page.getByText('Xếp loại cá nhân hằng năm').first().waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải tệp mẫu Excel (.xlsx)' }).click();
    const template = await download;
    expect(template.suggestedFilename()).toBe('mau-nhap-xep-loai-ca-nhan.xlsx');
    const templatePath = (await template.path()) as string;

    const who = await pickPerson(page);
    const before = await who.ratingYears();
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'xep-loai.xlsx',
      mimeType: XLSX_TYPE,
      buffer: await ratingsFile(templatePath, who, 'Tốt lắm'),
    });
    const uploadButton = page.getByRole('button', { name: 'Tải lên và nhập' });
    await uploadButton.click();
    await page.getByText('Không có dòng nào được nhập vì tệp có 1 lỗi. Sửa tệp rồi tải lên lại.').waitFor();
    const errorRow = page.getByRole('row').filter({ hasText: 'Xếp loại phải là một trong' });
    await errorRow.waitFor();
    expect(await errorRow.getByRole('cell').nth(0).textContent()).toBe('3');
    expect(await errorRow.getByRole('cell').nth(1).textContent()).toBe('Xếp loại');
    await takeTopScreenshot(page, 'records-import-errors-1366');
    expect(await who.ratingYears()).toEqual(before);

    await input.setInputFiles({
      name: 'xep-loai-da-sua.xlsx',
      mimeType: XLSX_TYPE,
      buffer: await ratingsFile(templatePath, who, 'Hoàn thành tốt nhiệm vụ'),
    });
    await uploadButton.dblclick();
    await page.getByText('Đã nhập 2 dòng').waitFor();
    await takeTopScreenshot(page, 'records-import-done-1366');
    expect(await who.ratingYears()).toEqual([...before, who.year - 1, who.year].sort());

    const exported = page.waitForEvent('download');
    await page.getByLabel('Năm cần xuất').fill(String(who.year));
    await page.getByRole('button', { name: 'Xuất Excel' }).click();
    const file = await exported;
    expect(file.suggestedFilename()).toBe('xep-loai-ca-nhan.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await file.path()) as string);
    const names: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => names.push(String((row.values as unknown[])[2])));
    expect(names).toContain(who.person.fullName);

    await page.goto(`${journey.baseUrl}/to-chuc/can-bo/${who.person.id}`);
    await page.getByRole('heading', { name: 'Thi đua, khen thưởng theo năm' }).waitFor();
    const yearRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: String(who.year), exact: true }) });
    await yearRow.getByText('Hoàn thành xuất sắc nhiệm vụ (95 điểm)').waitFor();
    await page.getByRole('link', { name: 'Nhập từ Excel' }).waitFor();
    await yearRow.scrollIntoViewIfNeeded();
    await takeTopScreenshot(page, 'records-import-person-1366');
    expect(pageErrors).toEqual([]);
  });
});
