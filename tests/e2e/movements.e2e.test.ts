import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, takeTopScreenshot, viewports, waitForUrlOrError } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const PLAN_FILE = path.resolve(import.meta.dirname, '../fixtures/movements/ke-hoach-chuyen-doi-so.txt');
const MOVEMENT_NAME = 'Lai Châu chung sức chuyển đổi số';
/** The criterion Tam Đường rewords (enough for the comparison to call it reworded), and its new wording. */
const CRITERION = 'Văn bản đi, đến được xử lý';
const REWORDED = 'Văn bản đi, đến của xã được ký số, xử lý hoàn toàn trên môi trường mạng';
const ADDED_WORDS = 'ký số, xử lý hoàn toàn';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The province's movement, created in journey (a) and used by (b) and (c). */
let movementPath = '';
/**
 * Tam Đường's emulation officer today: the demo grants `demo.officer.tamduong` on the commune that
 * replaced the district on 01/7/2025 (LCI.X.TDG), so a movement launched now reaches it.
 */
const TAM_DUONG_OFFICER = 'demo.officer.tamduong';
const TAM_DUONG_UNIT = 'Ủy ban nhân dân xã Tam Đường';

const journey = setUpJourneys();
const { openPage, pageErrors } = journey;

const { signIn } = journey;

const shot = takeTopScreenshot;

/** Error messages shown at the top of the screen by the global handler. */
const errorMessages = (page: Page) => page.locator('.ant-message-error');

describe('movements screens', () => {
  it('(a) lets the provincial officer import a plan, settle the odd line, save and launch it once', async () => {
    const page = await openPage();
    await signIn(page, 'demo.officer', '/phong-trao');
    await page.getByRole('heading', { name: 'Phong trào thi đua' }).waitFor();
    await page
      .getByRole('link', { name: /văn hóa công sở/ })
      .first()
      .waitFor();
    await shot(page, 'movements-list');

    await page.getByRole('button', { name: 'Nhập từ văn bản' }).click();
    await page.waitForURL((url) => url.pathname === '/phong-trao/nhap-van-ban');
    await page.getByRole('heading', { name: 'Nhập phong trào từ văn bản' }).waitFor();
    // The launching unit defaults to the officer's own unit (the province).
    await expect.poll(() => page.locator('.ant-select-content').first().textContent()).toMatch(/Lai Châu/);

    // A file that is not a document: the server's Vietnamese message is shown, nothing is created.
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'anh-chup.docx',
      mimeType: DOCX_TYPE,
      buffer: Buffer.from('không phải tệp Word'),
    });
    await page.getByRole('button', { name: 'Tải lên và đọc văn bản' }).click();
    await page.getByText(/Không đọc được tệp kế hoạch/).waitFor();

    await input.setInputFiles({
      name: 'ke-hoach-chuyen-doi-so.txt',
      mimeType: 'text/plain',
      buffer: await readFile(PLAN_FILE),
    });
    await page.getByRole('button', { name: 'Tải lên và đọc văn bản' }).click();
    // The plan's period (2021–2025) is over: the import asks before storing anything.
    const warned = page.getByRole('dialog', { name: 'Văn bản chưa khớp với đơn vị ban hành' });
    await warned.getByText(/Giai đoạn của phong trào \(2021–2025\) đã kết thúc/).waitFor();
    await warned.getByRole('button', { name: 'Vẫn nhập văn bản này' }).click();
    await waitForUrlOrError(page, (url) => url.pathname.endsWith('/xem-lai'));
    await page.getByRole('heading', { name: 'Kiểm tra văn bản đã nhập' }).waitFor();
    movementPath = new URL(page.url()).pathname.replace(/\/xem-lai$/, '');

    // The odd line is listed and highlighted in the source; the draft shows the parsed header.
    const odd = page.getByTestId('unclassified-line');
    await expect.poll(() => odd.count()).toBe(1);
    expect(await odd.textContent()).toContain('Khoa');
    expect(await page.locator('li[id^="dong-"][title]').count()).toBe(1);
    await page.getByText('128/KH-UBND').first().waitFor();
    await page.getByText('15/03/2021').first().waitFor();
    await shot(page, 'movements-review');

    await odd.getByRole('button', { name: 'Bỏ qua' }).click();
    await page.getByText('Mọi dòng của văn bản đã được xếp vào đúng phần.').waitFor();
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.waitForURL((url) => url.pathname === movementPath);
    await page.getByRole('heading', { name: MOVEMENT_NAME }).waitFor();
    await page.getByText('Dự thảo', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Phát động', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Phát động phong trào' });
    await dialog.waitFor();
    await dialog.getByRole('checkbox', { name: /Tôi đã xem các điểm trên/ }).check();
    // An impatient double click launches once: no "already launched" error appears.
    await dialog.getByRole('button', { name: 'Vẫn phát động' }).dblclick();
    await page.getByText('Đã phát động', { exact: true }).first().waitFor();
    await page.waitForTimeout(500);
    expect(await errorMessages(page).count()).toBe(0);
    await shot(page, 'movements-launched');
    await page.close();
  });

  it('(b) lets the Tam Đường officer answer with a copied, reworded plan and export it to Word', async () => {
    expect(movementPath).not.toBe('');
    const page = await openPage();
    await signIn(page, TAM_DUONG_OFFICER, '/thong-bao');
    const notification = page.getByTestId('notification').filter({ hasText: MOVEMENT_NAME });
    await notification.waitFor();
    await notification.click();
    await page.waitForURL((url) => url.pathname === movementPath);
    await page.getByText(/cần xây dựng kế hoạch thực hiện phong trào này/).waitFor();
    await shot(page, 'movements-obligation');

    await page.getByRole('button', { name: 'Xây dựng kế hoạch thực hiện' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/phong-trao/') && url.pathname !== movementPath);
    await page.getByText('Thực hiện phong trào cấp trên').waitFor();

    await page.getByRole('button', { name: new RegExp(`^Sửa tiêu chí: ${CRITERION}`) }).click();
    const editor = page.getByRole('dialog', { name: 'Sửa tiêu chí' });
    const text = editor.getByLabel('Nội dung tiêu chí');
    expect(await text.inputValue()).toContain(CRITERION);
    await text.fill(REWORDED);
    await editor.getByRole('button', { name: 'Lưu' }).click();
    await editor.waitFor({ state: 'hidden' });
    await page.getByTestId('criterion').filter({ hasText: REWORDED }).waitFor();

    // A plan is issued with its number, date and signer.
    await page.getByRole('button', { name: 'Sửa thông tin văn bản' }).click();
    const header = page.getByRole('dialog', { name: 'Sửa thông tin văn bản' });
    await header.getByLabel('Số, ký hiệu').fill('31/KH-UBND');
    await header.getByLabel('Ngày ban hành').fill('02/04/2021');
    await header.getByLabel('Ngày ban hành').press('Enter');
    await header.getByLabel('Họ và tên người ký').fill('Lò Văn Hùng');
    await header.getByRole('button', { name: 'Lưu' }).click();
    await header.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Ban hành, phát động' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ban hành kế hoạch và phát động phong trào' });
    await dialog.getByRole('checkbox', { name: /Tôi đã xem các điểm trên/ }).check();
    await dialog.getByRole('button', { name: 'Vẫn ban hành, phát động' }).click();
    await page.getByText('Đã phát động', { exact: true }).first().waitFor();

    await page.getByRole('tab', { name: 'Văn bản' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải bản Word (.docx)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const saved = path.join(SCREENSHOT_DIR, 'movements-tam-duong.docx');
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await file.saveAs(saved);
    const bytes = await readFile(saved);
    expect((await stat(saved)).size).toBeGreaterThan(1000);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(await errorMessages(page).count()).toBe(0);

    // The 2019–2025 movement reached the district the commune succeeded: its plan is one click away.
    await page.goto(`${journey.baseUrl}/phong-trao`);
    await page
      .getByRole('link', {
        name: 'Cán bộ, công chức, viên chức tỉnh Lai Châu thi đua thực hiện văn hóa công sở',
      })
      .click();
    await page
      .getByText('Ủy ban nhân dân huyện Tam Đường đã ban hành kế hoạch thực hiện số 114/KH-UBND.')
      .waitFor();
    expect(await page.getByText(/cần xây dựng kế hoạch/).count()).toBe(0);
    await page.getByRole('button', { name: 'Mở kế hoạch của đơn vị' }).click();
    await page.getByRole('heading', { name: /huyện Tam Đường thi đua thực hiện văn hóa công sở/ }).waitFor();
    await page.close();
    // Longer than the default: the plan's header is filled in before it is issued.
  }, 240_000);

  it('(c) shows the province Tam Đường turning to "Đã ban hành" and the reworded criterion in the diff', async () => {
    const page = await openPage();
    await signIn(page, 'demo.officer', `${movementPath}?tab=trien-khai`);
    const row = page.locator('tr').filter({ hasText: TAM_DUONG_UNIT });
    await row.waitFor();
    await row.getByText(/Đã ban hành/).waitFor();
    // The other districts have not answered yet.
    await page.getByText('Chưa ban hành', { exact: true }).first().waitFor();
    await page.getByText('Tổng hợp theo cấp').waitFor();
    // Kept in .tmp/screenshots/ only: a test never writes into tracked files.
    await shot(page, 'movements-cascade');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    await row.getByRole('button', { name: 'Xem khác biệt' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByTestId('diff-summary').waitFor();
    const reworded = drawer.getByTestId('diff-item').filter({ hasText: ADDED_WORDS });
    await reworded.waitFor();
    expect(await reworded.textContent()).toContain('Sửa lời');
    expect(await drawer.getByTestId('diff-summary').textContent()).toContain(ADDED_WORDS);
    await page.waitForTimeout(400);
    // The drawer is fixed to the window: a window-sized picture shows it as the user sees it.
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'movements-diff.png') });
    await page.close();
  });

  it('fits the movement page and the timeline on a phone', async () => {
    const page = await openPage(viewports.phone);
    await signIn(page, 'demo.officer', `${movementPath}?tab=tien-do`);
    await page.getByText('Mốc tiến độ').first().waitFor();
    // The plan's three milestones (2021 launch, 2023 mid-term, 2025 final review) are on the timeline.
    const fromPlan = page.getByRole('button', { name: 'Lấy mốc từ kế hoạch' });
    await page.waitForTimeout(1000);
    if (await fromPlan.isVisible()) await fromPlan.click();
    await expect.poll(() => page.getByTestId('milestone').count()).toBeGreaterThanOrEqual(3);
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(viewports.phone.width);
    await shot(page, 'movements-timeline-phone');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
