import { describe, expect, it } from 'vitest';
import { takeTopScreenshot, unitOption } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

describe('dossier journey', () => {
  it('a commune officer uploads the tờ trình file, sees the checklist turn green, downloads it, and drafts a báo cáo thành tích', async () => {
    const province = await openPage();
    await signIn(province, 'demo.officer', '/khen-thuong/dot');
    await province.getByRole('button', { name: 'Mở đợt khen thưởng' }).click();
    const roundDialog = province.getByRole('dialog');
    await roundDialog.getByLabel('Tên đợt').fill('Đợt hồ sơ năm 2025');
    await roundDialog.getByRole('button', { name: 'Mở đợt' }).click();
    await province.getByRole('heading', { name: 'Đợt hồ sơ năm 2025' }).waitFor();

    const commune = await openPage();
    await signIn(commune, 'demo.officer.tamduong', '/khen-thuong/de-xuat?award=CSTDCS&year=2025');
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
      .filter({ hasText: 'Đợt hồ sơ năm 2025' })
      .first()
      .click();
    await dialog.getByRole('button', { name: 'Lập tờ trình' }).click();
    await commune.waitForURL(/\/khen-thuong\/to-trinh\//);

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
