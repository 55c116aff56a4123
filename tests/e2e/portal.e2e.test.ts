import { describe, expect, it } from 'vitest';
import { takeScreenshot, takeTopScreenshot, viewports } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;

describe('public portal journey', () => {
  it('a visitor without an account reads an exemplar and a decision on a phone and comments on a posted nominee; the officer withdraws and publishes the decision again', async () => {
    const visitor = await openPage(viewports.phone);
    await visitor.goto(`${journey.baseUrl}/cong-khai`);
    await visitor.getByRole('heading', { name: 'Công khai thi đua, khen thưởng' }).waitFor();
    expect(await visitor.locator('script').count()).toBe(0);
    await takeTopScreenshot(visitor, 'portal-home-390');

    // An exemplar of the office-culture movement, replicated by two units.
    await visitor.getByRole('link', { name: 'Tận tụy, niềm nở với người bệnh vùng cao' }).click();
    await visitor.getByRole('heading', { name: 'Tận tụy, niềm nở với người bệnh vùng cao' }).waitFor();
    await visitor.getByText('Nhân rộng', { exact: true }).waitFor();
    await visitor
      .getByText('Cán bộ, công chức, viên chức tỉnh Lai Châu thi đua thực hiện văn hóa công sở')
      .waitFor();

    // The province's decision with its list: name, position, unit and award.
    await visitor.getByRole('link', { name: 'Quyết định khen thưởng', exact: true }).click();
    await visitor.getByRole('heading', { name: 'Quyết định khen thưởng', level: 1 }).waitFor();
    await visitor
      .getByRole('link', { name: /^Quyết định số / })
      .first()
      .click();
    await visitor.getByRole('heading', { name: 'Danh sách được khen thưởng' }).waitFor();
    await visitor.locator('td strong').first().waitFor();
    await visitor
      .locator('td[data-label="Hình thức"]', { hasText: 'Bằng khen của bộ, ban, ngành, tỉnh' })
      .first()
      .waitFor();
    const decisionPath = new URL(visitor.url()).pathname;
    expect(decisionPath).toMatch(/^\/cong-khai\/quyet-dinh\/[0-9a-f-]{36}$/);
    await takeTopScreenshot(visitor, 'portal-decision-390');

    // A nominee posted for comment, from the home page's section.
    await visitor.getByRole('link', { name: 'Cổng công khai thi đua, khen thưởng' }).click();
    await visitor.locator('a[href^="/cong-khai/lay-y-kien/"]').first().click();
    await visitor.getByRole('heading', { name: 'Tóm tắt thành tích' }).waitFor();
    await visitor.getByLabel('Họ và tên (bắt buộc)').fill('Giàng A Páo');
    await visitor
      .getByLabel('Nội dung ý kiến (bắt buộc)')
      .fill('Tôi đồng ý với đề nghị khen thưởng; đồng chí rất tận tình với bà con bản.');
    // A person takes a moment to read before sending; the form refuses sends faster than a person.
    await visitor.waitForTimeout(2200);
    await visitor.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await visitor.getByText('Ý kiến đã được ghi nhận và sẽ được xem xét trước khi công bố.').waitFor();
    await takeTopScreenshot(visitor, 'portal-comment-390');

    // The officer withdraws the decision from the portal, and publishes it again.
    const office = await openPage();
    const decisionId = decisionPath.split('/').pop() ?? '';
    await signIn(office, 'demo.officer', `/khen-thuong/quyet-dinh/${decisionId}`);
    await office.getByText(/^Đã công bố \d{2}\/\d{2}\/\d{4}/).waitFor();
    await office.getByRole('button', { name: 'Thôi công bố' }).click();
    await office.getByRole('tooltip').getByRole('button', { name: 'Thôi công bố' }).click();
    await office.getByRole('button', { name: 'Công bố trên cổng công khai' }).waitFor();
    await visitor.goto(`${journey.baseUrl}${decisionPath}`);
    await visitor.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
    await office.getByRole('button', { name: 'Công bố trên cổng công khai' }).click();
    await office.getByRole('tooltip').getByRole('button', { name: 'Công bố', exact: true }).click();
    await office.getByText(/^Đã công bố \d{2}\/\d{2}\/\d{4}/).waitFor();
    await takeScreenshot(office, 'portal-decision-office-1366');
    await visitor.goto(`${journey.baseUrl}${decisionPath}`);
    await visitor.getByRole('heading', { name: 'Danh sách được khen thưởng' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
