import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { takeTopScreenshot, viewports } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

/** Headers of the people import template, in its order. */
const PERSON_HEADERS = [
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Số định danh cá nhân',
  'Đối tượng',
  'Chức vụ',
  'Lãnh đạo, quản lý',
  'Trực tiếp lao động',
  'Mã đơn vị',
  'Ngày bắt đầu công tác',
];

const journey = setUpJourneys();
const { openPage, pageErrors } = journey;

const { signIn } = journey;

/** An XLSX file in the template's columns, with the birth date of the second person as given. */
async function peopleFile(secondBirthDate: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow(PERSON_HEADERS);
  sheet.addRow([
    'Nguyễn Thị Hoà',
    'Nữ',
    '12/05/1985',
    '',
    'Công chức',
    'Chuyên viên',
    'Không',
    'Không',
    'LCI.SNV',
    '01/03/2010',
  ]);
  sheet.addRow([
    'Lò Văn Páo',
    'Nam',
    secondBirthDate,
    '',
    'Công chức',
    'Phó Giám đốc Sở',
    'Có',
    'Không',
    'LCI.SNV',
    '',
  ]);
  sheet.addRow([
    'Lường Thị Lan',
    'Nữ',
    '03/09/1990',
    '',
    'Viên chức',
    'Chuyên viên chính',
    'Không',
    'Có',
    'LCI.SNV',
    '15/08/2016',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const shot = takeTopScreenshot;

describe('organisation screens', () => {
  it('lets demo.officer import people from Excel: row errors first, then the fixed file', async () => {
    const page = await openPage();
    await signIn(page, 'demo.officer', '/to-chuc/can-bo');
    await page.getByRole('heading', { name: 'Cán bộ, công chức' }).waitFor();
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    await page.waitForURL((url) => url.pathname === '/to-chuc/can-bo/nhap-tu-excel');
    await page.getByRole('heading', { name: 'Nhập cán bộ từ Excel' }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải tệp mẫu Excel (.xlsx)' }).click();
    expect((await download).suggestedFilename()).toBe('mau-nhap-can-bo.xlsx');

    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'can-bo.xlsx',
      mimeType: XLSX_TYPE,
      buffer: await peopleFile('31/02/1980'),
    });
    const uploadButton = page.getByRole('button', { name: 'Tải lên và nhập' });
    await uploadButton.dblclick();
    await page.getByText('Không có dòng nào được nhập vì tệp có 1 lỗi. Sửa tệp rồi tải lên lại.').waitFor();
    const errorRow = page.getByRole('row').filter({ hasText: 'Ngày sinh không hợp lệ' });
    await errorRow.waitFor();
    expect(await errorRow.getByRole('cell').nth(0).textContent()).toBe('3');
    expect(await errorRow.getByRole('cell').nth(1).textContent()).toBe('Ngày sinh');
    await shot(page, 'organisation-import-errors-1366');

    await input.setInputFiles({
      name: 'can-bo-da-sua.xlsx',
      mimeType: XLSX_TYPE,
      buffer: await peopleFile('28/02/1980'),
    });
    await uploadButton.dblclick();
    await page.getByText('Đã nhập 3 cán bộ').waitFor();
    await shot(page, 'organisation-import-done-1366');

    await page.getByRole('button', { name: 'Xem danh sách cán bộ' }).click();
    await page.waitForURL((url) => url.pathname === '/to-chuc/can-bo');
    await page.getByRole('columnheader', { name: 'Đơn vị' }).waitFor();
    await shot(page, 'organisation-people-1366');
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Excel' }).click();
    expect((await exported).suggestedFilename()).toBe('danh-sach-can-bo.xlsx');

    await page.getByLabel('Họ và tên').fill('nguyen thi hoa');
    await page.getByLabel('Họ và tên').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'nguyen thi hoa');
    // The double clicks uploaded once each: one Nguyễn Thị Hoà, not two.
    await page.getByText('Tổng số 1 cán bộ').waitFor();
    await page.getByRole('link', { name: 'Nguyễn Thị Hoà' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Ngày sinh' }).count()).toBe(1);
    await page.getByRole('cell', { name: '12/05/1985' }).waitFor();
    await shot(page, 'organisation-people-search-1366');

    await page.getByRole('link', { name: 'Nguyễn Thị Hoà' }).click();
    await page.getByRole('heading', { name: 'Quá trình công tác' }).waitFor();
    await page.getByRole('cell', { name: '01/03/2010' }).waitFor();
    await shot(page, 'organisation-person-1366');
    await page.context().close();
  });

  it('shows the unit tree of Lai Châu with Sở Nội vụ, ended districts greyed, and a unit page', async () => {
    const page = await openPage();
    await signIn(page, 'demo.officer', '/to-chuc/don-vi');
    await page.getByRole('heading', { name: 'Cơ cấu tổ chức' }).waitFor();
    const province = page.getByRole('treeitem').filter({ hasText: 'Ủy ban nhân dân tỉnh Lai Châu' }).first();
    await province.waitFor();
    if ((await province.getAttribute('aria-expanded')) !== 'true') {
      await province.locator('.ant-tree-switcher').click();
    }
    const department = page.getByRole('treeitem').filter({ hasText: 'Sở Nội vụ tỉnh Lai Châu' });
    await department.waitFor();
    const district = page.getByRole('treeitem').filter({ hasText: 'Ủy ban nhân dân huyện Tam Đường' });
    await district.getByText('(đã giải thể / sáp nhập)').waitFor();
    await district.getByText('→ Kế thừa:').waitFor();
    await department.locator('.ant-tree-switcher').click();
    await page.getByRole('link', { name: 'Ban Thi đua – Khen thưởng' }).waitFor();
    await shot(page, 'organisation-tree-1366');

    await page.getByLabel('Tìm đơn vị').fill('so noi vu');
    await page.getByLabel('Tìm đơn vị').press('Enter');
    await page.getByText('Thuộc: Ủy ban nhân dân tỉnh Lai Châu').first().waitFor();
    await shot(page, 'organisation-unit-search-1366');
    await page.getByRole('link', { name: 'Sở Nội vụ tỉnh Lai Châu' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/to-chuc/don-vi/'));
    await page.getByRole('heading', { name: 'Sở Nội vụ tỉnh Lai Châu' }).waitFor();
    await page.getByText('LCI.SNV', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sửa' }).waitFor();
    await page.getByRole('link', { name: 'Văn phòng Sở Nội vụ' }).waitFor();
    await shot(page, 'organisation-unit-1366');
    await page.getByRole('button', { name: 'Sửa' }).click();
    await page.getByRole('dialog').getByLabel('Tên viết tắt').fill('SNV Lai Châu');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu thông tin đơn vị.').waitFor();
    await page.getByRole('cell', { name: 'SNV Lai Châu' }).waitFor();

    await page.getByRole('tab', { name: 'Cán bộ' }).click();
    await page.getByText(/Tổng số \d+ cán bộ/).waitFor();
    await shot(page, 'organisation-unit-people-1366');
    await page.getByRole('tab', { name: 'Khối/cụm thi đua' }).click();
    await page.getByRole('combobox', { name: 'Năm' }).click();
    await page.locator('.ant-select-item-option[title="Năm 2025"]').click();
    await page.getByRole('cell', { name: 'Khối các cơ quan văn hóa – xã hội' }).waitFor();
    await page.context().close();
  });

  it('shows the provincial council and lets the officer add a member', async () => {
    const page = await openPage();
    await signIn(page, 'demo.officer', '/to-chuc/hoi-dong');
    await page.getByRole('heading', { name: 'Hội đồng Thi đua – Khen thưởng tỉnh Lai Châu' }).waitFor();
    await page.getByRole('cell', { name: 'Chủ tịch Hội đồng', exact: true }).waitFor();
    await page.getByText('Cơ quan thường trực').waitFor();
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Cán bộ').fill('nguyen thi hoa');
    await page.locator('.ant-select-item-option').filter({ hasText: 'Nguyễn Thị Hoà' }).click();
    await dialog.getByRole('button', { name: 'Thêm' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Nguyễn Thị Hoà' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Ủy viên');
    await shot(page, 'organisation-council-1366');
    await page.context().close();
  });

  it('opens on this year’s blocs (carried from 2025 by the demo) and copies them to next year', async () => {
    // The demo carries 2025's blocs forward to the current year, the head of the culture bloc
    // passing along its members in turn each year; copying hands it on once more.
    const year = new Date().getFullYear();
    const turn = ['Sở Y tế', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Nội vụ', 'Sở Giáo dục và Đào tạo'];
    const headIn = (y: number) => `${turn[(y - 2025) % turn.length]} tỉnh Lai Châu`;
    const page = await openPage();
    await signIn(page, 'demo.officer', '/to-chuc/khoi-thi-dua');
    const bloc = page.getByRole('row').filter({ hasText: 'Khối các cơ quan văn hóa – xã hội' });
    await bloc.filter({ hasText: headIn(year) }).waitFor();
    await bloc.getByRole('button').first().click();
    // The deputy of 2025 took its turn as head, so this year's members may have no deputy.
    await page.getByRole('columnheader', { name: 'Đơn vị thành viên' }).first().waitFor();
    await shot(page, 'organisation-blocs-1366');
    await page.getByRole('button', { name: `Sao chép sang năm ${year + 1}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sao chép' }).click();
    await page.getByText(`Đã sao chép 3 khối/cụm sang năm ${year + 1}.`).waitFor();
    await page.waitForURL((url) => url.searchParams.get('year') === String(year + 1));
    await page
      .getByRole('row')
      .filter({ hasText: 'Khối các cơ quan văn hóa – xã hội' })
      .filter({ hasText: headIn(year + 1) })
      .waitFor();
    await page.context().close();
  });

  it('keeps the people list usable on a phone', async () => {
    const page = await openPage(viewports.phone);
    await signIn(page, 'demo.officer', '/to-chuc/can-bo?q=luong%20thi%20lan');
    await page.getByRole('cell', { name: 'Lường Thị Lan' }).waitFor();
    await shot(page, 'organisation-people-390');
    await page.goto(`${journey.baseUrl}/to-chuc/don-vi`);
    await page.getByRole('link', { name: 'Sở Nội vụ tỉnh Lai Châu' }).waitFor();
    await shot(page, 'organisation-tree-390');
    await page.context().close();
  });

  it('raised no script errors on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
