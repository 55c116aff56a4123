import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, employments, persons, units } from '#server/platform/db/schema.ts';
import { buildPerson, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const tag = () => Math.random().toString(36).slice(2, 8).toUpperCase();
const HEADERS =
  'Họ và tên,Giới tính,Ngày sinh,Số định danh cá nhân,Đối tượng,Chức vụ,Lãnh đạo, quản lý,Trực tiếp lao động,Mã đơn vị,Ngày bắt đầu công tác';
const csvHeader = `"Họ và tên","Giới tính","Ngày sinh","Số định danh cá nhân","Đối tượng","Chức vụ","Lãnh đạo, quản lý","Trực tiếp lao động","Mã đơn vị","Ngày bắt đầu công tác"`;

/** A multipart body with one file in the field `file`. */
function upload(filename: string, content: Buffer | string) {
  const boundary = `----tdkt${tag()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function xlsxOf(rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow(
    HEADERS.replace('Lãnh đạo, quản lý', 'Lãnh đạo; quản lý')
      .split(',')
      .map((h) => h.replace(';', ',')),
  );
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readXlsx(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ''))));
  return rows;
}

async function setup() {
  const code = `D${tag()}`;
  const district = await buildUnit(t.handle.db, { name: 'Huyện Sìn Hồ', code });
  const other = await buildUnit(t.handle.db, { name: 'Huyện khác', code: `O${tag()}` });
  const officer = await signInAs(t, 'tdkt_officer', district.id);
  return { district, other, code, officer };
}

const post = (url: string, headers: Record<string, string>, file: ReturnType<typeof upload>) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': file.contentType },
    payload: file.payload,
  });

describe('GET /api/persons/import-template', () => {
  it('gives an XLSX and a CSV template with the Vietnamese headers', async () => {
    const officer = await signInAs(t, 'tdkt_officer');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/persons/import-template?format=xlsx',
      headers: officer.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    expect((await readXlsx(xlsx.rawPayload))[0]).toEqual(
      csvHeader.split('","').map((h) => h.replaceAll('"', '')),
    );
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/persons/import-template?format=csv',
      headers: officer.headers,
    });
    expect(csv.body).toContain('"Lãnh đạo, quản lý"');
  });
});

describe('POST /api/persons/import', () => {
  it('imports a valid CSV in one transaction with one audit event', async () => {
    const { district, code, officer } = await setup();
    const csv = `\uFEFF${csvHeader}\r\nTẩn Thị Mai,Nữ,03/04/1990,,Công chức,Chuyên viên,Không,Không,${code},01/09/2015\r\nGiàng A Páo,Nam,,,Người lao động,,,Có,${code},\r\n"Lò Văn ""Thắng""",nam,1/2/1975,,viên chức,Trưởng phòng,Có,Không,${code},\r\n`;
    const response = await post('/api/persons/import', officer.headers, upload('can-bo.csv', csv));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 3 });
    const stored = await t.handle.db.select().from(persons).where(eq(persons.unitId, district.id));
    expect(stored.map((p) => p.fullName).sort()).toEqual(['Giàng A Páo', 'Lò Văn "Thắng"', 'Tẩn Thị Mai']);
    expect(stored.find((p) => p.fullName === 'Tẩn Thị Mai')).toMatchObject({
      gender: 'female',
      birthDate: '1990-04-03',
      category: 'civil_servant',
    });
    const history = await t.handle.db
      .select()
      .from(employments)
      .where(
        inArray(
          employments.personId,
          stored.map((p) => p.id),
        ),
      );
    expect(history).toHaveLength(3);
    const events = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'person.import'), eq(auditEvents.actorId, officer.user.id)));
    expect(events).toMatchObject([{ after: { imported: 3 } }]);
  });

  it('refuses an XLSX with invalid rows with 422, lists every problem and imports nothing', async () => {
    const { district, other, code, officer } = await setup();
    const file = await xlsxOf([
      ['Hà Văn Đúng', 'Nam', '12/05/1980', '', 'Công chức', '', 'Không', 'Không', code, ''],
      ['Sai Ngày', 'Nam', '31/02/1980', '', 'Công chức', '', '', '', code, ''],
      ['Không Đơn Vị', 'Nữ', '', '', 'Cán bộ', '', '', '', 'KHONG-CO', ''],
      ['Ngoài Phạm Vi', 'Nữ', '', '', 'Cán bộ', '', '', '', other.code, ''],
      ['Hà Văn Đúng', 'Nam', '12/05/1980', '', 'Công chức', '', '', '', code, ''],
      ['X', 'Khác', '', '', 'Học sinh', '', 'Có lẽ', '', code, ''],
    ]);
    const response = await expectNothingStored(t.handle, () =>
      post('/api/persons/import', officer.headers, upload('can-bo.xlsx', file)),
    );
    expect(response.statusCode).toBe(422);
    const errors = response.json().errors as { row: number; column: string }[];
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      '3:Ngày sinh',
      '4:Mã đơn vị',
      '5:Mã đơn vị',
      '6:Họ và tên',
      '7:Họ và tên',
      '7:Giới tính',
      '7:Đối tượng',
      '7:Lãnh đạo, quản lý',
    ]);
    expect(await t.handle.db.select().from(persons).where(eq(persons.unitId, district.id))).toHaveLength(0);
  });

  it('reports a person already in the unit instead of merging', async () => {
    const { district, code, officer } = await setup();
    await buildPerson(t.handle.db, { unitId: district.id, fullName: 'Sùng A Dế', birthDate: '1979-01-01' });
    const csv = `${csvHeader}\nVàng Thị Dung,Nữ,,,Viên chức,,,,${code},\nSùng A Dế,Nam,01/01/1979,,Công chức,,,,${code},\n`;
    const response = await expectNothingStored(t.handle, () =>
      post('/api/persons/import', officer.headers, upload('x.csv', csv)),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toMatchObject([{ row: 3, column: 'Họ và tên' }]);
    expect(await t.handle.db.select().from(persons).where(eq(persons.unitId, district.id))).toHaveLength(1);
  });

  it('refuses a file that is not a spreadsheet with a clear Vietnamese message', async () => {
    const { officer } = await setup();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const response = await expectNothingStored(t.handle, () =>
      post('/api/persons/import', officer.headers, upload('anh.png', png)),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toMatch(/không phải bảng tính/);
    const broken = await expectNothingStored(t.handle, () =>
      post('/api/persons/import', officer.headers, upload('hong.xlsx', Buffer.from('PK\u0003\u0004rac'))),
    );
    expect(broken.statusCode).toBe(422);
  });
});

describe('GET /api/persons/export', () => {
  it('exports the filtered list, without sensitive fields for a unit head', async () => {
    const { district } = await setup();
    await buildPerson(t.handle.db, { unitId: district.id, fullName: 'Lù Văn Xuất', birthDate: '1988-08-08' });
    const admin = await signInAs(t, 'admin');
    const full = await t.app.inject({
      method: 'GET',
      url: `/api/persons/export?unitId=${district.id}`,
      headers: admin.headers,
    });
    expect(full.statusCode).toBe(200);
    expect((await readXlsx(full.rawPayload))[1]?.slice(0, 3)).toEqual(['Lù Văn Xuất', 'Nam', '08/08/1988']);
    const head = await signInAs(t, 'unit_head', district.id);
    const limited = await t.app.inject({
      method: 'GET',
      url: `/api/persons/export?unitId=${district.id}`,
      headers: head.headers,
    });
    expect((await readXlsx(limited.rawPayload))[1]?.[2]).toBe('');
  });
});

describe('POST /api/units/import and GET /api/units/export', () => {
  it('imports units whose parent is an earlier row, then exports them', async () => {
    const { district, code, officer } = await setup();
    const child = `${code}.X`;
    const csv = `Mã đơn vị,Tên đơn vị,Tên viết tắt,Loại đơn vị,Mã đơn vị cấp trên,Tập thể lãnh đạo (ký TM.),Hiệu lực từ ngày,Hiệu lực đến ngày\n${child},Xã Pa Tần,UBND,"Xã, phường, đặc khu",${code},Có,01/07/2025,\n${child}.1,Phòng Văn hóa – Xã hội,,"Phòng, ban chuyên môn (nội bộ)",${child},Không,,\n`;
    const response = await post('/api/units/import', officer.headers, upload('don-vi.csv', csv));
    expect(response.json()).toEqual({ imported: 2 });
    const [stored] = await t.handle.db
      .select()
      .from(units)
      .where(eq(units.code, `${child}.1`));
    expect(stored?.path.startsWith(district.path)).toBe(true);
    const events = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'unit.import'), eq(auditEvents.actorId, officer.user.id)));
    expect(events).toMatchObject([{ entityType: 'unit', after: { imported: 2 } }]);
    const again = await expectNothingStored(t.handle, () =>
      post('/api/units/import', officer.headers, upload('don-vi.csv', csv)),
    );
    expect(again.statusCode).toBe(422);
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/units/export?q=${child}`,
      headers: officer.headers,
    });
    const rows = await readXlsx(exported.rawPayload);
    expect(rows.slice(1).map((row) => row[0])).toEqual([child, `${child}.1`]);
    expect(rows[1]?.[6]).toBe('01/07/2025');
  });
});
