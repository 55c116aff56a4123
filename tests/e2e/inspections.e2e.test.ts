import { describe, expect, it } from 'vitest';
import { takeTopScreenshot, unitOption } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;
const year = new Date().getFullYear();

describe('inspection journey', () => {
  it('the provincial officer plans an inspection (removing what was added by mistake), the team records findings and a remedy, the notice is issued with its number; the commune reports the remedy', async () => {
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

    // A content item added by mistake is removed after confirmation.
    await officer.getByRole('button', { name: 'Thêm nội dung' }).click();
    const extra = officer.getByRole('dialog');
    await extra.getByLabel('Nội dung kiểm tra').fill('Nội dung nhập nhầm');
    await extra.getByRole('button', { name: 'Thêm' }).click();
    await officer.getByRole('cell', { name: 'Nội dung nhập nhầm', exact: true }).waitFor();
    await officer.getByRole('button', { name: 'Bỏ nội dung: Nội dung nhập nhầm' }).click();
    await officer.getByRole('dialog').getByRole('button', { name: 'Bỏ', exact: true }).click();
    await officer
      .getByRole('cell', { name: 'Nội dung nhập nhầm', exact: true })
      .waitFor({ state: 'detached' });

    // The team: the council's standing member (the demo.council.btdkt account) leads it.
    await officer.getByRole('button', { name: 'Thêm thành viên' }).click();
    const team = officer.getByRole('dialog');
    await team.getByLabel('Thành viên Hội đồng').click();
    await officer
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Ủy viên thường trực' })
      .click();
    await team.getByLabel('Vai trò trong đoàn').click();
    await officer
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Trưởng đoàn' })
      .click();
    await team.getByRole('button', { name: 'Thêm' }).click();
    await officer.getByRole('cell', { name: 'Trưởng đoàn', exact: true }).waitFor();

    const addTarget = async (search: string, unitName: string) => {
      await officer.getByRole('button', { name: 'Thêm đơn vị' }).click();
      const target = officer.getByRole('dialog');
      await target.getByLabel('Đơn vị').fill(search);
      await unitOption(officer, unitName).click();
      await target.getByLabel('Ngày kiểm tra').fill(`15/10/${year}`);
      await target.getByLabel('Ngày kiểm tra').press('Enter');
      await target.getByRole('button', { name: 'Thêm' }).click();
      await officer.getByRole('link', { name: unitName }).waitFor();
    };
    await addTarget('Tam Đường', 'Ủy ban nhân dân xã Tam Đường');
    await addTarget('Lê Quý Đôn', 'Trường THPT Chuyên Lê Quý Đôn');
    await officer.getByRole('button', { name: 'Bỏ đơn vị: Trường THPT Chuyên Lê Quý Đôn' }).click();
    await officer.getByRole('dialog').getByRole('button', { name: 'Bỏ', exact: true }).click();
    await officer.getByRole('link', { name: 'Trường THPT Chuyên Lê Quý Đôn' }).waitFor({ state: 'detached' });

    // Moving the plan's start past a target's day is refused, naming the target.
    await officer.getByRole('button', { name: 'Sửa kế hoạch' }).click();
    const edit = officer.getByRole('dialog');
    await edit.getByLabel('Từ ngày').fill(`20/10/${year}`);
    await edit.getByLabel('Từ ngày').press('Enter');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await officer.getByText(`Ủy ban nhân dân xã Tam Đường (15/10/${year})`).waitFor();
    await edit.getByRole('button', { name: 'Hủy' }).click();
    // The officer moves the target's day first, then the plan's start.
    await officer.getByRole('button', { name: 'Đổi ngày kiểm tra: Ủy ban nhân dân xã Tam Đường' }).click();
    const day = officer.getByRole('dialog');
    await day.getByLabel('Ngày kiểm tra').fill(`25/10/${year}`);
    await day.getByLabel('Ngày kiểm tra').press('Enter');
    await day.getByRole('button', { name: 'Lưu' }).click();
    await officer.getByRole('cell', { name: `25/10/${year}`, exact: true }).waitFor();
    await officer.getByRole('button', { name: 'Sửa kế hoạch' }).click();
    const again = officer.getByRole('dialog');
    await again.getByLabel('Từ ngày').fill(`20/10/${year}`);
    await again.getByLabel('Từ ngày').press('Enter');
    await again.getByRole('button', { name: 'Lưu' }).click();
    await officer.getByText(`20/10/${year} – 30/11/${year}`, { exact: true }).waitFor();

    await officer.getByRole('button', { name: 'Phê duyệt kế hoạch' }).click();
    await officer.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await officer.getByText('Đã phê duyệt', { exact: true }).first().waitFor();
    await takeTopScreenshot(officer, 'inspection-plan-1366');

    await officer.getByRole('link', { name: 'Ủy ban nhân dân xã Tam Đường' }).click();
    await officer.waitForURL(/\/kiem-tra\/doi-tuong\/[0-9a-f-]{36}$/);
    const targetUrl = new URL(officer.url()).pathname;

    // The team's lead records the finding and the remedy.
    const lead = await openPage();
    await signIn(lead, 'demo.council.btdkt', targetUrl);
    await lead.getByRole('button', { name: 'Ghi kết quả' }).click();
    const finding = lead.getByRole('dialog');
    await finding
      .getByLabel('Kết quả kiểm tra')
      .fill('Cán bộ đeo thẻ đầy đủ; còn hút thuốc trong phòng làm việc.');
    await finding.getByLabel('Điểm (tối đa 10)').fill('8');
    await finding.getByRole('button', { name: 'Lưu kết quả' }).click();
    await lead.getByText('8/10').waitFor();
    await lead.getByRole('button', { name: 'Thêm yêu cầu khắc phục' }).click();
    const remedy = lead.getByRole('dialog');
    await remedy.getByLabel('Nội dung cần khắc phục').fill('Treo biển cấm hút thuốc tại các phòng làm việc.');
    await remedy.getByLabel('Hạn khắc phục').fill(`31/12/${year}`);
    await remedy.getByLabel('Hạn khắc phục').press('Enter');
    await remedy.getByRole('button', { name: 'Thêm yêu cầu' }).click();
    await lead.getByText('Treo biển cấm hút thuốc tại các phòng làm việc.').waitFor();

    // The officer writes the conclusion and issues the notice with the register's next number.
    await officer.reload();
    await officer.getByRole('button', { name: 'Sửa kết luận, kiến nghị' }).click();
    const conclusion = officer.getByRole('dialog');
    await conclusion
      .getByLabel('Kết luận')
      .fill('Đơn vị thực hiện tốt quy tắc ứng xử; còn tồn tại cần khắc phục.');
    await conclusion.getByRole('button', { name: 'Lưu' }).click();
    await officer
      .locator('#root')
      .getByText('Đơn vị thực hiện tốt quy tắc ứng xử; còn tồn tại cần khắc phục.')
      .waitFor();
    await officer.getByRole('button', { name: 'Ban hành thông báo kết luận' }).click();
    await officer.getByRole('dialog').getByRole('button', { name: 'Ban hành', exact: true }).click();
    await officer.getByText(/^Số \d+\/TB-HĐTĐKT ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
    await officer.getByRole('button', { name: 'Sửa kết luận, kiến nghị' }).waitFor({ state: 'detached' });
    const download = officer.waitForEvent('download');
    await officer.getByRole('button', { name: 'Tải thông báo kết luận (DOCX)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^thong-bao-ket-luan-kiem-tra-so-\d+-\d{4}\.docx$/);

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
    await commune.getByRole('table').getByText('Đã khắc phục', { exact: true }).waitFor();
    await takeTopScreenshot(commune, 'inspection-follow-up-1366');

    await officer.goto(`${journey.baseUrl}${planUrl}`);
    await officer.getByRole('cell', { name: '0 / 1' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
