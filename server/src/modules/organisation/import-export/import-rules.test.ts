import { describe, expect, it } from 'vitest';
import {
  mapHeaders,
  parseDate,
  parseYesNo,
  personColumns,
  plain,
  validatePersonRow,
  validateUnitRow,
} from './import-rules.ts';

const row = (values: Record<string, unknown>) => (header: string) => values[header];
const valid = {
  'Họ và tên': '  Giàng   A Páo ',
  'Giới tính': 'nam',
  'Ngày sinh': '05/3/1990',
  'Đối tượng': 'Công chức',
  'Lãnh đạo, quản lý': 'Có',
  'Mã đơn vị': 'LCI.SNV',
};

describe('validatePersonRow', () => {
  it('accepts a valid row, tidying spaces and reading labels without diacritics or case', () => {
    expect(validatePersonRow(row(valid))).toEqual({
      fullName: 'Giàng A Páo',
      gender: 'male',
      birthDate: '1990-03-05',
      idNumber: null,
      category: 'civil_servant',
      position: null,
      isLeader: true,
      isDirectWorker: false,
      unitCode: 'LCI.SNV',
      startedOn: null,
    });
  });

  it('lists every problem of a row with the column and a Vietnamese message', () => {
    const errors = validatePersonRow(
      row({
        ...valid,
        'Giới tính': 'khác',
        'Ngày sinh': '1990-03-05',
        'Số định danh cá nhân': '12ab',
        'Mã đơn vị': '',
      }),
    );
    expect(errors).toEqual([
      { column: 'Giới tính', message: 'Giới tính phải là "Nam" hoặc "Nữ".' },
      { column: 'Ngày sinh', message: expect.stringContaining('dd/mm/yyyy') },
      { column: 'Số định danh cá nhân', message: expect.stringContaining('12 chữ số') },
      { column: 'Mã đơn vị', message: 'Vui lòng ghi mã đơn vị.' },
    ]);
  });
});

describe('text that must never be stored', () => {
  it('refuses a cell with a control character, naming only that cell', () => {
    for (const name of ['Giàng\u0000A Páo', 'Giàng A\u001b[31m Páo', 'Giàng \u0085Páo', 'Giàng \ud800Páo']) {
      expect(validatePersonRow(row({ ...valid, 'Họ và tên': name }))).toEqual([
        { column: 'Họ và tên', message: 'Không được chứa ký tự điều khiển (ô bị lỗi mã hóa).' },
      ]);
    }
    expect(validatePersonRow(row({ ...valid, 'Mã đơn vị': 'LCI\u0000' }))).toEqual([
      { column: 'Mã đơn vị', message: 'Không được chứa ký tự điều khiển (ô bị lỗi mã hóa).' },
    ]);
  });

  it('turns line breaks and tabs typed inside a cell into single spaces', () => {
    expect(validatePersonRow(row({ ...valid, 'Chức vụ': 'Phó\nGiám đốc\t Sở' }))).toMatchObject({
      position: 'Phó Giám đốc Sở',
    });
  });

  it('refuses a unit whose validity ends before it starts', () => {
    const unit = { 'Mã đơn vị': 'A1', 'Tên đơn vị': 'Sở A', 'Loại đơn vị': 'Khác' };
    expect(
      validateUnitRow(row({ ...unit, 'Hiệu lực từ ngày': '02/01/2026', 'Hiệu lực đến ngày': '01/01/2026' })),
    ).toEqual([
      { column: 'Hiệu lực đến ngày', message: 'Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực.' },
    ]);
  });
});

describe('parsing cells', () => {
  it('reads dates dd/mm/yyyy and refuses impossible or future ones', () => {
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('29/02/2023')).toBeUndefined();
    expect(parseDate('01/01/2999')).toBeUndefined();
    expect(parseDate('01/01/2999', true)).toBe('2999-01-01');
    expect(parseDate(new Date(Date.UTC(1980, 4, 17)))).toBe('1980-05-17');
    expect(parseDate('')).toBeNull();
    expect(parseDate('30/02/2024')).toBeUndefined();
    expect(parseDate('01/13/2020')).toBeUndefined();
    expect(parseDate('01/01/0000', true)).toBeUndefined();
    expect(parseDate('01/01/9999', true)).toBeUndefined();
    expect(parseDate(new Date(Number.NaN))).toBeUndefined();
    expect(parseDate(new Date(Date.UTC(1850, 0, 1)))).toBeUndefined();
    expect(parseDate(new Date(Date.UTC(2999, 0, 1)))).toBeUndefined();
  });

  it('reads Có/Không and matches headers without diacritics', () => {
    expect([
      parseYesNo('Có'),
      parseYesNo('co'),
      parseYesNo(''),
      parseYesNo('Không'),
      parseYesNo('có lẽ'),
    ]).toEqual([true, true, false, false, undefined]);
    expect(plain('Lãnh đạo, quản lý')).toBe('lanh dao quan ly');
    const { positions, missing } = mapHeaders(['Ho va ten', 'GIỚI TÍNH', 'Đối tượng'], personColumns);
    expect(positions.get('Giới tính')).toBe(1);
    expect(missing.map((error) => error.column)).toEqual(['Mã đơn vị']);
  });
});
