import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { takeTopScreenshot, unitOption } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

/** Calls the API from a signed-in page (its session cookie and CSRF token), as the web app does. */
async function apiFrom(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const reply = await fetch(path, {
        method,
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': session.csrfToken,
          'idempotency-key': crypto.randomUUID(),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: reply.status, json: (await reply.json()) as unknown };
    },
    { method, path, body },
  );
}

type Session = { user: { grants: { unitId: string }[] } };
/** The reply's JSON as the test reads it. */
const as = <T>(reply: { json: unknown }) => reply.json as T;

describe('decision from a tờ trình', () => {
  it('the province officer builds a decision from a received tờ trình, issues it, downloads it and its certificates; the person page shows the award', async () => {
    const province = await openPage();
    await signIn(province, 'demo.officer', '/khen-thuong/quyet-dinh');
    const commune = await openPage();
    await signIn(commune, 'demo.officer.tamduong', '/');

    // Setting the scene through the API: a round of the province, a commune tờ trình of one person, received.
    const provinceSession = await apiFrom(province, 'GET', '/api/auth/session');
    const provinceId = as<Session>(provinceSession).user.grants[0]?.unitId as string;
    const communeSession = await apiFrom(commune, 'GET', '/api/auth/session');
    const communeId = as<Session>(communeSession).user.grants[0]?.unitId as string;
    const round = await apiFrom(province, 'POST', '/api/award-rounds', {
      kind: 'tong_ket',
      title: 'Tổng kết phong trào năm 2025',
      year: 2025,
      receivingUnitId: provinceId,
    });
    expect(round.status, JSON.stringify(round.json)).toBe(201);
    const people = await apiFrom(commune, 'GET', `/api/persons?unitId=${communeId}&limit=1`);
    const person = as<{ items: { id: string; fullName: string }[] }>(people).items[0] as {
      id: string;
      fullName: string;
    };
    const nomination = await apiFrom(commune, 'POST', '/api/nominations', {
      roundId: as<{ id: string }>(round).id,
      proposingUnitId: communeId,
      title: 'Tờ trình đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm 2025',
      nominees: [
        {
          subject: 'individual',
          personId: person.id,
          awardCode: 'BK_BO_TINH',
          rewardType: 'thuong_xuyen',
          periodFrom: 2024,
          periodTo: 2025,
          achievements: 'Hoàn thành xuất sắc nhiệm vụ hai năm liên tục.',
        },
      ],
    });
    expect(nomination.status, JSON.stringify(nomination.json)).toBe(201);
    const nominationId = as<{ id: string }>(nomination).id;
    expect(
      (await apiFrom(commune, 'POST', `/api/nominations/${nominationId}/submit`, { version: 1 })).status,
    ).toBe(200);
    expect(
      (await apiFrom(province, 'POST', `/api/nominations/${nominationId}/receive`, { version: 2 })).status,
    ).toBe(200);

    // The province officer builds the decision in the UI.
    await province.reload();
    await province.getByRole('heading', { name: 'Quyết định khen thưởng' }).waitFor();
    await province.getByRole('button', { name: 'Lập quyết định từ tờ trình' }).click();
    const dialog = province.getByRole('dialog');
    const unit = dialog.getByLabel('Đơn vị ban hành');
    await unit.click();
    await unit.fill('ủy ban nhân dân tỉnh lai châu');
    await unitOption(province, 'Ủy ban nhân dân tỉnh Lai Châu').click();
    const date = dialog.getByLabel('Ngày ký');
    await date.click();
    await date.fill('15/12/2025');
    await date.press('Enter');
    await dialog.getByLabel('Trích yếu').fill('Về việc tặng Bằng khen của Chủ tịch UBND tỉnh');
    await dialog.getByLabel('Thẩm quyền ban hành').fill('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU');
    await dialog.getByLabel(/Người quyết định/).fill('Chủ tịch UBND tỉnh Lai Châu');
    await dialog.getByLabel('Họ tên người ký').fill('Lê Văn Lương');
    // The person may be on the demo round's tờ trình too: the row of this tờ trình.
    const row = dialog
      .getByRole('row')
      .filter({ hasText: person.fullName })
      .filter({ hasText: 'Tờ trình đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm 2025' });
    await row.waitFor();
    await row.getByRole('checkbox').check();
    await takeTopScreenshot(province, 'decision-from-nominees-picker-1366');
    await dialog.getByRole('button', { name: /Lập dự thảo \(1 đối tượng\)/ }).click();
    await province.waitForURL(/\/khen-thuong\/quyet-dinh\/[0-9a-f-]{36}$/);
    await province
      .getByRole('link', { name: 'Tờ trình đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm 2025' })
      .waitFor();

    await province.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await province.locator('.ant-popconfirm').getByRole('button', { name: 'Ban hành' }).click();
    const heading = province.getByRole('heading', { name: /Quyết định số / });
    await heading.waitFor();
    const number = ((await heading.textContent()) ?? '').replace('Quyết định số ', '').trim();
    expect(number).toMatch(/^\d+\/QĐ-/);
    await takeTopScreenshot(province, 'decision-from-nominees-issued-1366');

    const docx = province.waitForEvent('download');
    await province.getByRole('button', { name: 'Tải quyết định (Word)' }).click();
    expect((await docx).suggestedFilename()).toMatch(/\.docx$/);
    const certificates = province.waitForEvent('download', { timeout: 120_000 });
    await province.getByRole('button', { name: 'In bằng khen, giấy khen (PDF)' }).click();
    expect((await certificates).suggestedFilename()).toMatch(/\.pdf$/);

    const tờTrình = await apiFrom(province, 'GET', `/api/nominations/${nominationId}`);
    expect(as<{ status: string }>(tờTrình).status).toBe('decided');

    await province.goto(`${journey.baseUrl}/to-chuc/can-bo/${person.id}`);
    await province.getByText(`QĐ ${number}`).first().waitFor();
    expect(pageErrors).toEqual([]);
  });
});
