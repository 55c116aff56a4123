import { describe, expect, it } from 'vitest';
import { commonWordPrefix, formatPoints } from './labels.ts';

describe('commonWordPrefix', () => {
  it('finds the words every unit name starts with, never a whole name', () => {
    expect(
      commonWordPrefix([
        'Ủy ban nhân dân huyện Tam Đường',
        'Ủy ban nhân dân thành phố Lai Châu',
        'Ủy ban nhân dân huyện Sìn Hồ',
      ]),
    ).toBe('Ủy ban nhân dân ');
    expect(commonWordPrefix(['Sở Tài chính', 'Sở Tài chính kế hoạch'])).toBe('Sở ');
    expect(commonWordPrefix(['Sở Y tế', 'Công an tỉnh'])).toBe('');
    expect(commonWordPrefix(['Ủy ban nhân dân huyện Tam Đường'])).toBe('');
  });
});

describe('formatPoints', () => {
  it('prints up to two decimals with a comma', () => {
    expect(formatPoints(74.666)).toBe('74,67');
    expect(formatPoints(null)).toBe('—');
  });
});
