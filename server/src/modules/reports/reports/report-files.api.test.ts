import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { notifications, reportFiles } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import {
  auditOf,
  buildReportingProvince,
  dayFromToday,
  multipart,
  provinceRequest,
  requester,
} from '../test-support.ts';
import { createReportReminders } from '../todo/report-reminders.ts';

let t: TestApp;
let http: ReturnType<typeof requester>;
beforeAll(async () => {
  t = await getTestApp();
  http = requester(t);
});

const BAO_CAO = [
  'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG',
  'Số: 12/BC-UBND',
  'BÁO CÁO',
  'Kết quả thực hiện phong trào năm 2024',
  'I. KẾT QUẢ TRIỂN KHAI',
  '1. Huyện đã ban hành kế hoạch số 5/KH-UBND.',
  'II. TỒN TẠI, HẠN CHẾ',
  '1. Một số xã triển khai chậm.',
  'III. ĐỀ XUẤT, KIẾN NGHỊ',
  '1. Đề nghị tỉnh bổ sung kinh phí.',
].join('\n');

async function districtReport() {
  const p = await buildReportingProvince(t);
  const { request } = await provinceRequest(t, p, 2);
  const reportId = (await http.get(`/api/report-requests/${request.id}`, p.districtOfficer.headers)).json()
    .myReportId as string;
  return { ...p, request, reportId, url: `/api/reports/${reportId}` };
}

describe('report files', () => {
  it('reads an uploaded báo cáo into the sections, refuses a file that is not a document, attaches files', async () => {
    const s = await districtReport();
    const upload = multipart('bao-cao.txt', BAO_CAO);
    const imported = await t.app.inject({
      method: 'POST',
      url: `${s.url}/import?version=1`,
      headers: { ...s.districtOfficer.headers, 'content-type': upload.contentType },
      payload: upload.payload,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().texts).toMatchObject({
      'ket-qua': expect.stringContaining('5/KH-UBND'),
      'ton-tai': expect.stringContaining('triển khai chậm'),
      'de-xuat': expect.stringContaining('kinh phí'),
    });
    expect(await auditOf(t, 'report.import', s.reportId)).toMatchObject([
      { actorId: s.districtOfficer.user.id, after: { fileName: 'bao-cao.txt' } },
    ]);
    const image = multipart('anh.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    const refused = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: `${s.url}/import?version=2`,
        headers: { ...s.districtOfficer.headers, 'content-type': image.contentType },
        payload: image.payload,
      }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('DOCUMENT_INVALID');

    const proof = multipart('minh-chung.pdf', '%PDF-1.4 minh chứng');
    const attached = await t.app.inject({
      method: 'POST',
      url: `${s.url}/files?version=2`,
      headers: { ...s.districtOfficer.headers, 'content-type': proof.contentType },
      payload: proof.payload,
    });
    expect(attached.json().files).toMatchObject([{ fileName: 'minh-chung.pdf' }]);
    expect(await auditOf(t, 'report.attach', s.reportId)).toMatchObject([
      { after: { fileName: 'minh-chung.pdf' } },
    ]);
    expect(
      await t.handle.db.select().from(reportFiles).where(eq(reportFiles.reportId, s.reportId)),
    ).toHaveLength(1);
    const foreign = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: `${s.url}/files?version=3`,
        headers: { ...s.districtBOfficer.headers, 'content-type': proof.contentType },
        payload: proof.payload,
      }),
    );
    expect(foreign.statusCode).toBe(404);
  });

  it('lists the report to send and the report to accept as to-dos, and reminds once per kind', async () => {
    const s = await districtReport();
    const todo = async (headers: Record<string, string>) =>
      ((await http.get('/api/todo', headers)).json().items as { kind: string; link: string }[]).filter(
        (item) => item.kind.startsWith('report_'),
      );
    expect(await todo(s.districtOfficer.headers)).toContainEqual(
      expect.objectContaining({ kind: 'report_due', link: `/bao-cao/${s.reportId}` }),
    );
    await http.move(`${s.url}/approve`, s.districtHead.headers);
    await http.move(`${s.url}/submit`, s.districtOfficer.headers);
    expect(await todo(s.provinceOfficer.headers)).toContainEqual(
      expect.objectContaining({ kind: 'report_review', link: `/bao-cao/${s.reportId}` }),
    );

    const first = await createReportReminders(t.handle.db, dayFromToday(0));
    expect(first.reminders).toBeGreaterThanOrEqual(2);
    const before = await t.handle.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, s.districtBOfficer.user.id));
    expect(before).toMatchObject([{ kind: 'reminder.report', title: 'Sắp đến hạn gửi báo cáo' }]);
    const again = await createReportReminders(t.handle.db, dayFromToday(0));
    expect(again.reminders).toBe(0);
    await createReportReminders(t.handle.db, dayFromToday(3));
    const after = await t.handle.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, s.districtBOfficer.user.id));
    expect(after.map((row) => row.title).sort()).toEqual(['Quá hạn gửi báo cáo', 'Sắp đến hạn gửi báo cáo']);
    const sent = await t.handle.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, s.districtOfficer.user.id));
    expect(sent.filter((row) => row.title === 'Quá hạn gửi báo cáo')).toHaveLength(0);
  });
});
