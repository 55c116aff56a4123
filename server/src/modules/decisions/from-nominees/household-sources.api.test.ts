import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { awardsReceived, decisionRecipients, nominees } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { decisionSetting, sender, tag } from '../test-support.ts';
import { decisionFields, receivedScene } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

type Headers = Record<string, string>;

async function importRows(headers: Headers, id: string, version: number, rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['Họ và tên', 'Đơn vị', 'Danh hiệu, hình thức', 'Năm thành tích', 'Hộ gia đình']);
  for (const row of rows) sheet.addRow(row);
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  const boundary = `----tdkt${tag()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ds.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/decisions/${id}/recipients/import?version=${version}`,
    headers: {
      ...headers,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'idempotency-key': `i-${tag()}`,
    },
    payload,
  });
}

describe('household recipients from a tờ trình and from the recipients file', () => {
  it('puts a household nominee on a decision in the unit that proposed it; issuing writes its record', async () => {
    const name = `Hộ ông Lò Văn ${tag()}`;
    const scene = await receivedScene(t, [
      {
        subject: 'household',
        householdName: name,
        awardCode: 'BK_BO_TINH',
        rewardType: 'thuong_xuyen',
        periodFrom: 2024,
        periodTo: 2025,
        achievements: 'Đi đầu hiến đất làm đường giao thông nông thôn.',
      },
    ]);
    const url = `/api/decisions/nominee-candidates?unitId=${scene.province.id}&decisionDate=2025-12-15`;
    const candidates = await t.app.inject({ url, headers: scene.provinceOfficer.headers });
    expect(candidates.json().items).toEqual([expect.objectContaining({ name, context: scene.commune.name })]);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/decisions/from-nominees',
      headers: { ...scene.provinceOfficer.headers, 'idempotency-key': `n-${tag()}` },
      payload: { ...decisionFields(scene.province.id), nomineeIds: scene.nomineeIds },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const [recipient] = await t.handle.db
      .select()
      .from(decisionRecipients)
      .where(eq(decisionRecipients.decisionId, id));
    expect(recipient).toMatchObject({
      householdName: name,
      householdUnitId: scene.commune.id,
      nomineeId: scene.nomineeIds[0],
    });
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/decisions/${id}/issue`,
      headers: scene.provinceOfficer.headers,
      payload: { version: created.json().version },
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const [record] = await t.handle.db
      .select()
      .from(awardsReceived)
      .where(eq(awardsReceived.householdName, name));
    expect(record).toMatchObject({ householdUnitId: scene.commune.id, decisionNumber: issued.json().number });
    const [nominee] = await t.handle.db
      .select()
      .from(nominees)
      .where(eq(nominees.id, scene.nomineeIds[0] ?? ''));
    expect(nominee?.status).toBe('decided');
  });

  it('imports a household row (the unit it lives in, its name); refuses a row with both a name and a household', async () => {
    const { province, commune, officer } = await decisionSetting(t);
    const created = await sender(t)(
      'POST',
      '/api/decisions',
      { ...officer.headers, 'idempotency-key': `k-${tag()}` },
      { ...decisionFields(province.id) },
    );
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json() as { id: string; version: number };
    const name = `Hộ bà Lò Thị ${tag()}, bản Sìn Hồ`;
    const both = await expectNothingStored(t.handle, () =>
      importRows(officer.headers, id, version, [['Lò Thị Mai', commune.code, 'BK_BO_TINH', 2025, name]]),
    );
    expect(both.statusCode).toBe(422);
    expect(both.body).toContain('Hộ gia đình');
    const imported = await importRows(officer.headers, id, version, [
      ['', commune.code, 'BK_BO_TINH', 2025, name],
    ]);
    expect(imported.statusCode, imported.body).toBe(200);
    const [recipient] = await t.handle.db
      .select()
      .from(decisionRecipients)
      .where(eq(decisionRecipients.decisionId, id));
    expect(recipient).toMatchObject({ householdName: name, householdUnitId: commune.id, unitId: null });
  });
});
