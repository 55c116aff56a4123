import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allForms, formsForYear, loadForms, statisticalPeriod, statisticalYearOf } from './form-registry.ts';

const folderWith = (forms: object[]) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-forms-'));
  writeFileSync(path.join(dir, 'new-circular.json'), JSON.stringify({ forms }));
  return dir;
};
const form = (extra: object = {}) => ({
  code: '0901',
  symbol: 'Biểu số 0901.N/BNV-TĐKT',
  name: 'Số lượng khen thưởng',
  circular: 'Thông tư mới',
  validFrom: '2026-01-01',
  validTo: null,
  source: 'awards',
  rows: [{ code: '01', label: 'Tổng số' }],
  columns: [{ code: '1', label: 'Bằng khen', where: { awardCodes: ['BK_BO_TINH'] } }],
  ...extra,
});

describe('statutory forms as data', () => {
  it('ships 0601–0605 and 0701–0703, each with unique row and column codes', () => {
    expect(allForms().map((item) => item.code)).toEqual([
      '0601',
      '0602',
      '0603',
      '0604',
      '0605',
      '0701',
      '0702',
      '0703',
    ]);
    expect(formsForYear(2023).map((item) => item.code)).toEqual(['0601', '0602', '0603', '0604', '0605']);
    expect(formsForYear(2018).map((item) => item.code)).toEqual(['0701', '0702', '0703']);
  });

  it('reads a new circular from a data file, without code', () => {
    expect(loadForms(folderWith([form()])).map((item) => item.code)).toEqual(['0901']);
  });

  it('refuses a file with a repeated code, an unknown field or a filter of the wrong source', () => {
    expect(() =>
      loadForms(
        folderWith([
          form({
            rows: [
              { code: '01', label: 'a' },
              { code: '01', label: 'b' },
            ],
          }),
        ]),
      ),
    ).toThrow(/lặp lại/);
    expect(() => loadForms(folderWith([form({ colour: 'red' })]))).toThrow(/không hợp lệ/);
    expect(() => loadForms(folderWith([form({ source: 'movements' })]))).toThrow(/awardCodes/);
  });

  it('runs the statistical year from 01/12 of the year before to 30/11', () => {
    expect(statisticalPeriod(2025)).toEqual({ from: '2024-12-01', to: '2025-11-30' });
    expect([
      statisticalYearOf('2024-12-01'),
      statisticalYearOf('2025-11-30'),
      statisticalYearOf('2025-12-01'),
    ]).toEqual([2025, 2025, 2026]);
  });
});
