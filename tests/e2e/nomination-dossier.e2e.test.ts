import { describe, expect, it } from 'vitest';
import { takeTopScreenshot } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';
import { CANDIDATES_PATH, draftFromCandidates, openRound } from './support/nomination-steps.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

describe('dossier journey', () => {
  it('a commune officer uploads the tờ trình file, sees the checklist turn green, downloads it, and drafts a báo cáo thành tích', async () => {
    const province = await openPage();
    await signIn(province, 'demo.officer', '/khen-thuong/dot');
    await openRound(province, 'Đợt hồ sơ năm 2025');

    const commune = await openPage();
    await signIn(commune, 'demo.officer.tamduong', CANDIDATES_PATH);
    await draftFromCandidates(commune, 'Đợt hồ sơ năm 2025');

    const dossier = commune.locator('.ant-card').filter({ hasText: 'Hồ sơ đề nghị khen thưởng' });
    const shared = dossier
      .getByRole('row')
      .filter({ hasText: 'Chung cho cả tờ trình' })
      .filter({ hasText: 'Tờ trình' })
      .first();
    await shared.getByText('Còn thiếu').waitFor();
    const chooser = commune.waitForEvent('filechooser');
    await shared.getByRole('button', { name: 'Tải lên' }).click();
    await (await chooser).setFiles({
      name: 'to-trinh-xa-tam-duong.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% to trinh\n%%EOF\n'),
    });
    await shared.getByText('Đã có').waitFor();
    await takeTopScreenshot(commune, 'nomination-dossier-1366');

    const download = commune.waitForEvent('download');
    await shared.getByRole('button', { name: 'Tải xuống to-trinh-xa-tam-duong.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('to-trinh-xa-tam-duong.pdf');

    const report = dossier.getByRole('row').filter({ hasText: 'Báo cáo thành tích' }).first();
    await report.getByRole('button', { name: 'Lập dự thảo từ dữ liệu' }).click();
    await report.getByText('Đã có').waitFor();
    await report.getByRole('button', { name: /Tải xuống bao-cao-thanh-tich-.*\.docx/ }).waitFor();

    await commune.getByRole('button', { name: 'Gửi tờ trình' }).click();
    await commune.getByText('Hồ sơ còn thiếu:').waitFor();
    await commune.getByRole('button', { name: 'Gửi', exact: true }).click();
    await commune.getByText('Đã gửi').first().waitFor();
    expect(await dossier.getByRole('button', { name: 'Tải lên' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
