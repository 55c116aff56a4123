import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { viewports } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

/** The screenshots of this journey live in the repository's docs. */
const DOCS_SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
const NEW_USERNAME = 'lo.van.phuc';
const NEW_PASSWORD = 'hoa ban no tren doi';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

/** What the screen shows, at 1366×768, as docs/screenshots/<name>.png. */
async function shot(page: Page, name: string): Promise<void> {
  await mkdir(DOCS_SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, `${name}.png`) });
}

/** Types into an antd select and picks the first option whose text matches. */
async function choose(page: Page, label: string, typed: string | null, option: RegExp | string) {
  const dialog = page.getByRole('dialog');
  const box = dialog.getByLabel(label, { exact: true });
  await box.click();
  if (typed) await box.fill(typed);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

/** Fills the login form and presses "Đăng nhập" (without waiting for any page). */
async function submitLogin(page: Page, username: string, password: string) {
  await page.goto(`${journey.baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('accounts: an administrator creates an account for a commune officer', () => {
  it('shows a wrong password without a request id', async () => {
    const page = await openPage();
    await submitLogin(page, 'demo.admin', 'khong-phai-mat-khau');
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
    expect(await page.getByText('Mã yêu cầu').count()).toBe(0);
    await page.context().close();
  });

  it('creates the account, hands over a one-time password, and the officer changes it and sees their work', async () => {
    const admin = await openPage(viewports.desktop);
    await signIn(admin, 'demo.admin', '/tai-khoan');
    await admin.getByRole('heading', { name: 'Tài khoản', level: 1 }).waitFor();
    await admin.getByRole('row').filter({ hasText: 'demo.officer.tamduong' }).waitFor();
    await admin.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill(NEW_USERNAME);
    await dialog.getByLabel('Họ và tên').fill('Lò Văn Phúc');
    await choose(admin, 'Vai trò', null, 'Cán bộ thi đua – khen thưởng');
    await choose(admin, 'Đơn vị áp dụng vai trò', 'xa tam duong', /^Ủy ban nhân dân xã Tam Đường/);
    await shot(admin, 'accounts-create');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();

    // The one-time password is shown once, with a copy button.
    const passwordBox = admin.getByTestId('one-time-password');
    await passwordBox.waitFor();
    const oneTimePassword = (await passwordBox.textContent())?.trim() ?? '';
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{12}$/);
    await admin.getByRole('button', { name: 'Sao chép' }).waitFor();
    await shot(admin, 'accounts-one-time-password');
    await admin.getByRole('button', { name: 'Tôi đã ghi lại mật khẩu' }).click();

    // The list shows the new account waiting for its first password change; link it to a person.
    await admin.getByRole('searchbox', { name: 'Tìm tài khoản' }).fill('lo van phuc');
    await admin.getByRole('button', { name: 'Tìm' }).click();
    const row = admin.getByRole('row').filter({ hasText: NEW_USERNAME });
    await row.getByText('Chờ đổi mật khẩu').waitFor();
    expect(await row.textContent()).toContain('Cán bộ thi đua – khen thưởng · Ủy ban nhân dân xã Tam Đường');
    await row.getByRole('button', { name: 'Gắn cán bộ' }).click();
    await choose(admin, 'Cán bộ', null, /Ủy ban nhân dân xã Tam Đường/);
    await admin.getByRole('dialog').getByRole('button', { name: 'Gắn cán bộ' }).click();
    await row.getByText('Chưa gắn').waitFor({ state: 'detached' });

    // A second role, then taken back.
    await row.getByRole('button', { name: 'Phân quyền' }).click();
    await choose(admin, 'Vai trò', null, 'Thành viên Hội đồng TĐKT');
    await choose(admin, 'Đơn vị', 'xa tam duong', /^Ủy ban nhân dân xã Tam Đường/);
    await admin.getByRole('dialog').getByRole('button', { name: 'Cấp vai trò' }).click();
    const granted = admin
      .getByRole('dialog')
      .getByRole('listitem')
      .filter({ hasText: 'Thành viên Hội đồng TĐKT' });
    await granted.waitFor();
    await shot(admin, 'accounts-grants');
    await granted.getByRole('button', { name: /^Thu hồi/ }).click();
    await granted.waitFor({ state: 'detached' });
    await admin.keyboard.press('Escape');
    await admin.setViewportSize(viewports.desktop);
    await shot(admin, 'accounts-list');
    expect(await admin.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);

    // The officer signs in with the one-time password and is made to change it first.
    const officer = await openPage(viewports.desktop);
    await submitLogin(officer, NEW_USERNAME, oneTimePassword);
    await officer.getByRole('heading', { name: 'Đổi mật khẩu', level: 1 }).waitFor();
    await officer.getByText(/Hãy đặt mật khẩu của riêng bạn thay cho mật khẩu được cấp một lần/).waitFor();
    await officer.getByLabel('Mật khẩu được cấp').fill(oneTimePassword);
    await officer.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
    await officer.getByLabel('Nhập lại mật khẩu mới').fill('ngan');
    await officer.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await officer.getByText('Mật khẩu mới phải có ít nhất 10 ký tự').waitFor();
    await officer.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_PASSWORD);
    await officer.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
    await officer.getByText('Hai lần nhập mật khẩu mới chưa giống nhau').waitFor({ state: 'detached' });
    await shot(officer, 'accounts-change-password');
    await officer.getByRole('button', { name: 'Đổi mật khẩu' }).click();

    // Then their to-do home page: the commune's overdue implementing plan.
    await officer.getByRole('heading', { name: 'Việc cần làm', level: 1 }).waitFor();
    await officer.getByTestId('todo-item').first().waitFor();
    expect((await officer.getByTestId('todo-item').allInnerTexts()).join('\n')).toMatch(
      /Xây dựng, ban hành kế hoạch triển khai phong trào/,
    );
    expect(await officer.getByTestId('user-full-name').textContent()).toBe('Lò Văn Phúc');
    await shot(officer, 'accounts-officer-home');

    // From the header's menu, "Đổi mật khẩu" opens the page again.
    // The menu opens with an animation: a click that lands before it settles is tried again.
    for (let attempt = 1; ; attempt += 1) {
      await officer.getByTestId('account-menu').click();
      await officer.getByRole('menuitem', { name: 'Đổi mật khẩu' }).click();
      const opened = await officer
        .waitForURL((url) => url.pathname === '/doi-mat-khau', { timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      if (opened) break;
      if (attempt === 3) throw new Error('"Đổi mật khẩu" in the header menu did not open its page');
      await officer.keyboard.press('Escape');
    }
    await officer.getByLabel('Mật khẩu hiện tại').waitFor();
    await officer.context().close();

    // Disabled by the administrator, the account cannot sign in and is told why.
    await row.getByRole('button', { name: 'Khoá' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Khoá tài khoản' }).click();
    await row.getByText('Đã khoá').waitFor();
    await admin.context().close();
    const again = await openPage();
    await submitLogin(again, NEW_USERNAME, NEW_PASSWORD);
    await again.getByRole('alert').filter({ hasText: 'Tài khoản của bạn đã bị khoá.' }).waitFor();
    expect(await again.getByText('Mã yêu cầu').count()).toBe(0);
    await again.context().close();
  });

  it('shows a provincial officer the accounts of the province on a phone, managing only roles below theirs', async () => {
    const page = await openPage(viewports.phone);
    await signIn(page, 'demo.officer', '/tai-khoan');
    await page.getByRole('heading', { name: 'Tài khoản', level: 1 }).waitFor();
    const peer = page.getByRole('row').filter({ hasText: 'demo.officer.tamduong' });
    await peer.getByText('Ngoài quyền quản lý của bạn').waitFor();
    const head = page.getByRole('row').filter({ hasText: 'demo.head' });
    await head.getByRole('button', { name: 'Cấp mật khẩu' }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      viewports.phone.width,
    );
    await shot(page, 'accounts-phone');
    await page.context().close();
  });

  it('raised no script errors on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
