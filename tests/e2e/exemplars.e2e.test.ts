import { describe, expect, it } from 'vitest';
import { takeTopScreenshot, unitOption } from './support/browser.ts';
import { setUpJourneys } from './support/journey.ts';

const journey = setUpJourneys();
const { openPage, pageErrors, signIn } = journey;
const year = new Date().getFullYear();
const TITLE = `Mô hình “Giao tiếp chuẩn mực với người dân” năm ${year}`;
/** A 1×1 PNG picture. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('exemplar journey', () => {
  it('the provincial officer proposes a model for Sở Nội vụ, confirms it, adds a photo, moves it to "nhân rộng" with a replicating unit, and publishes it', async () => {
    const officer = await openPage();
    await signIn(officer, 'demo.officer', '/dien-hinh');
    // The demo's exemplars are listed, one of them awaiting the province's confirmation.
    await officer.getByRole('link', { name: 'Tận tụy, niềm nở với người bệnh vùng cao' }).waitFor();
    await officer.getByText('Chờ xác nhận').first().waitFor();

    await officer.getByRole('button', { name: 'Đề xuất điển hình' }).click();
    const create = officer.getByRole('dialog');
    await create.getByLabel('Đơn vị đề xuất').fill('Sở Nội vụ');
    await unitOption(officer, 'Sở Nội vụ tỉnh Lai Châu').click();
    await create.getByText('Mô hình', { exact: true }).click();
    await create.getByLabel('Loại điển hình').click();
    await officer
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Mô hình hay' })
      .click();
    await create.getByLabel('Tên điển hình').fill(TITLE);
    await create
      .getByLabel('Tóm tắt thành tích, cách làm')
      .fill('Chào hỏi, hướng dẫn tận tình; trả lời đúng hẹn.');
    await create.getByLabel('Thuộc phong trào thi đua').fill('van hoa cong so');
    await officer
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'tỉnh Lai Châu thi đua thực hiện văn hóa công sở' })
      .first()
      .click();
    await create.getByLabel('Ngày phát hiện').fill(`02/01/${year}`);
    await create.getByLabel('Ngày phát hiện').press('Enter');
    await create.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await officer.waitForURL(/\/dien-hinh\/[0-9a-f-]{36}$/);
    const exemplarUrl = new URL(officer.url()).pathname;
    await officer.getByText('Điển hình đang chờ cấp trên xác nhận', { exact: false }).waitFor();

    await officer.getByRole('button', { name: 'Xác nhận điển hình' }).click();
    await officer.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await officer.getByText('Đã xác nhận', { exact: true }).first().waitFor();

    await officer.locator('input[type="file"]').first().setInputFiles({
      name: 'anh-tieu-bieu.png',
      mimeType: 'image/png',
      buffer: PHOTO,
    });
    await officer.locator('img[alt="anh-tieu-bieu.png"]').waitFor();

    for (const stage of ['Bồi dưỡng', 'Tổng kết', 'Nhân rộng']) {
      await officer.getByRole('button', { name: 'Chuyển giai đoạn tiếp theo' }).click();
      const move = officer.getByRole('dialog');
      await move.getByText(`Chuyển sang giai đoạn “${stage}”`).waitFor();
      await move
        .getByLabel('Ghi chú (việc đã làm, văn bản liên quan)')
        .fill(`Giai đoạn ${stage.toLowerCase()}`);
      await move.getByRole('button', { name: 'Chuyển giai đoạn' }).click();
      await officer.getByText(`Giai đoạn ${stage.toLowerCase()}`, { exact: true }).waitFor();
    }
    await expect
      .poll(() => officer.getByRole('button', { name: 'Chuyển giai đoạn tiếp theo' }).count())
      .toBe(0);

    await officer.getByRole('button', { name: 'Ghi nhận đơn vị nhân rộng' }).click();
    const replication = officer.getByRole('dialog');
    await replication.getByLabel('Đơn vị nhân rộng').fill('Tam Đường');
    await unitOption(officer, 'Ủy ban nhân dân xã Tam Đường').click();
    await replication.getByLabel('Ghi chú').fill('Áp dụng tại bộ phận một cửa.');
    await replication.getByRole('button', { name: 'Ghi nhận' }).click();
    await officer.getByRole('cell', { name: 'Áp dụng tại bộ phận một cửa.' }).waitFor();

    await officer.getByRole('button', { name: 'Công bố lên cổng thông tin' }).click();
    await officer.getByRole('button', { name: 'Công bố', exact: true }).click();
    await officer.getByText(/^Đã công bố \d{2}\/\d{2}\/\d{4}/).waitFor();
    await officer.getByRole('button', { name: 'Gỡ khỏi cổng thông tin' }).waitFor();
    await takeTopScreenshot(officer, 'exemplar-page-1366');

    // The list finds it among the replicated ones by words typed without diacritics.
    await officer.goto(`${journey.baseUrl}/dien-hinh?stage=replicate&published=true`);
    await officer.getByLabel('Tìm điển hình').fill('giao tiep chuan muc');
    await officer.getByLabel('Tìm điển hình').press('Enter');
    await officer.getByRole('link', { name: TITLE }).waitFor();
    await expect.poll(() => officer.locator('tbody tr.ant-table-row').count()).toBe(1);
    await takeTopScreenshot(officer, 'exemplar-list-1366');
    await officer.getByRole('link', { name: TITLE }).click();
    await officer.waitForURL((url) => url.pathname === exemplarUrl);

    // A visitor without an account reads it on the public portal, with its stage.
    const visitor = await openPage();
    await visitor.goto(`${journey.baseUrl}/cong-khai/dien-hinh?q=giao+tiep+chuan+muc`);
    await visitor.getByRole('link', { name: TITLE }).click();
    await visitor.getByRole('heading', { name: TITLE }).waitFor();
    await visitor.getByText('Nhân rộng').first().waitFor();
    expect(pageErrors).toEqual([]);
  });
});
