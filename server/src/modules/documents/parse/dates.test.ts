import { describe, expect, it } from 'vitest';
import { findDates, formatVietnameseDate, parseDate, toIsoDate } from './dates.ts';

describe('dates', () => {
  it('reads numeric and written-out dates', () => {
    expect(parseDate('21/8/2019')).toBe('2019-08-21');
    expect(parseDate('Ngày ban hành 16/08/2019')).toBe('2019-08-16');
    expect(parseDate('Lai Châu, ngày 21 tháng 8 năm 2019')).toBe('2019-08-21');
    expect(parseDate('Ngay 9 thang 08 nam 2019')).toBe('2019-08-09');
  });
  it('refuses impossible dates', () => {
    expect(toIsoDate(31, 2, 2020)).toBeNull();
    expect(parseDate('45/13/2019')).toBeNull();
  });
  it('finds every date in a sentence', () => {
    expect(findDates('từ 11/6/1948 đến ngày 19 tháng 5 năm 2019').map((date) => date.iso)).toEqual([
      '1948-06-11',
      '2019-05-19',
    ]);
  });
  it('formats as NĐ 30/2020 asks (leading zero before day < 10 and month < 3)', () => {
    expect(formatVietnameseDate('2024-01-05')).toBe('ngày 05 tháng 01 năm 2024');
    expect(formatVietnameseDate('2019-08-21')).toBe('ngày 21 tháng 8 năm 2019');
  });
});
