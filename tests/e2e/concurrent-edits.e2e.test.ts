import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { takeScreenshot } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

/** A unit as the API returns it, read from inside a signed-in page. */
async function readUnit(page: Page, query: string) {
  return page.evaluate(async (q) => {
    const found = (await (await fetch(`/api/units?q=${encodeURIComponent(q)}`)).json()) as {
      items: { id: string }[];
    };
    const id = found.items[0]?.id ?? '';
    return (await fetch(`/api/units/${id}`)).json() as Promise<{
      id: string;
      name: string;
      shortName: string | null;
      code: string;
      version: number;
    }>;
  }, query);
}

/** Opens the unit's edit dialog on its page. */
async function openEditDialog(page: Page, unitId: string, heading: string) {
  await page.goto(`${journey.baseUrl}/to-chuc/don-vi/${unitId}`);
  await page.getByRole('heading', { name: heading }).waitFor();
  await page.getByRole('button', { name: 'Sửa' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên đơn vị').waitFor();
  return dialog;
}

describe('two officials editing one unit', () => {
  it('tells the second who saved first, keeps what they typed, and saves it onto the fresh version', async () => {
    const first = await openPage();
    const second = await openPage();
    await signIn(first, 'demo.officer', '/to-chuc/don-vi');
    await signIn(second, 'demo.admin', '/to-chuc/don-vi');
    const loaded = await readUnit(first, 'van phong so noi vu');
    expect(loaded.name).toBe('Văn phòng Sở Nội vụ');

    const firstDialog = await openEditDialog(first, loaded.id, loaded.name);
    const secondDialog = await openEditDialog(second, loaded.id, loaded.name);

    await firstDialog.getByLabel('Tên viết tắt').fill('VP Sở Nội vụ');
    await firstDialog.getByLabel('Mã đơn vị').fill('LCI.SNV.VPS');
    await firstDialog.getByRole('button', { name: 'Lưu' }).click();
    await first.getByText('Đã lưu thông tin đơn vị.').waitFor();

    const typedName = 'Văn phòng Sở Nội vụ tỉnh Lai Châu';
    await secondDialog.getByLabel('Tên đơn vị').fill(typedName);
    await secondDialog.getByLabel('Tên viết tắt').fill('Văn phòng');
    await secondDialog.getByRole('button', { name: 'Lưu' }).click();
    const conflict = secondDialog.getByRole('alert').filter({ hasText: 'Nguyễn Thị Thu Hà' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(
      /Đơn vị này đã được Nguyễn Thị Thu Hà sửa lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/,
    );
    expect(await secondDialog.getByLabel('Tên đơn vị').inputValue()).toBe(typedName);
    expect(await secondDialog.getByLabel('Tên viết tắt').inputValue()).toBe('Văn phòng');
    await takeScreenshot(second, 'unit-edit-conflict-1366');

    // Reloading fills in the code only the first official changed, keeps the name only the second
    // changed, and puts the short name both changed side by side.
    await secondDialog.getByRole('button', { name: 'Tải lại bản mới' }).click();
    await secondDialog.getByText('Đã tải bản mới nhất.', { exact: false }).waitFor();
    expect(await secondDialog.getByLabel('Mã đơn vị').inputValue()).toBe('LCI.SNV.VPS');
    expect(await secondDialog.getByLabel('Tên đơn vị').inputValue()).toBe(typedName);
    expect(await secondDialog.getByLabel('Tên viết tắt').inputValue()).toBe('Văn phòng');
    const codeRow = secondDialog.getByRole('row').filter({ hasText: 'Mã đơn vị' });
    await codeRow.getByText('Đã lấy bản mới').waitFor();
    const shortNameRow = secondDialog.getByRole('row').filter({ hasText: 'Tên viết tắt' });
    await shortNameRow.getByRole('cell', { name: 'Văn phòng', exact: true }).waitFor();
    await shortNameRow.getByRole('cell', { name: 'VP Sở Nội vụ' }).waitFor();
    expect(await secondDialog.getByRole('row').filter({ hasText: 'Tên đơn vị' }).count()).toBe(0);
    await takeScreenshot(second, 'unit-edit-conflict-reloaded-1366');

    await shortNameRow.getByRole('button', { name: 'Dùng bản mới' }).click();
    expect(await secondDialog.getByLabel('Tên viết tắt').inputValue()).toBe('VP Sở Nội vụ');
    await secondDialog.getByRole('button', { name: 'Lưu' }).click();
    await second.getByText('Đã lưu thông tin đơn vị.').waitFor();
    await second.getByRole('heading', { name: typedName }).waitFor();

    const saved = await readUnit(second, 'van phong so noi vu');
    expect(saved).toMatchObject({
      name: typedName,
      shortName: 'VP Sở Nội vụ',
      code: 'LCI.SNV.VPS',
      version: loaded.version + 2,
    });
    await first.context().close();
    await second.context().close();
  });

  it('raised no script errors on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
