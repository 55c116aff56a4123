import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { takeScreenshot } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

/** The pictures of these screens in the documentation live in the repository. */
const DOCS_SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
/** The public seed plans stay outside the repository. */
const SEEDS = process.env.TDKT_SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../../shared/seeds');
const SEED_004 = path.join(SEEDS, '004_8fdbf14a09820900.txt');
/** The demo's live provincial movement (2026–2030), which xã Tam Đường still has to answer. */
const LIVE_MOVEMENT =
  'Thi đua xây dựng chính quyền địa phương hai cấp tỉnh Lai Châu hoạt động thông suốt, hiệu lực, hiệu quả';
const PARAGRAPH =
  'Phát hiện, biểu dương các cách làm hay trong giải quyết thủ tục hành chính tại bộ phận một cửa xã Tam Đường.';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

/** What the window shows (a dialog is fixed to it), as the documentation's picture. */
async function saveDocScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(DOCS_SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, `${name}.png`) });
}

const errorMessages = (page: Page) => page.locator('.ant-message-error');

describe('plans an officer corrects and confirms before they spread', () => {
  it('lets the commune officer correct its implementing plan’s number, date, signer and a paragraph, then issue it', async () => {
    const page = await openPage();
    await signIn(page, 'demo.officer.tamduong', '/phong-trao');
    await page.getByRole('link', { name: LIVE_MOVEMENT }).click();
    await page.getByRole('button', { name: 'Xây dựng kế hoạch thực hiện' }).click();
    await page.getByText('Thực hiện phong trào cấp trên').waitFor();
    // The copy speaks as a commune: its phòng, ban, đoàn thể and thôn, bản, not sở or huyện.
    await page.getByText(/Các phòng, ban, đoàn thể xã; các thôn, bản, tổ dân phố\./).waitFor();
    expect(await page.getByText(/sở, ban, ngành, đoàn thể xã/).count()).toBe(0);
    await page
      .getByText('Trước khi ban hành, kế hoạch cần có số, ký hiệu, ngày ban hành, người ký.')
      .waitFor();

    // Issuing without a number, date and signer is not possible: the dialog says what is missing.
    await page.getByRole('button', { name: 'Ban hành, phát động' }).click();
    const issue = page.getByRole('dialog', { name: 'Ban hành kế hoạch và phát động phong trào' });
    await issue
      .getByText('Chưa ban hành được: kế hoạch còn thiếu số, ký hiệu, ngày ban hành, người ký.')
      .waitFor();
    expect(await issue.getByRole('button', { name: 'Ban hành, phát động' }).isDisabled()).toBe(true);
    await saveDocScreenshot(page, 'plan-issue-missing');
    await issue.getByRole('button', { name: 'Hủy' }).click();

    await page.getByRole('button', { name: 'Sửa thông tin văn bản' }).click();
    const header = page.getByRole('dialog', { name: 'Sửa thông tin văn bản' });
    await header.getByLabel('Số, ký hiệu').fill('25/KH-UBND');
    await header.getByLabel('Ngày ban hành').fill('05/12/2026');
    await header.getByLabel('Ngày ban hành').press('Enter');
    await header.getByLabel('Nơi ban hành (địa danh ở dòng ngày tháng)').fill('Tam Đường');
    await header.getByLabel('Thẩm quyền ký (mỗi dòng một dòng)').fill('TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH');
    await header.getByLabel('Chức vụ người ký').fill('PHÓ CHỦ TỊCH');
    await header.getByLabel('Họ và tên người ký').fill('Lò Văn Hùng');
    await saveDocScreenshot(page, 'plan-header-edit');
    await header.getByRole('button', { name: 'Lưu' }).click();
    await header.waitFor({ state: 'hidden' });
    await page.getByText('25/KH-UBND').first().waitFor();
    await page.getByText('05/12/2026').first().waitFor();
    await page.getByText('Lò Văn Hùng').first().waitFor();
    expect(await page.getByText(/Trước khi ban hành/).count()).toBe(0);

    await page.getByRole('button', { name: /^Sửa mục - Phát hiện, biểu dương/ }).click();
    const section = page.getByRole('dialog', { name: 'Sửa mục -' });
    await section.getByLabel('Nội dung mục').fill(PARAGRAPH);
    await section.getByRole('button', { name: 'Lưu' }).click();
    await section.waitFor({ state: 'hidden' });
    await page.getByText(PARAGRAPH).waitFor();
    // The corrected header (left) and the reworded paragraph (right) on one screen.
    await page.getByRole('tab', { name: 'Kế hoạch' }).scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollBy(0, 300)');
    await saveDocScreenshot(page, 'plan-commune-corrected');
    await takeScreenshot(page, 'plan-commune-corrected-full');

    await page.getByRole('button', { name: 'Ban hành, phát động' }).click();
    const ready = page.getByRole('dialog', { name: 'Ban hành kế hoạch và phát động phong trào' });
    const confirm = ready.getByRole('button', { name: 'Ban hành, phát động' });
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    expect(await ready.getByText(/Chưa ban hành được/).count()).toBe(0);
    await confirm.dblclick();
    await page.getByText('Đã phát động', { exact: true }).first().waitFor();
    await page.waitForTimeout(400);
    expect(await errorMessages(page).count()).toBe(0);
    await page.close();
  });

  it.skipIf(!existsSync(SEED_004))(
    'warns before storing another province’s plan (seed 004, a Bắc Giang district) as Lai Châu’s, and again before launching it',
    async () => {
      const page = await openPage();
      await signIn(page, 'demo.officer', '/phong-trao/nhap-van-ban');
      await expect.poll(() => page.locator('.ant-select-content').first().textContent()).toMatch(/Lai Châu/);
      await page.locator('input[type="file"]').setInputFiles({
        name: 'ke-hoach-luc-ngan.txt',
        mimeType: 'text/plain',
        buffer: await readFile(SEED_004),
      });
      await page.getByRole('button', { name: 'Tải lên và đọc văn bản' }).click();
      const warned = page.getByRole('dialog', { name: 'Văn bản chưa khớp với đơn vị ban hành' });
      await warned.getByText('Có 3 điểm cần xem lại trước khi nhập:').waitFor();
      await warned
        .getByText(/“UBND huyện Lục Ngạn”, khác đơn vị phát động “Ủy ban nhân dân tỉnh Lai Châu”/)
        .waitFor();
      await warned.getByText(/Địa danh ở dòng ngày tháng của văn bản là “Lục Ngạn”/).waitFor();
      await warned.getByText(/Giai đoạn của phong trào \(2019–2025\) đã kết thúc/).waitFor();
      await saveDocScreenshot(page, 'plan-import-warning');

      await warned.getByRole('button', { name: 'Vẫn nhập văn bản này' }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/xem-lai'));
      const movementPath = new URL(page.url()).pathname.replace(/\/xem-lai$/, '');
      await page.goto(`${journey.baseUrl}${movementPath}`);
      await page.getByRole('button', { name: 'Phát động', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Phát động phong trào' });
      await dialog.getByText('Có 3 điểm chưa khớp, cần xem lại trước khi phát động:').waitFor();
      const launch = dialog.getByRole('button', { name: 'Vẫn phát động' });
      expect(await launch.isDisabled()).toBe(true);
      await dialog.getByRole('checkbox', { name: /Tôi đã xem các điểm trên/ }).check();
      // The seed carries no number: even confirmed, it cannot be issued until one is filled in.
      await dialog.getByText('Chưa ban hành được: kế hoạch còn thiếu số, ký hiệu.').waitFor();
      expect(await launch.isDisabled()).toBe(true);
      await saveDocScreenshot(page, 'plan-launch-warning');
      // Not launched: 25 units would get obligations for a plan that is not Lai Châu's.
      await dialog.getByRole('button', { name: 'Hủy' }).click();
      await page.getByText('Dự thảo', { exact: true }).first().waitFor();
      expect(pageErrors).toEqual([]);
      await page.close();
    },
  );

  it('shows the head of Sở Nội vụ the buttons to approve or return a staff member’s registration', async () => {
    const page = await openPage();
    await signIn(page, 'demo.head', '/phong-trao');
    await page.getByRole('link', { name: LIVE_MOVEMENT }).click();
    await page.getByRole('tab', { name: 'Đăng ký thi đua' }).click();
    const row = page.locator('tr').filter({ has: page.getByRole('button', { name: 'Duyệt' }) });
    await row.first().waitFor();
    await expect.poll(() => row.first().getByRole('button', { name: 'Duyệt' }).isVisible()).toBe(true);
    await row.first().getByRole('button', { name: 'Trả lại' }).waitFor();
    // The buttons are on screen at 1366 px, not behind a horizontal scroll.
    const box = await row.first().getByRole('button', { name: 'Duyệt' }).boundingBox();
    expect((box?.x ?? 9999) + (box?.width ?? 0)).toBeLessThanOrEqual(1366);
    await saveDocScreenshot(page, 'plan-head-review');
    await page.close();
  });
});
