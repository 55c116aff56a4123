import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { awardName } from '#contracts/awards.ts';
import { auditEvents, decisionRecipients } from '#server/platform/db/schema.ts';
import { buildPerson } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { decisionSetting, sender, tag } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const HEADERS = [
  'Họ và tên',
  'Ngày sinh',
  'Chức vụ',
  'Đơn vị',
  'Danh hiệu, hình thức',
  'Năm thành tích',
  'Thành tích',
  'Hộ gia đình',
];

function upload(content: Buffer) {
  const boundary = `----tdkt${tag()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ds.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function xlsxOf(rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function emptyDraft(headers: Record<string, string>, unitId: string) {
  const created = await sender(t)(
    'POST',
    '/api/decisions',
    { ...headers, 'idempotency-key': `k-${tag()}` },
    {
      unitId,
      decisionDate: '2025-12-15',
      title: 'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh',
      authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
      decider: 'Chủ tịch UBND tỉnh',
      signerName: 'Nguyễn Văn A',
      signerTitle: 'CHỦ TỊCH',
    },
  );
  expect(created.statusCode, created.body).toBe(201);
  return created.json() as { id: string; version: number };
}

const importFile = (headers: Record<string, string>, id: string, version: number, file: Buffer) => {
  const { payload, contentType } = upload(file);
  return t.app.inject({
    method: 'POST',
    url: `/api/decisions/${id}/recipients/import?version=${version}`,
    headers: { ...headers, 'content-type': contentType, 'idempotency-key': `i-${tag()}` },
    payload,
  });
};

describe('GET /api/decisions/:id/recipient-template and POST /api/decisions/:id/recipients/import', () => {
  it('gives the template, then adds people (by name and birth date) and a collective from the file, audited', async () => {
    const { province, commune, person, officer } = await decisionSetting(t);
    const draft = await emptyDraft(officer.headers, province.id);
    const template = await t.app.inject({
      url: `/api/decisions/${draft.id}/recipient-template`,
      headers: officer.headers,
    });
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Danh sách',
      'Đơn vị',
      'Danh hiệu',
      'Hướng dẫn',
    ]);
    const headerRow = (workbook.getWorksheet('Danh sách')?.getRow(1).values ?? []) as unknown[];
    expect(headerRow.slice(1)).toEqual(HEADERS);
    const unitCodes = workbook.getWorksheet('Đơn vị')?.getColumn(1).values ?? [];
    expect(unitCodes).toContain(commune.code);

    const file = await xlsxOf([
      [
        person.fullName.normalize('NFD').replace(/\p{M}/gu, ''),
        '',
        '',
        commune.code,
        awardName('BK_BO_TINH').toLowerCase(),
        '',
        'Hoàn thành xuất sắc',
      ],
      ['', '', '', commune.name, 'BK_BO_TINH', '2025', ''],
    ]);
    const imported = await importFile(officer.headers, draft.id, draft.version, file);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ imported: 2 });
    const rows = await t.handle.db
      .select()
      .from(decisionRecipients)
      .where(eq(decisionRecipients.decisionId, draft.id))
      .orderBy(decisionRecipients.position);
    expect(rows.map((row) => [row.personId, row.unitId, row.awardCode, row.year])).toEqual([
      [person.id, null, 'BK_BO_TINH', 2025],
      [null, commune.id, 'BK_BO_TINH', 2025],
    ]);
    const [event] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'decision.recipients_add'), eq(auditEvents.entityId, draft.id)));
    expect(event?.after).toMatchObject({ added: 2, source: 'xlsx' });
  });

  it('refuses a file with problems (422 with a row/column table in Vietnamese) and adds nothing', async () => {
    const { province, commune, other, person, officer } = await decisionSetting(t);
    const outsider = await buildPerson(t.handle.db, { unitId: other.id, fullName: `Người Ngoài ${tag()}` });
    const draft = await emptyDraft(officer.headers, province.id);
    const file = await xlsxOf([
      [person.fullName, '', '', commune.code, 'BK_BO_TINH', '', ''],
      ['Không Có Ai', '', '', commune.code, 'BK_BO_TINH', '', ''],
      [outsider.fullName, '', '', other.code, 'BK_BO_TINH', '', ''],
      [person.fullName, '31/02/1990', '', commune.code, 'Huy chương không có', '', ''],
      [person.fullName, '', '', commune.code, 'BK_BO_TINH', '', ''],
      [person.fullName, '', '', commune.code, 'HCLD_HANG_BA', '', ''],
    ]);
    const refused = await expectNothingStored(t.handle, () =>
      importFile(officer.headers, draft.id, draft.version, file),
    );
    expect(refused.statusCode).toBe(422);
    const body = refused.json();
    expect(body.code).toBe('IMPORT_INVALID');
    expect(body.message).toContain('chưa thêm dòng nào');
    const at = (row: number) => body.errors.filter((error: { row: number }) => error.row === row);
    expect(at(3)[0]).toMatchObject({
      column: 'Họ và tên',
      message: expect.stringContaining('Không có cán bộ'),
    });
    expect(at(4)[0]).toMatchObject({ column: 'Đơn vị', message: expect.stringContaining('ngoài phạm vi') });
    expect(at(5).map((error: { column: string }) => error.column)).toEqual([
      'Ngày sinh',
      'Danh hiệu, hình thức',
    ]);
    expect(at(6)[0]).toMatchObject({ message: expect.stringContaining('Trùng với dòng 2') });
    expect(at(7)[0]).toMatchObject({
      column: 'Danh hiệu, hình thức',
      message: expect.stringContaining('thẩm quyền'),
    });

    const noHeader = await expectNothingStored(t.handle, () =>
      importFile(
        officer.headers,
        draft.id,
        draft.version,
        Buffer.from('%PDF-1.4 not a sheet\u0000\u0000\u0000\u0000\u0000\u0000'),
      ),
    );
    expect(noHeader.statusCode).toBe(422);
  });

  it('refuses another province (403) and an issued decision (409)', async () => {
    const { province, commune, person, officer, stranger } = await decisionSetting(t);
    const draft = await emptyDraft(officer.headers, province.id);
    const file = await xlsxOf([[person.fullName, '', '', commune.code, 'BK_BO_TINH', '', '']]);
    const outside = await expectNothingStored(t.handle, () =>
      importFile(stranger.headers, draft.id, draft.version, file),
    );
    expect(outside.statusCode).toBe(403);
    const imported = await importFile(officer.headers, draft.id, draft.version, file);
    expect(imported.statusCode).toBe(200);
    const issued = await sender(t)('POST', `/api/decisions/${draft.id}/issue`, officer.headers, {
      version: 2,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const late = await expectNothingStored(t.handle, () => importFile(officer.headers, draft.id, 3, file));
    expect(late.statusCode).toBe(409);
  });
});
