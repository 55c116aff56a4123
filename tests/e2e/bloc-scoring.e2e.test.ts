import { and, eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criterionInput } from '#contracts/bloc-scoring.ts';
import { advanceSheet, createTable, openTable } from '#server/modules/bloc-scoring/index.ts';
import { openPglite } from '#server/platform/db/client.ts';
import { scoringSheets, scoringTables } from '#server/platform/db/schema.ts';
import { type AppServer, DEMO_PASSWORD, startAppServer } from './support/app-server.ts';
import { seedTwoUnitBloc } from './support/bloc-seed.ts';
import { launchBrowser, signInThroughPage, type TestBrowser, takeTopScreenshot } from './support/browser.ts';

const YEAR = new Date().getFullYear();
const TABLE = `Bảng tiêu chí chấm điểm Cụm thử nghiệm năm ${YEAR}`;
const BLOC = 'Cụm thi đua thử nghiệm';

const criterion = criterionInput;

/**
 * The demo's 2024 scoring is published, so a fresh bloc of this year: Tân Phong (head, an officer
 * account made here) and Tam Đường (demo.officer.tamduong); the province's officer drafts and opens
 * its table, and the head settles its own sheet, leaving Tam Đường's to the journey.
 */
async function seed(dataDir: string) {
  const handle = await openPglite(dataDir);
  const db = handle.db;
  const { council, bloc, head, officer, headCaller } = await seedTwoUnitBloc(db, BLOC, 'e2e.cum.head');
  const tableId = await createTable(db, officer, {
    councilId: council.id,
    blocId: bloc.id,
    year: YEAR,
    name: TABLE,
    tieBreak: [{ kind: 'vote' }],
    leadingCount: 1,
    criteria: [
      criterion('I', null, 'Công tác thi đua, khen thưởng', 'group', 20),
      criterion('1.1', 'I', 'Ban hành kế hoạch thi đua năm', 'qualitative', 10, { evidenceRequired: true }),
      criterion('1.2', 'I', 'Mô hình điển hình được công nhận (2 điểm/mô hình)', 'fixed', 10, {
        pointsPerItem: 2,
      }),
    ],
  });
  const version = async () =>
    (await db.select().from(scoringTables).where(eq(scoringTables.id, tableId)))[0]?.version as number;
  await openTable(db, officer, tableId, await version());
  const sheetOf = async (unitId: string) =>
    (
      await db
        .select()
        .from(scoringSheets)
        .where(and(eq(scoringSheets.tableId, tableId), eq(scoringSheets.unitId, unitId)))
    )[0];
  for (let step = 0; step < 4; step++) {
    const sheet = await sheetOf(head.id);
    if (!sheet) throw new Error('head sheet missing');
    await advanceSheet(db, headCaller, sheet.id, sheet.version);
  }
  await handle.close();
}

let server: AppServer;
let browser: TestBrowser;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startAppServer(seed);
  browser = await launchBrowser();
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

const card = (page: Page, title: string): Locator =>
  page.locator('.ant-card').filter({ hasText: title }).last();

/** Clicks a step button and confirms it in the dialog that explains it. */
async function step(page: Page, label: string) {
  await page.getByRole('button', { name: label, exact: true }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: label, exact: true }).click();
}

describe('bloc scoring journey', () => {
  it('a member self-assesses with evidence, the head reviews and adjusts, the member explains, the head publishes and exports', async () => {
    const member = await openAs('demo.officer.tamduong', '/khoi-cum');
    await member.getByRole('link', { name: TABLE }).click();
    await member.getByRole('link', { name: 'Ủy ban nhân dân xã Tam Đường' }).click();
    await member.waitForURL(/\/khoi-cum\/bang-diem\/[0-9a-f-]{36}$/);
    const sheetUrl = new URL(member.url()).pathname;

    const plan = card(member, 'Ban hành kế hoạch thi đua năm');
    await plan.getByText('Đạt', { exact: true }).click();
    await plan.getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
    await plan.getByText('10 / 10 điểm', { exact: true }).waitFor();
    await plan.locator('input[type=file]').setInputFiles({
      name: 'ke-hoach-thi-dua.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
    });
    await plan.getByRole('button', { name: 'ke-hoach-thi-dua.pdf' }).waitFor();
    const models = card(member, 'Mô hình điển hình được công nhận');
    await models.getByLabel('Số trường hợp').fill('3');
    // The points show as typed, before saving: the criterion, its group and the total.
    await models.getByText('Tạm tính 6 / 10 điểm (chưa lưu)').waitFor();
    await member.getByText('Tạm tính với số liệu chưa lưu: 16 điểm').waitFor();
    await member.getByRole('heading', { name: /Công tác thi đua, khen thưởng — 16 \/ 20 điểm/ }).waitFor();
    await takeTopScreenshot(member, 'bloc-scoring-preview-1366');
    // Moving on with a figure not saved is stopped with the criterion named.
    await member.getByRole('button', { name: 'Gửi kết quả tự chấm' }).click();
    await member.getByText('Các tiêu chí 1.2 có số liệu hoặc nội dung chưa lưu', { exact: false }).waitFor();
    await member.getByRole('button', { name: 'Đã hiểu' }).click();
    await models.getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
    await models.getByText('6 / 10 điểm', { exact: true }).waitFor();
    await step(member, 'Gửi kết quả tự chấm');
    await member.getByText('Đã gửi, chờ khối trưởng chấm lần 1').waitFor();

    // The head lowers the models to two, with a reason, and hands the sheet back.
    const head = await openAs('e2e.cum.head', sheetUrl);
    const reviewed = card(head, 'Mô hình điển hình được công nhận');
    await reviewed.getByLabel('Số trường hợp').fill('2');
    await reviewed.getByRole('button', { name: 'Lưu điểm chấm' }).click();
    await head.getByText('Vui lòng ghi lý do điều chỉnh điểm.').waitFor();
    await reviewed
      .getByLabel('Lý do điều chỉnh (bắt buộc khi đổi số liệu)')
      .fill('Mô hình thứ ba chưa có quyết định công nhận.');
    await reviewed.getByRole('button', { name: 'Lưu điểm chấm' }).click();
    await reviewed.getByText('4 / 10 điểm', { exact: true }).waitFor();
    await step(head, 'Hoàn thành chấm lần 1');
    await head.getByText('Khối trưởng đã chấm lần 1, chờ đơn vị giải trình').waitFor();

    // The member explains; the head settles the sheet.
    await member.reload();
    const explained = card(member, 'Mô hình điển hình được công nhận');
    await explained.getByLabel('Nội dung giải trình').fill('Mô hình thứ ba đang chờ quyết định công nhận.');
    await explained.getByRole('button', { name: 'Gửi giải trình tiêu chí' }).click();
    await explained.getByText('Giải trình của đơn vị').waitFor();
    await step(member, 'Gửi giải trình');
    await member.getByText('Đơn vị đã giải trình, chờ chấm lần 2').waitFor();

    await head.reload();
    await step(head, 'Chốt điểm');
    await head.getByText('Đã chốt điểm', { exact: true }).waitFor();
    const history = card(head, 'Mô hình điển hình được công nhận');
    await history.getByText(/Lịch sử chấm điểm/).click();
    for (const text of [
      'Đơn vị tự chấm',
      'Khối trưởng chấm lần 1',
      'Mô hình thứ ba chưa có quyết định công nhận.',
      'Đơn vị giải trình',
      'Điểm chốt',
    ])
      await history.getByText(text).first().waitFor();
    await takeTopScreenshot(head, 'bloc-scoring-sheet-1366');

    // The head publishes the ranking (Tam Đường leads) and exports the table with the scores.
    await head.getByRole('link', { name: TABLE }).click();
    await head.getByRole('button', { name: `Xếp hạng ${BLOC}` }).click();
    await head.waitForURL(/\/xep-hang\//);
    await head.getByRole('button', { name: 'Công bố kết quả xếp hạng' }).click();
    await head.getByRole('dialog').getByRole('button', { name: 'Công bố kết quả', exact: true }).click();
    await head.getByText('Đơn vị dẫn đầu: Ủy ban nhân dân xã Tam Đường').waitFor();
    const chart = head.getByRole('img', { name: /Biểu đồ tổng điểm các đơn vị của Cụm thi đua thử nghiệm/ });
    await chart.locator('svg').waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('dẫn đầu: Ủy ban nhân dân xã Tam Đường');
    const svg = head.waitForEvent('download');
    await head.getByRole('button', { name: 'Tải biểu đồ (SVG)' }).click();
    expect((await svg).suggestedFilename()).toMatch(/\.svg$/);
    await takeTopScreenshot(head, 'bloc-scoring-ranking-1366');
    const download = head.waitForEvent('download');
    await head.getByRole('button', { name: 'Tải bảng điểm (XLSX)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    expect(pageErrors).toEqual([]);
  });

  it('the officer copies the table into next year and edits its criteria; a stale save keeps what was typed', async () => {
    const officer = await openAs('demo.officer', '/khoi-cum');
    await officer.getByRole('link', { name: TABLE }).click();
    await officer.getByRole('button', { name: 'Sao chép sang năm khác' }).click();
    await officer.getByRole('dialog').getByRole('button', { name: 'Sao chép', exact: true }).click();
    await officer.getByText('Dự thảo', { exact: true }).waitFor();
    const copyUrl = new URL(officer.url()).pathname;
    const other = await openAs('demo.officer', copyUrl);

    await officer.getByRole('button', { name: 'Thêm tiêu chí' }).click();
    const codes = officer.getByLabel('Mã tiêu chí');
    await codes.last().fill('1.3');
    await officer.getByLabel('Nội dung tiêu chí').last().fill('Thực hiện chế độ báo cáo đúng hạn');
    await officer.getByLabel('Loại tiêu chí').last().click();
    await officer
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Định tính' })
      .click();
    await officer.getByRole('button', { name: 'Lưu bảng tiêu chí' }).click();
    await officer.getByText('Đã lưu bảng tiêu chí.').waitFor();
    expect(await codes.count()).toBe(4);

    // The other tab still holds the old version: its save is refused, its text stays, then goes onto the fresh one.
    await other.getByLabel('Nội dung tiêu chí').first().fill('Công tác thi đua, khen thưởng và truyền thông');
    await other.getByRole('button', { name: 'Lưu bảng tiêu chí' }).click();
    await other.getByRole('button', { name: 'Lưu lên bản mới' }).waitFor();
    expect(await other.getByLabel('Nội dung tiêu chí').first().inputValue()).toBe(
      'Công tác thi đua, khen thưởng và truyền thông',
    );
    await other.getByRole('button', { name: 'Lưu lên bản mới' }).click();
    await other.getByText('Đã lưu bảng tiêu chí.').waitFor();
    await officer.reload();
    await officer.getByLabel('Nội dung tiêu chí').first().waitFor();
    expect(await officer.getByLabel('Nội dung tiêu chí').first().inputValue()).toBe(
      'Công tác thi đua, khen thưởng và truyền thông',
    );

    // The draft's name, leading places and tie-break chain are edited in one form.
    await officer.getByRole('button', { name: 'Sửa thông tin bảng' }).click();
    const settings = officer.getByRole('dialog');
    await settings.getByLabel('Tên bảng').fill(`Bảng tiêu chí Cụm thử nghiệm năm ${YEAR + 1}`);
    await settings.getByLabel('Số đơn vị dẫn đầu').fill('2');
    await settings.getByRole('button', { name: 'Thêm bước xét' }).click();
    await settings.getByRole('combobox', { name: 'Bước 2', exact: true }).click();
    await officer
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Điểm của một tiêu chí' })
      .click();
    await settings.getByRole('combobox', { name: 'Tiêu chí của bước 2' }).click();
    await officer
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '1.2.' })
      .click();
    await takeTopScreenshot(officer, 'bloc-scoring-settings-1366');
    await settings.getByRole('button', { name: 'Lưu', exact: true }).click();
    await officer.getByText('Đã lưu thông tin bảng tiêu chí.').waitFor();
    await officer.getByRole('heading', { name: `Bảng tiêu chí Cụm thử nghiệm năm ${YEAR + 1}` }).waitFor();
    await officer.getByText('1. Biểu quyết của hội nghị khối, cụm; 2. Điểm tiêu chí 1.2').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
