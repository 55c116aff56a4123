import { describe, expect, it } from 'vitest';
import { takeTopScreenshot, unitOption } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

describe('tờ trình journey', () => {
  it('province opens a round; commune builds a tờ trình from candidates and submits; province returns it; commune resubmits', async () => {
    const province = await openPage();
    await signIn(province, 'demo.officer', '/khen-thuong/dot');
    await province.getByRole('heading', { name: 'Đợt khen thưởng' }).waitFor();
    await province.getByRole('button', { name: 'Mở đợt khen thưởng' }).click();
    const roundDialog = province.getByRole('dialog');
    await roundDialog.getByLabel('Tên đợt').fill('Khen thưởng thường xuyên năm 2025');
    await roundDialog.getByRole('button', { name: 'Mở đợt' }).click();
    await province.getByRole('heading', { name: 'Khen thưởng thường xuyên năm 2025' }).waitFor();

    const commune = await openPage();
    await signIn(commune, 'demo.officer.tamduong', '/khen-thuong/de-xuat?award=CSTDCS&year=2025');
    await commune.getByRole('heading', { name: 'Đề xuất khen thưởng' }).waitFor();
    const unit = commune.locator('#candidate-unit');
    await unit.click();
    await unit.fill('tam duong');
    await unitOption(commune, 'Ủy ban nhân dân xã Tam Đường').click();
    const eligible = commune.getByRole('row').filter({ hasText: 'Đủ điều kiện' }).first();
    await eligible.waitFor();
    await eligible.getByRole('checkbox').check();
    await commune.getByRole('button', { name: /Lập tờ trình/ }).click();
    const dialog = commune.getByRole('dialog');
    await dialog.getByLabel('Đợt khen thưởng').click();
    await commune
      .locator('.ant-select-item-option')
      .filter({ hasText: 'Khen thưởng thường xuyên năm 2025' })
      .first()
      .click();
    await dialog.getByRole('button', { name: 'Lập tờ trình' }).click();
    await commune.waitForURL(/\/khen-thuong\/to-trinh\//);
    await commune.getByText('Đang soạn').first().waitFor();
    const link = commune.url();
    await commune.getByRole('button', { name: 'Gửi tờ trình' }).click();
    await commune.getByRole('button', { name: 'Gửi', exact: true }).click();
    await commune.getByText('Đã gửi').first().waitFor();

    await province.goto(link);
    await province.getByRole('button', { name: 'Trả lại' }).click();
    await province.getByLabel('Lý do trả lại').fill('Bổ sung biên bản bình xét của xã.');
    await province.getByRole('dialog').getByRole('button', { name: 'Trả lại' }).click();
    await province.getByText('Lý do trả lại: Bổ sung biên bản bình xét của xã.').waitFor();
    await takeTopScreenshot(province, 'nomination-returned-1366');

    await commune.reload();
    await commune.getByText('Lý do trả lại: Bổ sung biên bản bình xét của xã.').waitFor();
    await commune.getByRole('button', { name: 'Gửi tờ trình' }).click();
    await commune.getByRole('button', { name: 'Gửi', exact: true }).click();
    await commune.getByText('Đã gửi').first().waitFor();
    expect(await commune.getByText('Lý do trả lại').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
