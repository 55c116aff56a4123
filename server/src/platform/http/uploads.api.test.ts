import { eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, type Client, signInAs } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { movements, persons, planVersions, units } from '../db/schema.ts';

let t: TestApp;
let officer: Client;
const unitCode = `UP${Date.now().toString(36)}`;
let unit: { id: string };
beforeAll(async () => {
  t = await getTestApp();
  unit = await buildUnit(t.handle.db, { name: 'Sở Tải tệp', code: unitCode });
  officer = await signInAs(t, 'tdkt_officer', unit.id);
});

const BOUNDARY = 'tdktTestBoundary';
const part = (name: string, content: Buffer | string, fileName?: string) =>
  Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${fileName ? `; filename="${fileName}"` : ''}\r\n` +
        `Content-Type: ${fileName ? 'application/octet-stream' : 'text/plain'}\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from('\r\n'),
  ]);
const end = Buffer.from(`--${BOUNDARY}--\r\n`);
const multipartType = `multipart/form-data; boundary=${BOUNDARY}`;

const post = (url: string, payload: Buffer | string, contentType = multipartType) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...officer.headers, 'content-type': contentType },
    payload,
  });

const HEADER =
  'Họ và tên,Giới tính,Ngày sinh,Số định danh cá nhân,Đối tượng,Chức vụ,"Lãnh đạo, quản lý",Trực tiếp lao động,Mã đơn vị,Ngày bắt đầu công tác';
const personRow = (name: string, birth = '17/05/1980') =>
  `${name},Nam,${birth},,Công chức,Chuyên viên,Không,Không,${unitCode},`;
const personsNamed = (prefix: string) =>
  t.handle.db
    .select()
    .from(persons)
    .where(like(persons.fullName, `${prefix}%`));

describe('uploads that are not what they claim', () => {
  const csv = part('file', `${HEADER}\r\n${personRow('Tải Lên Một')}\r\n`, 'nguoi.csv');
  const cases: [string, Buffer | string, string, number, RegExp][] = [
    ['no boundary', Buffer.concat([csv, end]), 'multipart/form-data', 400, /bị hỏng hoặc không trọn vẹn/],
    ['a body cut in the middle', csv.subarray(0, 60), multipartType, 400, /bị hỏng hoặc không trọn vẹn/],
    ['no closing boundary', csv, multipartType, 400, /bị hỏng hoặc không trọn vẹn/],
    [
      'a boundary longer than allowed',
      Buffer.concat([csv, end]),
      `multipart/form-data; boundary=${'b'.repeat(300)}`,
      400,
      /bị hỏng/,
    ],
    ['a field but no file', Buffer.concat([part('note', 'x'), end]), multipartType, 400, /Chưa chọn tệp/],
    ['two files', Buffer.concat([csv, part('file', 'x', 'b.csv'), end]), multipartType, 413, /một tệp/],
    ['JSON instead of a file', '{"file":"x"}', 'application/json', 415, /Yêu cầu không kèm tệp/],
    ['an unknown content type', 'x', 'application/x-unknown', 415, /không được hỗ trợ/],
  ];

  it.each(cases)(
    'answers %s on the people import with a Vietnamese 4xx and stores nothing',
    async (_label, payload, type, status, message) => {
      const response = await post('/api/persons/import', payload, type);
      expect(response.statusCode).toBe(status);
      expect(response.json().message).toMatch(message);
      expect(await personsNamed('Tải Lên')).toEqual([]);
    },
  );

  it.each(cases)(
    'answers %s on the plan import with a Vietnamese 4xx and stores nothing',
    async (_label, payload, type, status) => {
      const before = await t.handle.db.select().from(movements).where(eq(movements.launchingUnitId, unit.id));
      const response = await post(`/api/movements/import?launchingUnitId=${unit.id}`, payload, type);
      expect(response.statusCode).toBe(status);
      expect(response.json().message).not.toMatch(/\b(multipart|boundary|error|unexpected)\b/i);
      const after = await t.handle.db.select().from(movements).where(eq(movements.launchingUnitId, unit.id));
      expect(after).toHaveLength(before.length);
    },
  );
});

describe('imported text that must never be stored', () => {
  it('refuses control characters in a CSV cell with the row and column, importing nothing', async () => {
    const file = `${HEADER}\r\n${personRow('Tải Lên Hai')}\r\n${personRow('Tải\u0000Lên Ba')}\r\n${personRow('Tải Lên \u001b[31mBốn')}\r\n`;
    const response = await post('/api/persons/import', Buffer.concat([part('file', file, 'nguoi.csv'), end]));
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { row: 3, column: 'Họ và tên', message: 'Không được chứa ký tự điều khiển (ô bị lỗi mã hóa).' },
      { row: 4, column: 'Họ và tên', message: 'Không được chứa ký tự điều khiển (ô bị lỗi mã hóa).' },
    ]);
    expect(await personsNamed('Tải')).toEqual([]);
  });

  it('refuses dates that are not on the calendar, typed or stored as spreadsheet dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Dữ liệu');
    sheet.addRow(
      HEADER.replace('"Lãnh đạo, quản lý"', 'Lãnh đạo; quản lý')
        .split(',')
        .map((h) => h.replace(';', ',')),
    );
    const row = (name: string, birth: unknown) => [
      name,
      'Nữ',
      birth,
      '',
      'Viên chức',
      '',
      'Không',
      'Không',
      unitCode,
      '',
    ];
    sheet.addRow(row('Tải Lên Năm', '30/02/1990'));
    sheet.addRow(row('Tải Lên Sáu', '29/02/2025'));
    sheet.addRow(row('Tải Lên Bảy', new Date(Date.UTC(1850, 0, 1))));
    sheet.addRow(row('Tải Lên Tám', '29/02/2024'));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await post(
      '/api/persons/import',
      Buffer.concat([part('file', xlsx, 'nguoi.xlsx'), end]),
    );
    expect(response.statusCode).toBe(422);
    expect(
      response.json().errors.map((error: { row: number; column: string }) => `${error.row}:${error.column}`),
    ).toEqual(['2:Ngày sinh', '3:Ngày sinh', '4:Ngày sinh']);
    expect(await personsNamed('Tải')).toEqual([]);
  });

  it('refuses a unit whose validity ends before it starts, or with a control character in its parent code', async () => {
    const header =
      'Mã đơn vị,Tên đơn vị,Tên viết tắt,Loại đơn vị,Mã đơn vị cấp trên,Tập thể lãnh đạo (ký TM.),Hiệu lực từ ngày,Hiệu lực đến ngày';
    const code = `IMP${Date.now().toString(36)}`;
    const file = `${header}\r\n${code}A,Sở A,,Khác,,Không,01/05/2026,30/04/2026\r\n${code}B,Sở B,,Khác,X\u0000,Không,,\r\n`;
    const response = await post('/api/units/import', Buffer.concat([part('file', file, 'donvi.csv'), end]));
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      {
        row: 2,
        column: 'Mã đơn vị cấp trên',
        message: 'Chỉ quản trị hệ thống tạo được đơn vị cấp cao nhất; vui lòng ghi mã đơn vị cấp trên.',
      },
      {
        row: 2,
        column: 'Hiệu lực đến ngày',
        message: 'Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực.',
      },
      {
        row: 3,
        column: 'Mã đơn vị cấp trên',
        message: 'Không được chứa ký tự điều khiển (ô bị lỗi mã hóa).',
      },
    ]);
    expect(
      await t.handle.db
        .select()
        .from(units)
        .where(like(units.code, `${code}%`)),
    ).toEqual([]);
  });

  it('imports a Word plan holding NUL, escapes and references outside Unicode as clean text', async () => {
    const zip = new JSZip();
    const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
    zip.file(
      'word/document.xml',
      `<w:document><w:body>${paragraph('KẾ HOẠCH')}${paragraph('Tổ chức phong trào thi đua &#0;&#x1b;năm 2024 &#x110000;&#xD800;&#99999999999;')}${paragraph('I. MỤC ĐÍCH')}${paragraph('1. Động viên cán bộ\u0007 thi đua')}</w:body></w:document>`,
    );
    const docx = await zip.generateAsync({ type: 'nodebuffer' });
    const response = await post(
      `/api/movements/import?launchingUnitId=${unit.id}&confirmWarnings=true`,
      Buffer.concat([part('file', docx, 'kh.docx'), end]),
    );
    expect(response.statusCode).toBe(201);
    const [version] = await t.handle.db
      .select()
      .from(planVersions)
      .where(eq(planVersions.movementId, response.json().id));
    const stored = JSON.stringify(version?.content) + JSON.stringify(response.json().sourceText);
    expect(stored).not.toMatch(/\\u00(0[0-8bcef]|1[0-9a-f])|\\ud800/i);
    expect(stored).toContain('Tổ chức phong trào thi đua năm 2024');
  });

  it('answers a damaged Word file with 422 and stores nothing', async () => {
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      `<w:document><w:body><w:p><w:r><w:t>${'KẾ HOẠCH '.repeat(200)}</w:t></w:r></w:p></w:body></w:document>`,
    );
    const docx = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    docx.fill(0x41, 60, 120);
    const before = await t.handle.db.select().from(movements).where(eq(movements.launchingUnitId, unit.id));
    const response = await post(
      `/api/movements/import?launchingUnitId=${unit.id}`,
      Buffer.concat([part('file', docx, 'hong.docx'), end]),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toMatch(/^Không đọc được tệp kế hoạch/);
    const after = await t.handle.db.select().from(movements).where(eq(movements.launchingUnitId, unit.id));
    expect(after).toHaveLength(before.length);
  });
});
