import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#server/modules/users/index.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import { openPglite } from '#server/platform/db/client.ts';
import { units } from '#server/platform/db/schema.ts';
import { buildUnit } from '../support/factories.ts';
import { httpSignIn } from '../support/server-process.ts';
import { type AppServer, DEMO_PASSWORD, startAppServer } from './support/app-server.ts';
import { launchBrowser, signInThroughPage, type TestBrowser, takeTopScreenshot } from './support/browser.ts';

/** A district of today under the demo province with one commune, and an officer and a head for each. */
async function seedUnits(dataDir: string) {
  const handle = await openPglite(dataDir);
  const db = handle.db;
  const [province] = await db.select().from(units).where(eq(units.code, 'LCI'));
  if (!province) throw new Error('demo province missing');
  const district = await buildUnit(db, {
    parentId: province.id,
    name: 'Ủy ban nhân dân huyện Thử Nghiệm',
    kind: 'district',
    code: 'E2E.H',
  });
  const commune = await buildUnit(db, {
    parentId: district.id,
    name: 'Ủy ban nhân dân xã Hồng Thu',
    kind: 'commune',
    code: 'E2E.X',
  });
  for (const [username, fullName, role, unitId] of [
    ['e2e.district', 'Cán bộ Huyện', 'tdkt_officer', district.id],
    ['e2e.district.head', 'Chủ tịch Huyện', 'unit_head', district.id],
    ['e2e.commune', 'Cán bộ Xã', 'tdkt_officer', commune.id],
    ['e2e.commune.head', 'Chủ tịch Xã', 'unit_head', commune.id],
  ] as const)
    await createUser(
      db,
      { username, fullName, password: DEMO_PASSWORD, role, unitId, email: null },
      systemActor('e2e'),
    );
  await handle.close();
  return { provinceId: province.id, districtId: district.id };
}

let server: AppServer;
let browser: TestBrowser;
let requestId: string;
const pageErrors: string[] = [];
const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A call to the real server as a signed-in user. */
async function call(
  who: Awaited<ReturnType<typeof httpSignIn>>,
  method: string,
  url: string,
  body?: unknown,
) {
  const response = await fetch(`${server.baseUrl}${url}`, {
    method,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

beforeAll(async () => {
  let seeded: Awaited<ReturnType<typeof seedUnits>> | undefined;
  server = await startAppServer(async (dataDir) => {
    seeded = await seedUnits(dataDir);
  });
  if (!seeded) throw new Error('seed missing');
  browser = await launchBrowser();
  // The province asks its districts (the demo's ended in 2025; only the new one is asked) and the
  // district forwards the request to its commune.
  const province = await httpSignIn(server.baseUrl, 'demo.officer', DEMO_PASSWORD);
  const template = await call(province, 'POST', '/api/report-templates', {
    ownerUnitId: seeded.provinceId,
    name: 'Mẫu báo cáo năm',
    sections: [
      { key: 'ket-qua', title: 'Kết quả triển khai', hint: '' },
      { key: 'de-xuat', title: 'Đề xuất, kiến nghị', hint: '' },
    ],
    indicators: [{ code: 'dien-hinh', label: 'Điển hình tiên tiến', unit: 'mô hình' }],
  });
  const request = await call(province, 'POST', '/api/report-requests', {
    unitId: seeded.provinceId,
    kind: 'general_yearly',
    title: 'Báo cáo thi đua, khen thưởng năm thử nghiệm',
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    dueOn: inFuture(30),
    templateId: template.id,
    targets: { mode: 'kinds', kinds: ['district'] },
  });
  requestId = request.id as string;
  const district = await httpSignIn(server.baseUrl, 'e2e.district', DEMO_PASSWORD);
  await call(district, 'POST', '/api/report-requests', {
    unitId: seeded.districtId,
    parentRequestId: requestId,
    kind: 'general_yearly',
    title: 'Báo cáo năm thử nghiệm của các xã',
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    dueOn: inFuture(20),
    targets: { mode: 'children' },
  });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openAs(username: string, target: string): Promise<Page> {
  const { page } = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  await signInThroughPage(page, server.baseUrl, username, DEMO_PASSWORD, target);
  return page;
}

describe('reports journey', () => {
  it('the commune fills and submits, the district consolidates and submits, the province sees the dashboard', async () => {
    const commune = await openAs('e2e.commune', '/bao-cao');
    await commune.getByRole('link', { name: 'Mở báo cáo' }).first().click();
    await commune.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/);
    const reportUrl = new URL(commune.url()).pathname;
    await commune.getByLabel('Kết quả triển khai').fill('Xã đã xây dựng hai mô hình công sở mẫu.');
    await commune.getByLabel('Điển hình tiên tiến').fill('2');
    await commune.getByText('Đã lưu', { exact: true }).waitFor({ timeout: 15_000 });
    // A proof attached (the second file input: the first reads a DOCX into the sections).
    await commune
      .locator('input[type=file]')
      .nth(1)
      .setInputFiles({
        name: 'bien-ban-minh-chung.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n% minh chung\n%%EOF\n'),
      });
    await commune.getByText('Đã đính kèm tệp.').waitFor();
    const proof = commune.waitForEvent('download');
    await commune.getByRole('button', { name: 'bien-ban-minh-chung.pdf' }).click();
    expect((await proof).suggestedFilename()).toBe('bien-ban-minh-chung.pdf');
    await commune.reload();
    await expect
      .poll(() => commune.getByLabel('Kết quả triển khai').inputValue(), { timeout: 15_000 })
      .toContain('hai mô hình');

    const head = await openAs('e2e.commune.head', reportUrl);
    await head.getByRole('button', { name: 'Duyệt báo cáo' }).click();
    await head.getByText('Thủ trưởng đã duyệt', { exact: true }).first().waitFor();
    await commune.reload();
    await commune.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await commune.getByText('Đã gửi', { exact: true }).first().waitFor();
    await takeTopScreenshot(commune, 'report-submitted-1366');

    const district = await openAs('e2e.district', `/bao-cao/yeu-cau/${requestId}`);
    await district.getByRole('button', { name: 'Báo cáo của đơn vị tôi' }).click();
    await district.getByRole('button', { name: 'Tổng hợp từ cấp dưới' }).click();
    await district.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await expect
      .poll(() => district.getByLabel('Điển hình tiên tiến').inputValue(), { timeout: 15_000 })
      .toBe('2');
    await expect
      .poll(() => district.getByLabel('Kết quả triển khai').inputValue(), { timeout: 15_000 })
      .toContain('xã Hồng Thu:');
    await district.getByRole('button', { name: 'Xem số liệu từng đơn vị (1)' }).click();
    await district.getByRole('dialog').getByText('Ủy ban nhân dân xã Hồng Thu').waitFor();
    await district.keyboard.press('Escape');
    const districtReport = new URL(district.url()).pathname;
    const districtHead = await openAs('e2e.district.head', districtReport);
    await districtHead.getByRole('button', { name: 'Duyệt báo cáo' }).click();
    await districtHead.getByText('Thủ trưởng đã duyệt', { exact: true }).first().waitFor();
    await district.reload();
    await district.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await district.getByText('Đã gửi', { exact: true }).first().waitFor();

    const province = await openAs('demo.officer', `/bao-cao/yeu-cau/${requestId}`);
    const onTime = province.locator('.ant-card-hoverable').filter({ hasText: 'Gửi đúng hạn' });
    await expect
      .poll(() => onTime.locator('.ant-statistic-content').textContent(), { timeout: 15_000 })
      .toBe('1');
    await onTime.click();
    await province.getByRole('link', { name: 'Ủy ban nhân dân huyện Thử Nghiệm' }).waitFor();
    await takeTopScreenshot(province, 'report-dashboard-1366');
    // The roll-up: the district's consolidated report, each commune's figures, and its DOCX.
    await province.getByRole('link', { name: 'Ủy ban nhân dân huyện Thử Nghiệm' }).click();
    await province.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/);
    await province.getByRole('button', { name: 'Xem số liệu từng đơn vị (1)' }).click();
    await province.getByRole('dialog').getByText('Ủy ban nhân dân xã Hồng Thu').waitFor();
    await province.keyboard.press('Escape');
    const docx = province.waitForEvent('download');
    await province.getByRole('button', { name: 'Xuất Word' }).click();
    expect((await docx).suggestedFilename()).toMatch(/^bao-cao-[0-9a-f]{8}\.docx$/);
    expect(pageErrors).toEqual([]);
  }, 300_000); // five accounts, each signing in: a long walk on a busy machine

  it('the province edits a template: adds an indicator and saves it', async () => {
    const province = await openAs('demo.officer', '/bao-cao');
    await province.getByRole('link', { name: 'Mẫu báo cáo', exact: true }).click();
    await province.getByRole('button', { name: 'Mẫu báo cáo năm', exact: true }).click();
    const dialog = province.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await dialog.getByLabel('Tên chỉ tiêu 2').fill('Tập thể, cá nhân được khen thưởng');
    await dialog.getByLabel('Đơn vị tính 2').fill('lượt');
    await dialog.getByRole('button', { name: 'Đưa mục 2 lên' }).click();
    await takeTopScreenshot(province, 'report-template-editor-1366');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await province.getByText('Đã lưu mẫu báo cáo.').waitFor();
    const row = province.getByRole('row').filter({ hasText: 'Mẫu báo cáo năm' });
    await expect.poll(() => row.locator('td').nth(3).textContent(), { timeout: 15_000 }).toBe('2');

    // The edited template is used again for a new request.
    await province.goto(`${server.baseUrl}/bao-cao`);
    await province.getByRole('button', { name: 'Gửi yêu cầu báo cáo' }).click();
    const form = province.getByRole('dialog');
    await form.getByLabel('Đơn vị yêu cầu').click();
    await province.locator('.ant-select-item-option').filter({ hasText: 'tỉnh Lai Châu' }).first().click();
    await expect.poll(() => province.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await form.getByLabel('Mẫu báo cáo').click();
    await province.locator('.ant-select-item-option').filter({ hasText: 'Mẫu báo cáo năm' }).first().click();
    await form.getByLabel('Tên yêu cầu').fill('Báo cáo sơ bộ năm thử nghiệm');
    const period = form.locator('.ant-picker-range input');
    await period.nth(0).click();
    await period.nth(0).fill('01/01/2025');
    await period.nth(0).press('Enter');
    await period.nth(1).fill('31/12/2025');
    await period.nth(1).press('Enter');
    const due = inFuture(40).split('-').reverse().join('/');
    await form.getByLabel('Hạn gửi').fill(due);
    await form.getByLabel('Hạn gửi').press('Enter');
    await form.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await province.waitForURL(/\/bao-cao\/yeu-cau\/[0-9a-f-]{36}$/);
    await province.getByText('2 mục, 2 chỉ tiêu').waitFor();
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('a council member opens a supervised unit’s report; a district uses the province’s template, read only', async () => {
    const member = await openAs('demo.council.snv', '/bao-cao');
    await member.getByRole('tab', { name: 'Báo cáo của các đơn vị khối được giám sát' }).click();
    // The supervised units' reports, latest deadline first; the first opens read only.
    const link = member.getByRole('table').getByRole('link').first();
    await link.waitFor({ timeout: 60_000 });
    await takeTopScreenshot(member, 'reports-supervised-1366');
    const unitName = (await link.textContent()) ?? '';
    expect(unitName).toMatch(/^Ủy ban nhân dân /);
    await link.click();
    await member.getByRole('heading', { name: `Báo cáo của ${unitName}` }).waitFor();
    expect(await member.getByRole('button', { name: 'Gửi báo cáo' }).count()).toBe(0);

    const district = await openAs('e2e.district', '/bao-cao/mau-bao-cao');
    const row = district.getByRole('row').filter({ hasText: 'Mẫu báo cáo năm' });
    await row.getByText('Mẫu của cấp trên').waitFor();
    await row.getByRole('button', { name: 'Mẫu báo cáo năm' }).click();
    const dialog = district.getByRole('dialog');
    await dialog.getByText('Mẫu của cấp trên: Ủy ban nhân dân tỉnh Lai Châu').waitFor();
    expect(await dialog.getByRole('button', { name: 'Lưu' }).count()).toBe(0);
    await district.keyboard.press('Escape');

    await district.goto(`${server.baseUrl}/bao-cao`);
    await district.getByRole('button', { name: 'Gửi yêu cầu báo cáo' }).click();
    const form = district.getByRole('dialog');
    await form.getByLabel('Mẫu báo cáo').click();
    await district.locator('.ant-select-item-option').filter({ hasText: 'Mẫu báo cáo năm' }).first().click();
    await form.getByLabel('Tên yêu cầu').fill('Báo cáo năm của huyện theo mẫu của tỉnh');
    const period = form.locator('.ant-picker-range input');
    await period.nth(0).click();
    await period.nth(0).fill('01/01/2025');
    await period.nth(0).press('Enter');
    await period.nth(1).fill('31/12/2025');
    await period.nth(1).press('Enter');
    await form.getByLabel('Hạn gửi').fill(inFuture(25).split('-').reverse().join('/'));
    await form.getByLabel('Hạn gửi').press('Enter');
    await form.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await district.waitForURL(/\/bao-cao\/yeu-cau\/[0-9a-f-]{36}$/);
    await district.getByText(/^2 mục, \d chỉ tiêu$/).waitFor();
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
