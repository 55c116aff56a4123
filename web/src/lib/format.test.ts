import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDateTimeSeconds, parseIsoDate, toIsoDate } from './format.ts';

describe('format helpers', () => {
  it('writes dates the Vietnamese way, dd/mm/yyyy', () => {
    expect(formatDate('2019-08-21')).toBe('21/08/2019');
    expect(formatDateTime(new Date(2025, 6, 1, 8, 5))).toBe('01/07/2025 08:05');
    expect(formatDateTimeSeconds(new Date(2025, 6, 1, 8, 5, 9))).toBe('01/07/2025 08:05:09');
  });

  it('shows a dash for missing or broken values', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDate('không phải ngày')).toBe('—');
  });

  it('round-trips yyyy-mm-dd and rejects impossible dates', () => {
    expect(toIsoDate(parseIsoDate('2024-02-29'))).toBe('2024-02-29');
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('21/08/2019')).toBeNull();
    expect(toIsoDate(null)).toBeUndefined();
  });
});
