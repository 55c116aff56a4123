import { describe, expect, it } from 'vitest';
import { DEMO_ROUND_TITLE } from '#server/modules/demo/demo-nominations.ts';
import { DEMO_NOTICE_NOMINATION } from '#server/modules/demo/demo-round-notice.ts';
import { takeTopScreenshot, viewports } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

describe('public notice journey', () => {
  it('the province posts a nominee; a visitor without an account comments on the public page; the office answers and publishes', async () => {
    const office = await openPage();
    await signIn(office, 'demo.officer', '/khen-thuong/dot');
    await office.getByRole('link', { name: DEMO_ROUND_TITLE }).click();
    await office.getByRole('link', { name: DEMO_NOTICE_NOMINATION }).click();
    await office.getByRole('button', { name: 'Công khai' }).click();
    const dialog = office.getByRole('dialog');
    await dialog.getByText('Chiến sĩ thi đua toàn quốc (10 ngày làm việc)').waitFor();
    await dialog.getByRole('button', { name: 'Công khai' }).click();
    await office.waitForURL(/\/khen-thuong\/cong-khai\/[0-9a-f-]{36}$/);
    await office.getByText('Đang lấy ý kiến').first().waitFor();
    const publicPath = await office.getByRole('link', { name: 'Xem trang công khai' }).getAttribute('href');
    expect(publicPath).toMatch(/^\/cong-khai\/lay-y-kien\/[0-9a-f-]{36}$/);

    // A visitor on a phone, never signed in, finds the nominee in the list and comments.
    const visitor = await openPage(viewports.phone);
    await visitor.goto(`${journey.baseUrl}/cong-khai/lay-y-kien`);
    await visitor.getByRole('heading', { name: 'Danh sách đề nghị khen thưởng đang lấy ý kiến' }).waitFor();
    await visitor.locator(`a[href="${publicPath}"]`).click();
    await visitor.getByRole('heading', { name: 'Tóm tắt thành tích' }).waitFor();
    await visitor.getByText('Một cửa điện tử tại xã', { exact: false }).waitFor();
    await visitor.getByLabel('Họ và tên (bắt buộc)').fill('Lò Thị Dân');
    await visitor.getByLabel(/Số điện thoại/).fill('0988 111 222');
    await visitor
      .getByLabel('Nội dung ý kiến (bắt buộc)')
      .fill('Đồng chí luôn tận tình hướng dẫn người dân làm thủ tục.');
    // A person takes a moment to read before sending; the form refuses sends faster than a person.
    await visitor.waitForTimeout(2200);
    await visitor.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await visitor.getByText('Ý kiến đã được ghi nhận và sẽ được xem xét trước khi công bố.').waitFor();
    expect(await visitor.getByText('Đồng chí luôn tận tình hướng dẫn').count()).toBe(0);
    await takeTopScreenshot(visitor, 'public-notice-comment-390');

    // The office answers and publishes; the visitor sees the comment and the answer, not the phone number.
    await office.reload();
    const row = office.getByRole('row').filter({ hasText: 'Lò Thị Dân' });
    await row.getByText('Chưa trả lời').waitFor();
    await row.getByRole('button', { name: 'Trả lời' }).click();
    await office.getByLabel('Nội dung trả lời').fill('Cảm ơn bà đã góp ý; ý kiến được báo cáo Hội đồng.');
    await office.getByRole('button', { name: 'Lưu câu trả lời' }).click();
    await row.getByText('Cảm ơn bà đã góp ý; ý kiến được báo cáo Hội đồng.').waitFor();
    await row.getByRole('button', { name: 'Công bố' }).click();
    await row.getByText('Đã công bố').waitFor();
    await takeTopScreenshot(office, 'public-notice-office-1366');

    await visitor.goto(`${journey.baseUrl}${publicPath}`);
    await visitor.getByText('Đồng chí luôn tận tình hướng dẫn người dân làm thủ tục.').waitFor();
    await visitor.getByText('Cảm ơn bà đã góp ý; ý kiến được báo cáo Hội đồng.').waitFor();
    expect(await visitor.getByText('0988 111 222').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
