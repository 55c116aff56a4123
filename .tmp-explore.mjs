import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:39517';
const out = '/tmp/ux-audit-shots';
const LIVE = 'Thi đua xây dựng chính quyền địa phương hai cấp tỉnh Lai Châu hoạt động thông suốt, hiệu lực, hiệu quả';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
async function open(user, target, viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', isMobile: viewport.width < 768, hasTouch: viewport.width < 768 });
  const page = await context.newPage();
  await page.goto(`${base}/dang-nhap?next=${encodeURIComponent(target)}`);
  await page.getByLabel('Tên đăng nhập').fill(user);
  await page.getByLabel('Mật khẩu').fill('demo-password-123');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === target, { timeout: 60000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  return page;
}
const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'mv') {
  const page = await open('demo.officer', '/phong-trao');
  await page.getByRole('link', { name: LIVE }).first().click();
  await page.locator('h1').first().waitFor();
  const url = page.url().split('?')[0];
  console.log('MOVEMENT', url);
  for (const tab of ['trien-khai', 'tien-do']) {
    await page.goto(`${url}?tab=${tab}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    console.log(tab, 'scrollWidth', await page.evaluate('document.documentElement.scrollWidth'));
    const tables = await page.evaluate(`[...document.querySelectorAll('.ant-table-wrapper')].map(t => { const c = t.querySelector('.ant-table-content, .ant-table-body'); return [t.clientWidth, c ? c.scrollWidth : -1, c ? c.clientWidth : -1, getComputedStyle(c||t).overflowX]; })`);
    console.log(tab, 'tables [wrapper, content scroll, content client, overflowX]', JSON.stringify(tables));
    await page.screenshot({ path: `${out}/${tab}.png`, fullPage: true });
  }
}
if (which === 'all' || which === 'phone') {
  const phone = await open('demo.officer', '/phong-trao', { width: 390, height: 844 });
  console.log('phone list scrollWidth', await phone.evaluate('document.documentElement.scrollWidth'));
  const tables = await phone.evaluate(`[...document.querySelectorAll('.ant-table-wrapper')].map(t => { const c = t.querySelector('.ant-table-content, .ant-table-body'); return [t.clientWidth, c ? c.scrollWidth : -1, c ? c.clientWidth : -1]; })`);
  console.log('phone tables', JSON.stringify(tables));
  await phone.screenshot({ path: `${out}/list-phone.png`, fullPage: true });
}
if (which === 'all' || which === 'audit') {
  const admin = await open('demo.admin', '/quan-tri/nhat-ky');
  await admin.screenshot({ path: `${out}/audit.png`, fullPage: true });
  await admin.locator('.ant-table-row-expand-icon').first().click();
  await admin.waitForTimeout(500);
  await admin.screenshot({ path: `${out}/audit-expanded.png` });
}
if (which === 'all' || which === 'council') {
  const head = await open('demo.head', '/to-chuc/hoi-dong');
  await head.screenshot({ path: `${out}/council-head.png`, fullPage: true });
}
await browser.close();
