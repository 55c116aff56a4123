import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { unitOption } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

/** The screenshots of this journey are kept with the docs. */
const DOCS_SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

/** What the 1366×768 screen shows, saved as docs/screenshots/<name>.png. */
async function saveDocScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(DOCS_SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, `${name}.png`) });
}

/** Picks a unit in a UnitSelect by typing without diacritics. */
async function pickUnit(page: Page, dialog: Locator, label: string, typed: string, name: string) {
  await dialog.getByLabel(label).fill(typed);
  await unitOption(page, name).click();
}

/** Types a dd/mm/yyyy date into an antd date picker. */
async function typeDate(dialog: Locator, label: string, date: string) {
  const input = dialog.getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

describe('people by hand', () => {
  it('lets demo.officer add a person, edit them and transfer them to another unit', async () => {
    const page = await openPage();
    await signIn(page, 'demo.officer', '/to-chuc/can-bo');
    await page.getByRole('heading', { name: 'Cán bộ, công chức' }).waitFor();

    // Thêm cán bộ
    await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
    const create = page.getByRole('dialog');
    await create.getByLabel('Họ và tên').waitFor();
    await pickUnit(page, create, 'Đơn vị công tác', 'so noi vu', 'Sở Nội vụ tỉnh Lai Châu');
    await create.getByLabel('Họ và tên').fill('Hoàng Thị Thu Trang');
    await create.getByText('Nữ', { exact: true }).click();
    await typeDate(create, 'Ngày sinh', '12/05/1988');
    await create.getByLabel('Số định danh cá nhân (CCCD)').fill('0121880');
    await create.getByLabel('Chức vụ').fill('Chuyên viên');
    await typeDate(create, 'Ngày bắt đầu công tác tại đơn vị', '01/09/2012');
    await create.getByRole('button', { name: 'Thêm cán bộ' }).click();
    // A wrong CCCD is refused on the form, in Vietnamese, before anything is sent.
    await create.getByText('Gồm 12 chữ số (hoặc CMND 9 chữ số)').waitFor();
    await create.getByLabel('Số định danh cá nhân (CCCD)').fill('012188000123');
    await saveDocScreenshot(page, 'people-create');
    await create.getByRole('button', { name: 'Thêm cán bộ' }).click();
    await page.getByRole('heading', { name: 'Hoàng Thị Thu Trang' }).waitFor();
    await page.getByText('Chuyên viên – Sở Nội vụ tỉnh Lai Châu').waitFor();
    expect(await page.getByRole('row').filter({ hasText: '01/09/2012' }).textContent()).toContain('Hiện nay');

    // Sửa
    await page.getByRole('button', { name: 'Sửa' }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('Chức vụ').fill('Phó Chánh Văn phòng');
    await edit.getByRole('switch', { name: 'Lãnh đạo, quản lý' }).click();
    await saveDocScreenshot(page, 'people-edit');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu thông tin cán bộ.').waitFor();
    await page.getByText('Phó Chánh Văn phòng – Sở Nội vụ tỉnh Lai Châu').waitFor();

    // Chuyển công tác
    await page.getByRole('button', { name: 'Chuyển công tác' }).click();
    const transfer = page.getByRole('dialog');
    await transfer.getByText('Đang công tác tại: Sở Nội vụ tỉnh Lai Châu').waitFor();
    await pickUnit(page, transfer, 'Chuyển đến đơn vị', 'van phong so noi vu', 'Văn phòng Sở Nội vụ');
    await transfer.getByLabel('Ngày bắt đầu công tác tại đơn vị mới').fill('');
    await typeDate(transfer, 'Ngày bắt đầu công tác tại đơn vị mới', '01/07/2025');
    await transfer.getByLabel('Chức vụ tại đơn vị mới').fill('Chánh Văn phòng');
    await transfer.getByText('Quá trình công tác tại đơn vị này kết thúc ngày 30/06/2025.').waitFor();
    await saveDocScreenshot(page, 'people-transfer');
    await transfer.getByRole('button', { name: 'Chuyển công tác' }).click();
    await page.getByText('Chánh Văn phòng – Văn phòng Sở Nội vụ').waitFor();
    const history = page.getByRole('row');
    await history.filter({ hasText: '30/06/2025' }).waitFor();
    expect(await history.filter({ hasText: '01/09/2012' }).textContent()).toContain(
      'Sở Nội vụ tỉnh Lai Châu',
    );
    expect(await history.filter({ hasText: '01/07/2025' }).textContent()).toMatch(
      /Hiện nay.*Văn phòng Sở Nội vụ.*Chánh Văn phòng/,
    );
    await saveDocScreenshot(page, 'people-history');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('lets demo.officer add a unit under the Sở Nội vụ', async () => {
    const page = await openPage();
    await signIn(page, 'demo.officer', '/to-chuc/don-vi');
    const found = await page.evaluate(async () => {
      const reply = (await (await fetch('/api/units?q=so noi vu tinh lai chau')).json()) as {
        items: { id: string; code: string }[];
      };
      return reply.items.find((unit) => unit.code === 'LCI.SNV')?.id ?? '';
    });
    expect(found).not.toBe('');
    await page.goto(`${journey.baseUrl}/to-chuc/don-vi/${found}`);
    await page.getByRole('heading', { name: 'Sở Nội vụ tỉnh Lai Châu' }).waitFor();
    await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đơn vị').fill('Phòng Công chức, viên chức');
    await dialog.getByLabel('Mã đơn vị').fill('LCI.SNV.PCCVC');
    await dialog.getByLabel('Tên viết tắt').fill('PCCVC');
    await typeDate(dialog, 'Hiệu lực từ ngày', '01/03/2025');
    await saveDocScreenshot(page, 'people-unit-create');
    await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await page.getByRole('heading', { name: 'Phòng Công chức, viên chức' }).waitFor();
    await page.getByText('Thuộc: Ủy ban nhân dân tỉnh Lai Châu › Sở Nội vụ tỉnh Lai Châu').waitFor();
    // The same code again is refused under the field, and nothing is added.
    await page.goto(`${journey.baseUrl}/to-chuc/don-vi/${found}`);
    await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    const again = page.getByRole('dialog');
    await again.getByLabel('Tên đơn vị').fill('Phòng trùng mã');
    await again.getByLabel('Mã đơn vị').fill('LCI.SNV.PCCVC');
    await again.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await again.getByText('Mã đơn vị đã được sử dụng').waitFor();
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
