import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { takeScreenshot, viewports } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

/** The home page screenshots of the README live in the repository. */
const DOCS_SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
const PHONE = { width: 375, height: 812 };
const LIVE_MOVEMENT =
  'Thi đua xây dựng chính quyền địa phương hai cấp tỉnh Lai Châu hoạt động thông suốt, hiệu lực, hiệu quả';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

/** What the screen shows at first, without scrolling: the README's picture of the page. */
async function saveDocScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(DOCS_SCREENSHOTS, { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, `${name}.png`) });
}

/** Signs the demo account in on the home page and waits until its to-do list has loaded. */
async function openHome(username: string, viewport: { width: number; height: number } = viewports.desktop) {
  const page = await openPage(viewport);
  await signIn(page, username);
  await page.getByRole('heading', { name: 'Việc cần làm', level: 1 }).waitFor();
  await page.getByRole('heading', { name: /^Xin chào, / }).waitFor();
  await page.getByTestId('todo-item').or(page.getByText('Không có việc nào cần làm.')).first().waitFor();
  return page;
}

/** The to-do items on screen as "group | kind | title | deadline". */
async function itemsOf(page: Page, group: string) {
  const section = page.getByRole('region', { name: new RegExp(`^${group}`) });
  return section.getByTestId('todo-item').allInnerTexts();
}

/** Tells the page the user came back to its tab (what a browser does when the window regains focus). */
const comeBackToTab = (page: Page) =>
  page.evaluate("document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))");

describe('home page: Việc cần làm', () => {
  it('shows each demo role its own work, on a laptop screen and on a phone (before anyone acts on it)', async () => {
    const roles: [string, string, RegExp][] = [
      ['demo.admin', 'home-admin', /Thiếu cán bộ TĐKT/],
      ['demo.officer.tamduong', 'home-commune-officer', /Xây dựng, ban hành kế hoạch triển khai phong trào/],
      ['demo.officer', 'home-provincial-officer', /Đôn đốc 22 đơn vị chưa ban hành kế hoạch triển khai/],
      ['demo.head', 'home-unit-head', /Duyệt bản đăng ký thi đua của/],
      // A member of the provincial council: the bloc review, and the demo round's session to vote in.
      [
        'demo.council',
        'home-council-member',
        /^(?=[\s\S]*Sơ kết năm)(?=[\s\S]*Bỏ phiếu kín: Phiên họp xét khen thưởng)/,
      ],
      ['demo.staff', 'home-staff', /Sửa và gửi lại bản đăng ký thi đua của anh\/chị/],
    ];
    for (const [username, file, expected] of roles) {
      const page = await openHome(username);
      expect((await page.getByTestId('todo-item').allInnerTexts()).join('\n')).toMatch(expected);
      // Nothing wider than the screen at 1366 px.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);
      await saveDocScreenshot(page, file);
      await takeScreenshot(page, `${file}-full`);
      // Every item's button opens a page this user may see, where the work is done.
      const buttons = page.getByTestId('todo-item').getByRole('button');
      for (let index = 0; index < Math.min(await buttons.count(), 6); index++) {
        await buttons.nth(index).click();
        await page.waitForURL((url) => url.pathname !== '/');
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(
          await page
            .getByText(/Không tìm thấy|không có quyền truy cập|Chưa tải được dữ liệu|Đã có lỗi/)
            .count(),
        ).toBe(0);
        expect(await page.locator('.ant-message-error').count()).toBe(0);
        await page.goBack();
        await page.getByRole('heading', { name: 'Việc cần làm', level: 1 }).waitFor();
        await page.getByTestId('todo-item').first().waitFor();
      }
      await page.context().close();
    }

    const phone = await openHome('demo.officer.tamduong', PHONE);
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    const button = phone.getByRole('button', { name: /^Xây dựng kế hoạch: / });
    const box = await button.boundingBox();
    // The button takes the whole width of its card on a phone: easy to tap.
    expect(box?.width ?? 0).toBeGreaterThan(PHONE.width * 0.75);
    await saveDocScreenshot(phone, 'home-commune-officer-phone');
    await phone.context().close();
  }, 300_000); // six roles, up to six pages each: a long walk on a busy machine

  it("lets Tam Đường's commune officer find the overdue plan, open it and see the list follow what was done", async () => {
    const page = await openHome('demo.officer.tamduong');
    const overdue = await itemsOf(page, 'Quá hạn');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toContain('Ban hành kế hoạch');
    expect(overdue[0]).toContain('Xây dựng, ban hành kế hoạch triển khai phong trào');
    expect(overdue[0]).toContain('Ủy ban nhân dân xã Tam Đường');
    expect(overdue[0]).toMatch(/Hạn \d{2}\/\d{2}\/\d{4} — quá hạn 10 ngày/);
    const soon = await itemsOf(page, 'Sắp đến hạn');
    expect(soon[0]).toMatch(/Nhiệm vụ được giao[\s\S]*còn 5 ngày/);
    expect((await itemsOf(page, 'Không có hạn'))[0]).toContain('Sửa và gửi lại bản đăng ký');
    expect(await page.getByTestId('todo-count').allInnerTexts()).toEqual([
      expect.stringMatching(/^1\s+Ban hành kế hoạch$/),
      expect.stringMatching(/^1\s+Hoàn thiện đăng ký$/),
      expect.stringMatching(/^1\s+Nhiệm vụ được giao$/),
    ]);

    // Another tab: the officer follows the button and starts the plan from the province's.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await other.getByRole('button', { name: /^Xây dựng kế hoạch: / }).click();
    await other.waitForURL((url) => url.pathname.startsWith('/phong-trao/'));
    await other.getByRole('heading', { name: LIVE_MOVEMENT }).waitFor();
    await other
      .getByText(/cần xây dựng kế hoạch thực hiện phong trào này trước ngày .* \(đã quá hạn\)/)
      .waitFor();
    await other.getByRole('button', { name: 'Xây dựng kế hoạch thực hiện' }).click();
    await other.getByText('Thực hiện phong trào cấp trên').waitFor();
    await other.close();

    // Back on the first tab, the list reads itself again: the plan now has a draft to finish.
    await page.bringToFront();
    await comeBackToTab(page);
    await page.getByText('Hoàn thiện và ban hành kế hoạch triển khai (đã có dự thảo)').waitFor();
    await page.getByRole('button', { name: /^Mở dự thảo: / }).click();
    await page.getByText('Thực hiện phong trào cấp trên').waitFor();
    await page.context().close();
  });

  it('raised no script errors on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
