import { describe, expect, it } from 'vitest';
import { takeScreenshot } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';
import { CANDIDATES_PATH, draftFromCandidates, openRound } from './support/nomination-steps.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

describe('appraisal journey', () => {
  it('the province receives a commune’s tờ trình, reads the verdict and reasons, records its opinion and finishes the appraisal', async () => {
    const province = await openPage();
    await signIn(province, 'demo.officer', '/khen-thuong/dot');
    await openRound(province, 'Thẩm định thường xuyên năm 2025');

    const commune = await openPage();
    await signIn(commune, 'demo.officer.tamduong', CANDIDATES_PATH);
    await draftFromCandidates(commune, 'Thẩm định thường xuyên năm 2025');
    const link = commune.url();
    await commune.getByRole('button', { name: 'Gửi tờ trình' }).click();
    await commune.getByRole('button', { name: 'Gửi', exact: true }).click();
    await commune.getByText('Đã gửi').first().waitFor();

    await province.goto(link);
    await province.getByRole('button', { name: 'Tiếp nhận' }).click();
    await province.getByRole('button', { name: 'Tiếp nhận', exact: true }).last().click();
    await province.getByRole('button', { name: 'Thẩm định', exact: true }).click();
    await province.getByRole('heading', { name: /^Thẩm định:/ }).waitFor();
    const row = province.getByRole('row').filter({ hasText: 'Chiến sĩ thi đua cơ sở' }).first();
    await row.getByText('Đủ điều kiện').waitFor();
    await row.getByRole('button', { name: /Expand row|Mở rộng/ }).click();
    await province.getByText('Các điều kiện').waitFor();
    expect(await province.getByText(/Căn cứ: .*Điều/).count()).toBeGreaterThan(0);

    await row.getByRole('radio', { name: 'Đồng ý', exact: true }).check();
    await row.getByLabel(/Ý kiến thẩm định cho/).fill('Hồ sơ đầy đủ, đủ điều kiện.');
    await row.getByRole('button', { name: 'Lưu ý kiến' }).click();
    await province.getByText(/Đã ghi ý kiến thẩm định/).waitFor();
    await takeScreenshot(province, 'nomination-appraisal-1366');
    await province.getByRole('button', { name: 'Hoàn tất thẩm định' }).click();
    await province.getByRole('button', { name: 'Hoàn tất', exact: true }).click();
    await province.getByText('Đã hoàn tất thẩm định; đơn vị trình đã được thông báo.').waitFor();
    await province.getByText('Đã thẩm định').first().waitFor();
    expect(await province.getByRole('button', { name: 'Hoàn tất thẩm định' }).count()).toBe(0);

    await commune.reload();
    await commune.getByText('Đã thẩm định').first().waitFor();
    expect(pageErrors).toEqual([]);
  });
});
