import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { viewports } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

/** Pictures of the audit log and the phone list for the docs live in the repository. */
const DOCS_SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
const COUNCIL = 'Hội đồng Thi đua – Khen thưởng tỉnh Lai Châu';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

async function saveDocScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(DOCS_SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, `${name}.png`) });
}

const today = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()); // dd/mm/yyyy

describe('audit log a person can read', () => {
  it('adds a council member once on a double click, then shows it in the log by Vietnamese names', async () => {
    const page = await openPage();
    await signIn(page, 'demo.officer', '/to-chuc/hoi-dong');
    await page.getByRole('heading', { name: COUNCIL }).waitFor();
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    const dialog = page.getByRole('dialog');
    // Any person of the province: the first one the search offers ("name – position – unit").
    await dialog.getByLabel('Cán bộ').fill('Lò Thị');
    const option = page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^Lò Thị / })
      .last();
    const person = ((await option.textContent()) ?? '').split(' – ')[0] as string;
    expect(person).toMatch(/^Lò Thị /);
    await option.click();
    await dialog.getByRole('button', { name: 'Thêm' }).dblclick();
    await page.getByText('Đã thêm thành viên Hội đồng.').waitFor({ timeout: 60_000 });
    await page.getByRole('row').filter({ hasText: person }).waitFor();
    await page.waitForTimeout(1500);
    expect(await page.locator('.ant-message-error, .ant-notification-notice-error').count()).toBe(0);
    expect(await page.getByRole('row').filter({ hasText: person }).count()).toBe(1);
    await page.context().close();

    const admin = await openPage();
    await signIn(admin, 'demo.admin', '/quan-tri/nhat-ky');
    await admin.getByRole('heading', { name: 'Nhật ký hệ thống', level: 1 }).waitFor();
    // The action filter lists Vietnamese names and finds them typed without diacritics.
    await admin.getByLabel('Thao tác').first().click();
    await admin.keyboard.type('them thanh vien');
    await admin.locator('.ant-select-item-option').filter({ hasText: 'Thêm thành viên hội đồng' }).click();
    await admin.getByRole('button', { name: 'Lọc', exact: true }).click();
    await admin.waitForURL((url) => url.searchParams.get('action') === 'council.member.add');
    const row = admin.locator('.ant-table-row').filter({ hasText: 'Thêm thành viên hội đồng' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain(COUNCIL);
    expect(await row.textContent()).toContain('Hội đồng TĐKT');
    await saveDocScreenshot(admin, 'audit-log');

    await row.locator('.ant-table-row-expand-icon').click();
    const changes = admin.locator('table').filter({ hasText: 'Trước khi thay đổi' }).first();
    await changes.waitFor();
    const personRow = changes.locator('tr').filter({ hasText: 'Cán bộ' }).first();
    expect(await personRow.textContent()).toContain(person);
    expect(await changes.locator('tr').filter({ hasText: 'Nhiệm kỳ từ' }).first().textContent()).toContain(
      today(),
    );
    expect(await changes.locator('tr').filter({ hasText: 'Vai trò' }).first().textContent()).toContain(
      'Ủy viên',
    );
    // No codes, ids or ISO dates on the screen.
    const text = await admin.locator('main, .ant-layout-content').first().textContent();
    expect(text).not.toMatch(/council\.member\.add|personId|termFrom|\d{4}-\d{2}-\d{2}|#[0-9a-f]{8}/);
    await row.scrollIntoViewIfNeeded();
    await saveDocScreenshot(admin, 'audit-detail');
    expect(pageErrors).toEqual([]);
    await admin.context().close();
  });

  it('shows the council to the head of its standing body (Sở Nội vụ)', async () => {
    const page = await openPage();
    await signIn(page, 'demo.head', '/to-chuc/hoi-dong');
    await page.getByRole('heading', { name: COUNCIL }).waitFor();
    await page.getByRole('cell', { name: 'Chủ tịch Hội đồng', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Thêm thành viên' }).count()).toBe(0);
    await page.context().close();
  });

  it('keeps the sidebar the whole page long and the movement list readable on a phone', async () => {
    const page = await openPage();
    await signIn(page, 'demo.admin', '/quan-tri/nhat-ky');
    await page.locator('.ant-table-row').first().waitFor();
    const [siderHeight, pageHeight] = (await page.evaluate(
      "[document.querySelector('.ant-layout-sider').getBoundingClientRect().height, document.documentElement.scrollHeight]",
    )) as [number, number];
    expect(pageHeight).toBeGreaterThan(viewports.desktop.height);
    expect(siderHeight).toBeGreaterThanOrEqual(pageHeight - 1);
    await page.context().close();

    const phone = await openPage(viewports.phone);
    await signIn(phone, 'demo.officer', '/phong-trao');
    await phone.locator('.ant-table-row').first().waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      viewports.phone.width,
    );
    // The name column stays fixed at the left, wide enough to read.
    const nameWidth = (await phone
      .locator('.ant-table-row')
      .first()
      .locator('td')
      .first()
      .evaluate((cell) => cell.getBoundingClientRect().width)) as number;
    expect(nameWidth).toBeGreaterThanOrEqual(180);
    await saveDocScreenshot(phone, 'movements-list-phone');
    await phone.context().close();
  });
});
