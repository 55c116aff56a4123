import { readFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  advanceSheet,
  createTable,
  openTable,
  putEntry,
  setQuotas,
} from '#server/modules/bloc-scoring/index.ts';
import { demoCaller } from '#server/modules/demo/demo-callers.ts';
import { openPglite } from '#server/platform/db/client.ts';
import { scoringCriteria, scoringSheets, scoringTables } from '#server/platform/db/schema.ts';
import { type AppServer, DEMO_PASSWORD, startAppServer } from './support/app-server.ts';
import { seedTwoUnitBloc } from './support/bloc-seed.ts';
import { launchBrowser, signInThroughPage, type TestBrowser, takeScreenshot } from './support/browser.ts';

const YEAR = new Date().getFullYear();
const TABLE = `Bảng tiêu chí Cụm họp thử nghiệm năm ${YEAR}`;
const BLOC = 'Cụm họp thử nghiệm';
const TAM_DUONG = 'Ủy ban nhân dân xã Tam Đường';

/**
 * A bloc of this year whose two sheets are settled: Tân Phong (head, an account made here) scores
 * nothing, Tam Đường (demo.officer.tamduong) meets the one criterion and leads. The table allows one
 * Cờ and Bằng khen for at most half of the collectives (one of two).
 */
async function seed(dataDir: string) {
  const handle = await openPglite(dataDir);
  const db = handle.db;
  const { council, bloc, head, member, officer, headCaller } = await seedTwoUnitBloc(
    db,
    BLOC,
    'e2e.hop.head',
  );
  const memberCaller = await demoCaller(db, 'demo.officer.tamduong');
  if (!memberCaller) throw new Error('callers missing');
  const tableId = await createTable(db, officer, {
    councilId: council.id,
    blocId: bloc.id,
    year: YEAR,
    name: TABLE,
    tieBreak: [{ kind: 'vote' }],
    leadingCount: 1,
    criteria: [
      {
        code: '1',
        parentCode: null,
        title: 'Ban hành kế hoạch thi đua năm',
        kind: 'qualitative',
        maxPoints: 10,
        pointsPerItem: null,
        penaltyPerItem: null,
        minPoints: null,
        evidenceRequired: false,
      },
    ],
  });
  const version = async () =>
    (await db.select().from(scoringTables).where(eq(scoringTables.id, tableId)))[0]?.version as number;
  await setQuotas(db, officer, tableId, {
    quotas: [
      { award: 'CO_BO_TINH', maxCount: 1, maxPercent: null },
      { award: 'BK_BO_TINH', maxCount: null, maxPercent: 50 },
    ],
    version: await version(),
  });
  await openTable(db, officer, tableId, await version());
  const [criterion] = await db.select().from(scoringCriteria).where(eq(scoringCriteria.tableId, tableId));
  const sheetOf = async (unitId: string) =>
    (
      await db
        .select()
        .from(scoringSheets)
        .where(and(eq(scoringSheets.tableId, tableId), eq(scoringSheets.unitId, unitId)))
    )[0];
  const memberSheet = await sheetOf(member.id);
  if (!criterion || !memberSheet) throw new Error('sheet missing');
  await putEntry(db, memberCaller, memberSheet.id, criterion.id, {
    figures: { met: true },
    note: '',
    version: 0,
  });
  for (const [unitId, own] of [
    [head.id, true],
    [member.id, false],
  ] as const)
    for (let step = 0; step < 4; step++) {
      const sheet = await sheetOf(unitId);
      if (!sheet) throw new Error('sheet missing');
      await advanceSheet(db, own || step % 2 ? headCaller : memberCaller, sheet.id, sheet.version);
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

/** Picks an option of the open select by its text. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .click();
}

describe('bloc meeting journey', () => {
  it('the officer records the meeting with the Cờ for the leader, downloads the minutes and creates next year’s bloc', async () => {
    const { page } = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    await signInThroughPage(page, server.baseUrl, 'demo.officer', DEMO_PASSWORD, '/khoi-cum');
    await page.getByRole('link', { name: TABLE }).click();
    await page.getByRole('button', { name: `Xếp hạng ${BLOC}` }).click();
    await page.waitForURL(/\/xep-hang\//);

    // The leader is proposed for the Cờ; two Bằng khen go over the table's quota (one of two collectives).
    await page.getByRole('button', { name: 'Thêm đề nghị' }).click();
    await page.getByRole('button', { name: 'Thêm đề nghị' }).click();
    await choose(page, 'Hình thức đề nghị 2', 'Bằng khen của Bộ, ban, ngành, tỉnh');
    await page.getByRole('button', { name: 'Thêm đề nghị' }).click();
    await choose(page, 'Đơn vị được đề nghị 3', 'Tân Phong');
    await choose(page, 'Hình thức đề nghị 3', 'Bằng khen của Bộ, ban, ngành, tỉnh');
    await page
      .getByText(/vượt hạn mức của bảng tiêu chí: tối đa 1/)
      .first()
      .waitFor();
    await choose(page, 'Khối trưởng năm sau', TAM_DUONG);
    await choose(page, 'Khối phó năm sau', 'Tân Phong');
    await takeScreenshot(page, 'bloc-meeting-record-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await takeScreenshot(page, 'bloc-meeting-record-390');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('button', { name: 'Công bố kết quả xếp hạng' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Công bố kết quả', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'không quá 50% của 2 tập thể' }).waitFor();
    await page.getByRole('button', { name: 'Bỏ đề nghị 3' }).click();

    // Meanwhile another tab saves the table's quotas: the publication is refused as stale, the record stays.
    const { page: other } = await browser.newPage();
    await signInThroughPage(other, server.baseUrl, 'demo.officer', DEMO_PASSWORD, '/khoi-cum');
    await other.getByRole('link', { name: TABLE }).click();
    await other.getByRole('button', { name: 'Hạn mức đề nghị' }).click();
    await other.getByRole('dialog').getByRole('button', { name: 'Lưu', exact: true }).click();
    await other.getByText('Đã lưu hạn mức đề nghị khen thưởng.').waitFor();
    const publish = async () => {
      await page.getByRole('button', { name: 'Công bố kết quả xếp hạng' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Công bố kết quả', exact: true }).click();
    };
    await publish();
    await page.getByText(/Những gì bạn đã nhập vẫn còn/).waitFor();
    expect(await page.getByRole('combobox', { name: 'Hình thức đề nghị 2' }).count()).toBe(1);
    await publish();

    const record = page.locator('.ant-card').filter({ hasText: 'Kết quả họp khối, cụm' });
    await record.getByText(`${TAM_DUONG}: Cờ thi đua của Bộ, ban, ngành, tỉnh`).waitFor();
    await record.getByText(`${TAM_DUONG}: Bằng khen của Bộ, ban, ngành, tỉnh`).waitFor();
    const minutes = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải biên bản họp (Word)' }).click();
    const file = await minutes;
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await readFile((await file.path()) as string);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const proposal = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải tờ trình đề nghị khen thưởng (Word)' }).click();
    expect((await proposal).suggestedFilename()).toMatch(/\.docx$/);

    await page.getByRole('button', { name: 'Tạo khối/cụm năm sau' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText(`Khối trưởng: ${TAM_DUONG}`).waitFor();
    await takeScreenshot(page, 'bloc-meeting-next-bloc-1366');
    await confirm.getByRole('button', { name: `Tạo khối, cụm năm ${YEAR + 1}` }).click();
    await page.getByRole('link', { name: 'xem trong trang Khối, cụm thi đua' }).click();
    await page.waitForURL(/\/to-chuc\/khoi-thi-dua/);
    await page.getByText(BLOC).first().waitFor();
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(YEAR + 1));
    expect(pageErrors).toEqual([]);
  });
});
