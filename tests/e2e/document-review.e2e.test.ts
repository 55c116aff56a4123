import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { takeTopScreenshot, waitForUrlOrError } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/documents');
/** The public seeds live outside the repository, beside the checkout or beside its parent. */
const SEEDS = ['../../../shared/seeds', '../../../../shared/seeds']
  .map((folder) => path.resolve(import.meta.dirname, folder))
  .find((folder) => existsSync(folder));

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

/** Uploads a document on the import screen and waits for its review. */
async function importDocument(page: Page, name: string, buffer: Buffer): Promise<void> {
  await signIn(page, 'demo.officer', '/phong-trao/nhap-van-ban');
  await page.getByRole('heading', { name: 'Nhập phong trào từ văn bản' }).waitFor();
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/plain', buffer });
  await page.getByRole('button', { name: 'Tải lên và đọc văn bản' }).click();
  // An older plan (its period over) is stored only once the officer confirms it.
  const warned = page.getByRole('dialog', { name: 'Văn bản chưa khớp với đơn vị ban hành' });
  const review = page.getByRole('heading', { name: 'Kiểm tra văn bản đã nhập' });
  await warned.or(review).first().waitFor();
  if (await warned.isVisible()) await warned.getByRole('button', { name: 'Vẫn nhập văn bản này' }).click();
  // Reading and storing the plan can take a while on a loaded machine; an error on the page says why.
  await waitForUrlOrError(page, (url) => url.pathname.endsWith('/xem-lai'), 90_000);
  await page.getByRole('heading', { name: 'Kiểm tra văn bản đã nhập' }).waitFor();
}

/** The value shown beside a label of the document's facts. */
const fact = (page: Page, label: string) =>
  page
    .locator('.ant-descriptions-row', { has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) })
    .locator('td');

describe('review of an imported document', () => {
  it.skipIf(!SEEDS)(
    "shows seed 000's preamble, its period and where it read it, place and date apart",
    async () => {
      const seed = readdirSync(SEEDS ?? '').find((file) => file.startsWith('000_')) ?? '';
      const page = await openPage();
      await importDocument(page, 'ke-hoach-68.txt', await readFile(path.join(SEEDS ?? '', seed)));
      const opening = page.locator('.ant-card', { hasText: 'Phần mở đầu' });
      await opening.getByText(/^Để Phong trào thi đua được triển khai đạt hiệu quả/).waitFor();
      expect(await fact(page, 'Nơi ban hành').textContent()).toBe('Lai Châu');
      expect(await fact(page, 'Ngày ban hành').textContent()).toBe('21/08/2019');
      expect(await fact(page, 'Giai đoạn').textContent()).toMatch(
        /2019.*2025.*dòng 20: “giai đoạn 2019-2025”/,
      );
      // The preamble is not a section without a label: the body starts at "I.".
      const firstSection = page
        .getByRole('list', { name: 'Nội dung kế hoạch' })
        .locator(':scope > li')
        .first();
      expect(await firstSection.textContent()).toMatch(/^I\.MỤC ĐÍCH, YÊU CẦU/);
      await takeTopScreenshot(page, 'document-review-preamble');
      await page.close();
    },
  );

  it('shows the articles of a decision and the regulation it issues, chapter by chapter', async () => {
    const page = await openPage();
    await importDocument(
      page,
      'quyet-dinh.txt',
      await readFile(path.join(FIXTURES, 'quyet-dinh-ban-hanh-quy-che.txt')),
    );
    expect(await fact(page, 'Loại văn bản').textContent()).toBe('Quyết định');
    expect(await fact(page, 'Thẩm quyền ban hành').textContent()).toBe('ỦY BAN NHÂN DÂN TỈNH THANH LÂM');
    await page.locator('.ant-card', { hasText: 'Phần mở đầu' }).getByText('QUYẾT ĐỊNH:').waitFor();
    const articles = page.getByRole('list', { name: 'Các điều của văn bản' }).locator(':scope > li');
    await expect.poll(() => articles.count()).toBe(3);
    const attachments = page.locator('.ant-card', { hasText: 'Văn bản kèm theo (1)' });
    await attachments
      .getByText('QUY CHẾ – Công tác thi đua, khen thưởng trên địa bàn tỉnh Thanh Lâm')
      .click();
    await attachments.getByText('8 điều').waitFor();
    await attachments.getByText('QUY ĐỊNH CHUNG').waitFor();
    await attachments.getByText('Danh hiệu “Cờ thi đua của Ủy ban nhân dân tỉnh”').waitFor();
    await takeTopScreenshot(page, 'document-review-decision');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
