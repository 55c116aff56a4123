import { describe, expect, it } from 'vitest';
import { readableDates } from './plan-labels.ts';

describe('readableDates', () => {
  it('writes calendar dates dd/mm/yyyy and leaves other words and numbers alone', () => {
    expect(readableDates('2019-09-30')).toBe('30/09/2019');
    expect(readableDates('Trước ngày 2019-09-30 và 2020-01-05')).toBe('Trước ngày 30/09/2019 và 05/01/2020');
    expect(readableDates('Quý III năm 2019; số 68/KH-UBND')).toBe('Quý III năm 2019; số 68/KH-UBND');
  });
});
