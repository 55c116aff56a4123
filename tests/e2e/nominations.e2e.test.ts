import { describe, expect, it } from 'vitest';
import { takeTopScreenshot } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';
import { CANDIDATES_PATH, draftFromCandidates, openRound } from './support/nomination-steps.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

describe('tờ trình journey', () => {
  it('province opens a round; commune builds a tờ trình from candidates and submits; province returns it; commune resubmits', async () => {
    const province = await openPage();
    await signIn(province, 'demo.officer', '/khen-thuong/dot');
    await openRound(province, 'Khen thưởng thường xuyên năm 2025');
    // The round lists its lower units with their deadline and whether they have sent.
    await province.getByText('Đơn vị cấp dưới: hạn gửi và tình trạng').waitFor();
    await province.getByText('Chưa gửi').first().waitFor();

    const commune = await openPage();
    await signIn(commune, 'demo.officer.tamduong', CANDIDATES_PATH);
    await draftFromCandidates(commune, 'Khen thưởng thường xuyên năm 2025');
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
