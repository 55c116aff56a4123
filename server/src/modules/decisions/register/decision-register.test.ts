import { describe, expect, it } from 'vitest';
import { decisionNumber, registerSymbol } from './decision-register.ts';

describe('decision numbers', () => {
  it('writes the People’s Committee symbol for a province, district and commune', () => {
    for (const kind of ['province', 'district', 'commune']) {
      expect(decisionNumber(123, { kind, shortName: 'Lai Châu', name: 'UBND tỉnh Lai Châu' })).toBe(
        '123/QĐ-UBND',
      );
    }
  });

  it('writes a department’s short name, or the initials of its name without diacritics', () => {
    expect(registerSymbol({ kind: 'department', shortName: 'SNV', name: 'Sở Nội vụ' })).toBe('SNV');
    expect(registerSymbol({ kind: 'department', shortName: null, name: 'Sở Nội vụ tỉnh Lai Châu' })).toBe(
      'SNVTLC',
    );
    expect(registerSymbol({ kind: 'agency', shortName: 'Đài PT-TH', name: 'x' })).toBe('DPTTH');
    expect(decisionNumber(7, { kind: 'public_service', shortName: 'BVĐK', name: 'x' })).toBe('7/QĐ-BVDK');
  });
});
