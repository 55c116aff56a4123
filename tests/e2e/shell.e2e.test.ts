import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { takeScreenshot, viewports } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

async function fillLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('web shell', () => {
  it('shows the login page in Vietnamese and explains a wrong password', async () => {
    const page = await openPage();
    await page.goto(`${journey.baseUrl}/`);
    await page.waitForURL((url) => url.pathname === '/dang-nhap');
    await page.getByRole('heading', { name: 'TĐKT — Hệ thống quản lý Thi đua, Khen thưởng' }).waitFor();
    await expect(page.title()).resolves.toBe('Đăng nhập – TĐKT');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await takeScreenshot(page, 'login-1366');

    await fillLogin(page, 'demo.officer', 'mat-khau-sai');
    const alert = page.getByRole('alert').filter({ hasText: 'không đúng' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    await takeScreenshot(page, 'login-error-1366');

    const phone = await openPage(viewports.phone);
    await phone.goto(`${journey.baseUrl}/dang-nhap`);
    await phone.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await takeScreenshot(phone, 'login-390');
    await page.context().close();
    await phone.context().close();
  });

  it('lets demo.admin sign in, see who they are and find their login in the audit log', async () => {
    const page = await openPage();
    await signIn(page, 'demo.admin');
    await page.getByRole('heading', { name: /^Xin chào, / }).waitFor();
    await page.getByText(/Phiên bản/).waitFor();
    expect(await page.getByTestId('user-role').textContent()).toContain('Quản trị hệ thống');
    expect(await page.getByTestId('user-full-name').textContent()).toMatch(/\S/);
    await takeScreenshot(page, 'home-1366');

    await page.getByRole('link', { name: 'Nhật ký hệ thống' }).click();
    await page.waitForURL((url) => url.pathname === '/quan-tri/nhat-ky');
    await page.getByRole('heading', { name: 'Nhật ký hệ thống' }).waitFor();
    const loginRow = page
      .getByRole('row')
      .filter({ hasText: 'demo.admin' })
      .filter({
        has: page.getByRole('cell', { name: 'Đăng nhập', exact: true }),
      });
    await loginRow.first().waitFor();
    await takeScreenshot(page, 'audit-1366');

    await page.getByLabel('Người thực hiện').fill('demo.admin');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('actor') === 'demo.admin');
    await loginRow.first().waitFor();
    await loginRow.first().getByRole('button').first().click();
    await page
      .getByText(/Sau khi thay đổi|không ghi chi tiết thay đổi/)
      .first()
      .waitFor();
    await takeScreenshot(page, 'audit-expanded-1366');
    await page.context().close();
  });

  it('brings demo.staff back to the page they asked for, and refuses the audit log with a 403 page', async () => {
    const page = await openPage();
    await page.goto(`${journey.baseUrl}/quan-tri/nhat-ky`);
    await page.waitForURL((url) => url.pathname === '/dang-nhap');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/quan-tri/nhat-ky');
    await fillLogin(page, 'demo.staff', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/quan-tri/nhat-ky');
    await page.getByText('Bạn không có quyền truy cập trang này').waitFor();
    expect(await page.getByRole('link', { name: 'Nhật ký hệ thống' }).count()).toBe(0);
    await takeScreenshot(page, 'forbidden-1366');

    await page.goto(`${journey.baseUrl}/trang-khong-ton-tai`);
    await page.getByText('Không tìm thấy trang', { exact: true }).first().waitFor();
    await takeScreenshot(page, 'not-found-1366');
    await page.getByRole('button', { name: 'Về trang chủ' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.context().close();
  });

  it('opens the menu as a drawer on a phone', async () => {
    const page = await openPage(viewports.phone);
    await signIn(page, 'demo.admin');
    await page.getByRole('heading', { name: /^Xin chào, / }).waitFor();
    await takeScreenshot(page, 'home-390');

    await page.getByRole('button', { name: 'Mở menu' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('link', { name: 'Nhật ký hệ thống' }).waitFor();
    await page.waitForTimeout(400); // let the slide-in animation finish before the screenshot
    await takeScreenshot(page, 'drawer-390');
    await drawer.getByRole('link', { name: 'Nhật ký hệ thống' }).click();
    await page.waitForURL((url) => url.pathname === '/quan-tri/nhat-ky');
    await page.getByRole('cell', { name: 'Đăng nhập', exact: true }).first().waitFor();
    await takeScreenshot(page, 'audit-390');
    await page.context().close();
  });

  it('raised no script errors on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
