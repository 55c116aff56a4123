import { eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveNominees } from '#server/modules/nominations/index.ts';
import { personSortKey } from '#server/modules/organisation/index.ts';
import { createUser } from '#server/modules/users/index.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import { openPglite } from '#server/platform/db/client.ts';
import { councilMembers, councils, nominees, persons, units } from '#server/platform/db/schema.ts';
import { type AppServer, DEMO_PASSWORD, startAppServer } from './support/app-server.ts';
import { launchBrowser, signInThroughPage, type TestBrowser, takeTopScreenshot } from './support/browser.ts';

/**
 * The council of the demo's Sở Nội vụ (three members with accounts: chair, secretary, member) and a
 * tờ trình received by it with two nominees brought to "appraised" — written into the stopped
 * server's data folder, as the appraisal part would leave them.
 */
async function seedCouncil(dataDir: string) {
  const handle = await openPglite(dataDir);
  const db = handle.db;
  const actor = systemActor('e2e');
  const [department] = await db.select().from(units).where(eq(units.code, 'LCI.SNV'));
  if (!department) throw new Error('demo unit LCI.SNV missing');
  const [council] = await db
    .insert(councils)
    .values({ unitId: department.id, name: 'Hội đồng Thi đua – Khen thưởng Sở Nội vụ' })
    .returning();
  for (const [username, fullName, role] of [
    ['demo.chair', 'Vàng A Chủ', 'chair'],
    ['demo.secretary', 'Lò Thị Thư', 'secretary'],
    ['demo.member', 'Tòng Văn Viên', 'member'],
  ] as const) {
    const user = await createUser(
      db,
      {
        username,
        fullName,
        password: DEMO_PASSWORD,
        role: 'council_member',
        unitId: department.id,
        email: null,
      },
      actor,
    );
    const [person] = await db
      .insert(persons)
      .values({
        fullName,
        gender: 'male',
        category: 'civil_servant',
        unitId: department.id,
        userId: user.id,
        sortKey: personSortKey(fullName),
      })
      .returning();
    await db.insert(councilMembers).values({
      councilId: council?.id as string,
      personId: person?.id as string,
      role,
      termFrom: '2021-06-01',
    });
  }
  const staff = await db
    .select({ id: persons.id })
    .from(persons)
    .where(sql`${persons.unitId} = ${department.id} and ${persons.userId} is null`)
    .limit(2);
  const round = (await db.execute(sql`insert into award_rounds (kind, title, year, receiving_unit_id)
    values ('tong_ket', 'Tổng kết năm 2025 của Sở', 2025, ${department.id}) returning id`)) as unknown as {
    rows: { id: string }[];
  };
  const nomination =
    (await db.execute(sql`insert into nominations (round_id, proposing_unit_id, title, decider_tier, status)
    values (${round.rows[0]?.id}, ${department.id}, 'Tờ trình khen thưởng tổng kết 2025', 'receiving_level', 'received') returning id`)) as unknown as {
      rows: { id: string }[];
    };
  const created = await db
    .insert(nominees)
    .values(
      staff.map((person, index) => ({
        nominationId: nomination.rows[0]?.id as string,
        subject: 'individual',
        personId: person.id,
        awardCode: 'BK_BO_TINH',
        rewardType: 'thuong_xuyen',
        periodFrom: 2024,
        periodTo: 2025,
        position: index,
        status: 'received',
      })),
    )
    .returning({ id: nominees.id });
  await db.transaction((tx) =>
    moveNominees(tx, actor, {
      nomineeIds: created.map((row) => row.id),
      from: ['received'],
      to: 'appraised',
      action: 'nominee.appraise',
      refusal: 'not received',
    }),
  );
  await handle.close();
}

let server: AppServer;
let browser: TestBrowser;
const pageErrors: string[] = [];

beforeAll(async () => {
  // The council and nominees are added to a copy of the demo before the server opens it.
  server = await startAppServer(seedCouncil);
  browser = await launchBrowser();
}, 180_000);
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

async function vote(page: Page, choices: string[]) {
  await page.getByRole('heading', { name: 'Phiếu bầu của tôi' }).waitFor();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await rows.nth(choices.length - 1).waitFor();
  for (const [index, choice] of choices.entries())
    await rows.nth(index).getByLabel(choice, { exact: true }).check();
  await takeTopScreenshot(page, 'council-ballot-1366');
  await page.getByRole('button', { name: `Gửi phiếu (${choices.length})` }).click();
  await page.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
  await page
    .getByText('Đã bỏ phiếu')
    .nth(choices.length - 1)
    .waitFor();
}

describe('council vote journey', () => {
  it('the officer opens a session, two members vote in their own ballots, the chair closes, the minutes download', async () => {
    const officer = await openAs('demo.officer', '/khen-thuong/phien-hop');
    await officer.getByRole('button', { name: 'Lập phiên họp' }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByLabel('Hội đồng').click();
    await officer.locator('.ant-select-item-option').filter({ hasText: 'Sở Nội vụ' }).first().click();
    await dialog.getByLabel('Tên phiên họp').fill('Phiên họp xét khen thưởng tổng kết 2025');
    await dialog.getByLabel('Ngày họp').fill('10/12/2025');
    await dialog.getByLabel('Ngày họp').press('Enter');
    await dialog.getByLabel('Địa điểm').fill('Phòng họp Sở Nội vụ');
    for (const [label, name] of [
      ['Chủ tọa', 'Vàng A Chủ'],
      ['Thư ký', 'Lò Thị Thư'],
    ] as const) {
      // The previous list must be gone first: while it fades out it still shows the same names.
      await expect.poll(() => officer.locator('.ant-select-dropdown:visible').count()).toBe(0);
      await dialog.getByLabel(label).click();
      await officer
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: name })
        .last()
        .click();
    }
    await dialog.getByRole('button', { name: 'Lập phiên họp' }).click();
    await officer.waitForURL(/\/khen-thuong\/phien-hop\/[0-9a-f-]{36}$/);
    const sessionUrl = new URL(officer.url()).pathname;

    await officer.getByRole('button', { name: 'Đưa đối tượng ra phiên họp' }).click();
    const picker = officer.getByRole('dialog');
    await picker.locator('.ant-table-tbody tr.ant-table-row').nth(1).waitFor();
    await picker.locator('thead .ant-checkbox-input').check();
    await picker.getByRole('button', { name: 'Đưa 2 đối tượng ra phiên họp' }).click();
    await officer.getByText('Chương trình phiên họp (2 đối tượng)').waitFor();
    await officer.getByLabel('Điểm danh Tòng Văn Viên').click();
    await officer
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: /^Vắng$/ })
      .click();
    await officer.getByText('có mặt 2').waitFor();

    const chair = await openAs('demo.chair', `${sessionUrl}/phieu-bau`);
    await vote(chair, ['Đồng ý', 'Đồng ý']);
    const secretary = await openAs('demo.secretary', '/');
    await secretary.getByText('Bỏ phiếu kín: Phiên họp xét khen thưởng tổng kết 2025').waitFor();
    await secretary.goto(`${server.baseUrl}${sessionUrl}/phieu-bau`);
    await vote(secretary, ['Đồng ý', 'Không đồng ý']);

    await officer.reload();
    await officer.getByText('Xong (2)').first().waitFor();
    expect(await officer.getByText('Xong (2)').count()).toBe(2);
    await takeTopScreenshot(officer, 'council-session-votes-1366');

    await chair.goto(`${server.baseUrl}${sessionUrl}`);
    await chair.getByRole('button', { name: 'Kết thúc phiên họp' }).click();
    await chair.getByRole('button', { name: 'Kết thúc và kiểm phiếu' }).click();
    await chair.getByText('Đã kết thúc', { exact: true }).first().waitFor();
    await chair.getByText('Không đạt', { exact: true }).waitFor();
    expect(await chair.getByText('Đạt', { exact: true }).count()).toBe(1);
    await takeTopScreenshot(chair, 'council-session-closed-1366');

    const download = chair.waitForEvent('download');
    await chair.getByRole('button', { name: 'Tải biên bản (Word)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^bien-ban-hop-hoi-dong-2025-12-10\.docx$/);
    expect(pageErrors).toEqual([]);
  });
});
