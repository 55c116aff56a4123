import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable, openTable } from '#server/modules/bloc-scoring/index.ts';
import { demoCaller } from '#server/modules/demo/demo-callers.ts';
import { openPglite } from '#server/platform/db/client.ts';
import {
  blocMembers,
  blocs,
  councils,
  reportRequests,
  reports,
  reportTemplates,
  scoringTables,
  units,
} from '#server/platform/db/schema.ts';
import { type AppServer, DEMO_PASSWORD, startAppServer } from './support/app-server.ts';
import { launchBrowser, signInThroughPage, type TestBrowser, takeTopScreenshot } from './support/browser.ts';

const YEAR = new Date().getFullYear();
const TABLE = `Bảng tiêu chí số liệu báo cáo năm ${YEAR}`;
const indicators = [{ code: 'THU_NS', label: 'Thu ngân sách trên địa bàn', unit: 'tỷ đồng' }];

/** A bloc of this year with Tam Đường, an opened table with one quantitative criterion, and Tam Đường's accepted yearly report (THU_NS 125). */
async function seed(dataDir: string) {
  const handle = await openPglite(dataDir);
  const db = handle.db;
  const code = async (value: string) => (await db.select().from(units).where(eq(units.code, value)))[0];
  const member = await code('LCI.X.TDG');
  const province = await code('LCI');
  if (!member || !province) throw new Error('demo units missing');
  const [council] = await db.select().from(councils).where(eq(councils.unitId, province.id));
  if (!council) throw new Error('demo council missing');
  const [bloc] = await db
    .insert(blocs)
    .values({
      councilId: council.id,
      year: YEAR,
      name: 'Cụm số liệu',
      kind: 'area',
      supervisorMemberId: null,
    })
    .returning();
  if (!bloc) throw new Error('bloc not created');
  await db.insert(blocMembers).values([{ blocId: bloc.id, unitId: member.id, position: 1, role: 'head' }]);
  const officer = await demoCaller(db, 'demo.officer');
  if (!officer) throw new Error('officer missing');
  const rule = { pointsPerItem: null, penaltyPerItem: null, minPoints: null, evidenceRequired: false };
  const tableId = await createTable(db, officer, {
    councilId: council.id,
    blocId: bloc.id,
    year: YEAR,
    name: TABLE,
    tieBreak: [{ kind: 'vote' }],
    leadingCount: 1,
    criteria: [
      { code: '1.1', parentCode: null, title: 'Thu ngân sách', kind: 'quantitative', maxPoints: 40, ...rule },
    ],
  });
  const [table] = await db.select().from(scoringTables).where(eq(scoringTables.id, tableId));
  await openTable(db, officer, tableId, table?.version as number);
  await db
    .insert(reportTemplates)
    .values({ ownerUnitId: province.id, name: 'Báo cáo năm', sections: [], indicators });
  const [request] = await db
    .insert(reportRequests)
    .values({
      unitId: province.id,
      kind: 'general_yearly',
      title: `Báo cáo tổng kết năm ${YEAR}`,
      periodFrom: `${YEAR}-01-01`,
      periodTo: `${YEAR}-12-31`,
      dueOn: `${YEAR}-12-15`,
      sections: [],
      indicators,
      targets: { mode: 'children' },
    })
    .returning();
  await db.insert(reports).values({
    requestId: request?.id as string,
    unitId: member.id,
    status: 'accepted',
    figures: { THU_NS: 125 },
    dueOn: `${YEAR}-12-15`,
  });
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

describe('a criterion drawing its figure from the yearly report', () => {
  it('the officer links the criterion to a report indicator; the member fills it from its report', async () => {
    const officer = await openAs('demo.officer', '/khoi-cum');
    await officer.getByRole('link', { name: TABLE }).click();
    await officer.getByRole('tab', { name: 'Nguồn số liệu' }).click();
    await officer.getByLabel('Chỉ tiêu báo cáo của tiêu chí 1.1').click();
    await officer.getByText('THU_NS — Thu ngân sách trên địa bàn (tỷ đồng)').click();
    await officer.getByRole('button', { name: 'Lưu nguồn số liệu' }).click();
    await officer.getByText('Đã lưu nguồn số liệu của các tiêu chí định lượng.').waitFor();

    const member = await openAs('demo.officer.tamduong', '/khoi-cum');
    await member.getByRole('link', { name: TABLE }).click();
    await member.getByRole('link', { name: 'Ủy ban nhân dân xã Tam Đường' }).click();
    await member.waitForURL(/\/khoi-cum\/bang-diem\/[0-9a-f-]{36}$/);
    await member.getByRole('button', { name: 'Lấy số liệu từ báo cáo năm' }).click();
    const dialog = member.getByRole('dialog');
    await dialog.getByText(`Báo cáo tổng kết năm ${YEAR} (Đã tiếp nhận)`).waitFor();
    await takeTopScreenshot(member, 'bloc-report-figures-1366');
    await dialog.getByRole('button', { name: 'Điền 1 tiêu chí' }).click();
    await member
      .getByText(`Đã điền số liệu từ báo cáo cho tiêu chí 1.1 (Báo cáo tổng kết năm ${YEAR}).`)
      .waitFor();
    await takeTopScreenshot(member, 'bloc-report-figures-filled-1366');
    const sheet = await member.request.get(
      `${server.baseUrl}/api${new URL(member.url()).pathname.replace('/khoi-cum/bang-diem', '/scoring-sheets')}`,
    );
    const row = (await sheet.json()).rows[0];
    expect(row.selfFigures).toEqual({ actual: 125 });
    expect(row.events[0].note).toContain('chỉ tiêu THU_NS');
    expect(pageErrors).toEqual([]);
  });
});
