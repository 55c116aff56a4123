import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { persons, units } from '#server/platform/db/schema.ts';
import { buildPerson, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const tag = () => Math.random().toString(36).slice(2, 8).toUpperCase();

/** A multipart body with one file in the field `file`. */
function upload(filename: string, content: Buffer) {
  const boundary = `----tdkt${tag()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, 'content-type': `multipart/form-data; boundary=${boundary}` };
}

async function setup() {
  const province = await buildUnit(t.handle.db, { name: `Tỉnh ${tag()}`, code: `P${tag()}` });
  const district = await buildUnit(t.handle.db, {
    parentId: province.id,
    name: 'Ủy ban nhân dân huyện Sìn Hồ',
    code: `${province.code}.H`,
    kind: 'district',
  });
  const closed = await buildUnit(t.handle.db, {
    parentId: district.id,
    name: 'Xã cũ',
    code: `${province.code}.H.CU`,
    validTo: '2025-06-30',
  });
  const outside = await buildUnit(t.handle.db, { name: 'Tỉnh khác', code: `O${tag()}` });
  const officer = await signInAs(t, 'tdkt_officer', district.id);
  return { province, district, closed, outside, officer };
}

async function template(url: string, headers: Record<string, string>) {
  const response = await t.app.inject({ method: 'GET', url, headers });
  expect(response.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

const valuesOf = (sheet: ExcelJS.Worksheet | undefined, row: number) =>
  ((sheet?.getRow(row).values as unknown[]) ?? []).slice(1).map((value) => String(value ?? ''));

describe('import templates', () => {
  it('give the people template an example row, drop-downs and the unit codes of the scope', async () => {
    const { district, closed, outside, officer } = await setup();
    const workbook = await template('/api/persons/import-template', officer.headers);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Dữ liệu',
      'Mã đơn vị',
      'Danh mục',
      'Hướng dẫn',
    ]);
    const data = workbook.getWorksheet('Dữ liệu');
    expect(valuesOf(data, 1)[0]).toBe('Họ và tên');
    const example = valuesOf(data, 2);
    expect(example[0]).toMatch(/dòng ví dụ/);
    expect(example).toEqual(expect.arrayContaining(['Nam', 'Công chức', 'Không', district.code]));
    expect(data?.getCell('A2').font?.italic).toBe(true);
    // Drop-downs: gender, category, yes/no from "Danh mục"; unit code from "Mã đơn vị".
    expect(data?.getCell('B5').dataValidation).toMatchObject({
      type: 'list',
      formulae: ["'Danh mục'!$A$2:$A$3"],
      errorStyle: 'stop',
    });
    expect(data?.getCell('E5').dataValidation?.formulae).toEqual(["'Danh mục'!$B$2:$B$6"]);
    expect(data?.getCell('G5').dataValidation?.formulae).toEqual(["'Danh mục'!$C$2:$C$3"]);
    expect(data?.getCell('I5').dataValidation).toMatchObject({
      type: 'list',
      formulae: ["'Mã đơn vị'!$A$2:$A$2"],
    });
    expect(data?.getCell('A5').dataValidation).toBeUndefined();
    const lists = workbook.getWorksheet('Danh mục');
    expect(valuesOf(lists, 2).slice(0, 3)).toEqual(['Nam', 'Cán bộ', 'Có']);
    const codes = workbook.getWorksheet('Mã đơn vị');
    const listed = Array.from({ length: (codes?.rowCount ?? 1) - 1 }, (_, i) => valuesOf(codes, i + 2)[0]);
    // Only the open units the officer may write to: not the closed commune, not another province.
    expect(listed).toEqual([district.code]);
    expect(listed).not.toContain(closed.code);
    expect(listed).not.toContain(outside.code);
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/persons/import-template?format=csv',
      headers: officer.headers,
    });
    expect(csv.body.split('\r\n')[1]).toContain('dòng ví dụ');
  });

  it('give the units template the unit kind and the parent code as drop-downs', async () => {
    const { district, officer } = await setup();
    const workbook = await template('/api/units/import-template', officer.headers);
    const data = workbook.getWorksheet('Dữ liệu');
    expect(valuesOf(data, 2)).toEqual(
      expect.arrayContaining(['Phòng, ban chuyên môn (nội bộ)', district.code, 'Không']),
    );
    expect(data?.getCell('D3').dataValidation?.formulae).toEqual(["'Danh mục'!$D$2:$D$13"]);
    expect(data?.getCell('E3').dataValidation?.formulae).toEqual(["'Mã đơn vị'!$A$2:$A$2"]);
    expect(data?.getCell('F3').dataValidation?.formulae).toEqual(["'Danh mục'!$C$2:$C$3"]);
  });

  it('imports the filled-in template, skipping the example row left in it', async () => {
    const { district, officer } = await setup();
    const workbook = await template('/api/persons/import-template', officer.headers);
    const data = workbook.getWorksheet('Dữ liệu') as ExcelJS.Worksheet;
    data.addRow([
      'Tẩn Thị Mai',
      'Nữ',
      '03/04/1990',
      '',
      'Viên chức',
      '',
      'Không',
      'Không',
      district.code,
      '',
    ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const body = upload('mau.xlsx', file);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/persons/import',
      headers: { ...officer.headers, 'content-type': body['content-type'] },
      payload: body.payload,
    });
    expect(response.json()).toEqual({ imported: 1 });
  });
});

describe('import errors in one pass', () => {
  it('reports a wrong, closed or foreign unit code together with the other errors of the file', async () => {
    const { district, closed, outside, officer } = await setup();
    const workbook = await template('/api/persons/import-template', officer.headers);
    const data = workbook.getWorksheet('Dữ liệu') as ExcelJS.Worksheet;
    data.addRow(['Sai Cả Hai', 'Khác', '', '', 'Công chức', '', '', '', 'KHONG-CO', '']);
    data.addRow(['Đơn Vị Cũ', 'Nam', '', '', 'Công chức', '', '', '', closed.code, '']);
    data.addRow(['Tỉnh Khác', 'Nam', '31/02/1980', '', 'Công chức', '', '', '', outside.code, '']);
    data.addRow(['Đúng Hết', 'Nam', '', '', 'Công chức', '', '', '', district.code, '']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const body = upload('mau.xlsx', file);
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/persons/import',
        headers: { ...officer.headers, 'content-type': body['content-type'] },
        payload: body.payload,
      }),
    );
    expect(response.statusCode).toBe(422);
    const errors = response.json().errors as { row: number; column: string; message: string }[];
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      '3:Giới tính',
      '3:Mã đơn vị',
      '4:Mã đơn vị',
      '5:Ngày sinh',
      '5:Mã đơn vị',
    ]);
    expect(errors[1]?.message).toMatch(/Không có đơn vị mã "KHONG-CO"/);
    expect(errors[2]?.message).toMatch(/đã kết thúc hoạt động từ 30\/06\/2025/);
    expect(errors[4]?.message).toMatch(/ngoài phạm vi/);
    expect(await t.handle.db.select().from(persons).where(eq(persons.fullName, 'Đúng Hết'))).toEqual([]);
  });

  it('reports a person already stored together with the other errors of the file', async () => {
    const { district, officer } = await setup();
    await buildPerson(t.handle.db, { unitId: district.id, fullName: 'Sùng A Dế', birthDate: '1979-01-01' });
    const workbook = await template('/api/persons/import-template', officer.headers);
    const data = workbook.getWorksheet('Dữ liệu') as ExcelJS.Worksheet;
    data.addRow(['Giới Tính Sai', 'Khác', '', '', 'Công chức', '', '', '', district.code, '']);
    data.addRow(['Sùng A Dế', 'Nam', '01/01/1979', '', 'Công chức', '', '', '', district.code, '']);
    const body = upload('mau.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/persons/import',
        headers: { ...officer.headers, 'content-type': body['content-type'] },
        payload: body.payload,
      }),
    );
    expect(response.statusCode).toBe(422);
    const errors = response.json().errors as { row: number; column: string; message: string }[];
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:Giới tính', '4:Họ và tên']);
    expect(errors[1]?.message).toMatch(/Đã có cán bộ cùng họ tên, ngày sinh/);
    expect(await t.handle.db.select().from(persons).where(eq(persons.unitId, district.id))).toHaveLength(1);
  });

  it('reports a unit row with a bad kind and an unknown parent code at once', async () => {
    const { district, officer } = await setup();
    const workbook = await template('/api/units/import-template', officer.headers);
    const data = workbook.getWorksheet('Dữ liệu') as ExcelJS.Worksheet;
    const code = `${district.code}.${tag()}`;
    data.addRow([code, 'Phòng Nội vụ', '', 'Loại lạ', 'KHONG-CO', '', '', '']);
    data.addRow([district.code, 'Trùng mã', '', 'Khác', district.code, 'Có lẽ', '', '']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const body = upload('mau.xlsx', file);
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/units/import',
        headers: { ...officer.headers, 'content-type': body['content-type'] },
        payload: body.payload,
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(
      (response.json().errors as { row: number; column: string }[]).map((e) => `${e.row}:${e.column}`),
    ).toEqual(['3:Loại đơn vị', '3:Mã đơn vị cấp trên', '4:Mã đơn vị', '4:Tập thể lãnh đạo (ký TM.)']);
    expect(await t.handle.db.select().from(units).where(eq(units.code, code))).toEqual([]);
  });
});
