import { describe, it } from 'vitest';
import { takeScreenshot, viewports } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, signIn } = journey;
const LIVE =
  'Thi đua xây dựng chính quyền địa phương hai cấp tỉnh Lai Châu hoạt động thông suốt, hiệu lực, hiệu quả';

describe('explore', () => {
  it('shots', async () => {
    const page = await openPage();
    await signIn(page, 'demo.officer', '/phong-trao');
    await page.getByRole('link', { name: LIVE }).first().click();
    await page.locator('h1').first().waitFor();
    const url = page.url();
    console.log('MOVEMENT', url);
    await page.goto(`${url.split('?')[0]}?tab=trien-khai`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    console.log('cascade width', await page.evaluate('document.documentElement.scrollWidth'));
    await takeScreenshot(page, 'x-cascade');
    await page.goto(`${url.split('?')[0]}?tab=tien-do`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    await takeScreenshot(page, 'x-timeline');
    const admin = await openPage(); await signIn(admin, 'demo.admin', '/quan-tri/nhat-ky'); await admin.waitForLoadState('networkidle');
    await admin.waitForTimeout(800);
    await takeScreenshot(admin, 'x-audit');
    const phone = await openPage(viewports.phone);
    await signIn(phone, 'demo.officer', '/phong-trao');
    await phone.waitForLoadState('networkidle');
    await phone.waitForTimeout(800);
    await takeScreenshot(phone, 'x-list-phone');
    const head = await openPage();
    await signIn(head, 'demo.head', '/to-chuc/hoi-dong');
    await head.waitForLoadState('networkidle');
    await head.waitForTimeout(800);
    await takeScreenshot(head, 'x-council-head');
  });
});
