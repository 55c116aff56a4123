import { describe, expect, it } from 'vitest';
import { takeTopScreenshot, unitOption } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;
const year = new Date().getFullYear();

describe('inspection journey', () => {
  it('the provincial officer plans an inspection with a target, records a finding and a remedy, downloads the notice; the commune reports the remedy', async () => {
    const officer = await openPage();
    await signIn(officer, 'demo.officer', '/kiem-tra');
    // The demo's 2024 inspection is listed with its outstanding remedy.
    await officer.getByRole('link', { name: 'Kiểm tra công tác thi đua, khen thưởng năm 2024' }).waitFor();
    await officer.getByRole('button', { name: 'Lập kế hoạch kiểm tra' }).click();
    const create = officer.getByRole('dialog');
    await create.getByLabel('Hội đồng').click();
    await officer.locator('.ant-select-item-option').filter({ hasText: 'tỉnh Lai Châu' }).first().click();
    await create.getByLabel('Năm').fill(String(year));
    await create.getByLabel('Tên kế hoạch').fill(`Kiểm tra chuyên đề văn hóa công sở năm ${year}`);
    for (const [label, date] of [
      ['Từ ngày', `01/09/${year}`],
      ['Đến ngày', `30/11/${year}`],
    ] as const) {
      await create.getByLabel(label).fill(date);
      await create.getByLabel(label).press('Enter');
    }
    await create.getByRole('button', { name: 'Lập kế hoạch' }).click();
    await officer.waitForURL(/\/kiem-tra\/[0-9a-f-]{36}$/);
    const planUrl = new URL(officer.url()).pathname;

    await officer.getByRole('button', { name: 'Thêm nội dung' }).click();
    const item = officer.getByRole('dialog');
    await item.getByLabel('Nội dung kiểm tra').fill('Thực hiện quy tắc ứng xử nơi công sở');
    await item.getByLabel('Cách đánh giá').click();
    await officer
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Chấm điểm' })
      .click();
    await item.getByLabel('Điểm tối đa').fill('10');
    await item.getByRole('button', { name: 'Thêm' }).click();
    await officer.getByText('Chấm điểm (tối đa 10)').waitFor();

    await officer.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const target = officer.getByRole('dialog');
    await target.getByLabel('Đơn vị').fill('Tam Đường');
    await unitOption(officer, 'Ủy ban nhân dân xã Tam Đường').click();
    await target.getByLabel('Ngày kiểm tra').fill(`15/10/${year}`);
    await target.getByLabel('Ngày kiểm tra').press('Enter');
    await target.getByRole('button', { name: 'Thêm' }).click();
    await officer.getByRole('link', { name: 'Ủy ban nhân dân xã Tam Đường' }).waitFor();

    await officer.getByRole('button', { name: 'Phê duyệt kế hoạch' }).click();
    await officer.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await officer.getByText('Đã phê duyệt', { exact: true }).first().waitFor();
    await takeTopScreenshot(officer, 'inspection-plan-1366');

    await officer.getByRole('link', { name: 'Ủy ban nhân dân xã Tam Đường' }).click();
    await officer.waitForURL(/\/kiem-tra\/doi-tuong\/[0-9a-f-]{36}$/);
    const targetUrl = new URL(officer.url()).pathname;
    await officer.getByRole('button', { name: 'Ghi kết quả' }).click();
    const finding = officer.getByRole('dialog');
    await finding
      .getByLabel('Kết quả kiểm tra')
      .fill('Cán bộ đeo thẻ đầy đủ; còn hút thuốc trong phòng làm việc.');
    await finding.getByLabel('Điểm (tối đa 10)').fill('8');
    await finding.getByRole('button', { name: 'Lưu kết quả' }).click();
    await officer.getByText('8/10').waitFor();
    await officer.getByRole('button', { name: 'Thêm yêu cầu khắc phục' }).click();
    const remedy = officer.getByRole('dialog');
    await remedy.getByLabel('Nội dung cần khắc phục').fill('Treo biển cấm hút thuốc tại các phòng làm việc.');
    await remedy.getByLabel('Hạn khắc phục').fill(`31/12/${year}`);
    await remedy.getByLabel('Hạn khắc phục').press('Enter');
    await remedy.getByRole('button', { name: 'Thêm yêu cầu' }).click();
    await officer.getByText('Treo biển cấm hút thuốc tại các phòng làm việc.').waitFor();
    const download = officer.waitForEvent('download');
    await officer.getByRole('button', { name: 'Tải thông báo kết luận (DOCX)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      new RegExp(`^thong-bao-ket-luan-kiem-tra-${year}-[0-9a-f]{8}\\.docx$`),
    );

    // The commune's officer sees the remedy and reports it done.
    const commune = await openPage();
    await signIn(commune, 'demo.officer.tamduong', targetUrl);
    await commune.getByText('Chưa báo cáo').waitFor();
    await commune.getByRole('button', { name: 'Báo cáo khắc phục' }).click();
    const report = commune.getByRole('dialog');
    await report.getByLabel('Tình trạng').click();
    await commune
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Đã khắc phục' })
      .click();
    await report.getByLabel('Kết quả thực hiện').fill('Đã treo biển cấm hút thuốc tại 12 phòng làm việc.');
    await report.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await commune.getByText('Đã treo biển cấm hút thuốc tại 12 phòng làm việc.').waitFor();
    await commune.getByText('Đã khắc phục', { exact: true }).waitFor();
    await takeTopScreenshot(commune, 'inspection-follow-up-1366');

    await officer.goto(`${journey.baseUrl}${planUrl}`);
    await officer.getByRole('cell', { name: '0 / 1' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
