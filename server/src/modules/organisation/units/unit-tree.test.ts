import { describe, expect, it } from 'vitest';
import { childPath, dayBefore, planMove } from './unit-tree.ts';

const province = { id: 'p', path: '/p/' };
const district = { id: 'd', path: '/p/d/' };
const commune = { id: 'c', path: '/p/d/c/' };
const other = { id: 'o', path: '/o/' };

describe('planMove', () => {
  it('gives the new path under the new parent', () => {
    expect(planMove(district, other)).toBe('/o/d/');
    expect(planMove(commune, province)).toBe('/p/c/');
  });

  it('refuses a move onto itself or into its own subtree', () => {
    expect(() => planMove(district, district)).toThrow(/chính nó/);
    expect(() => planMove(district, commune)).toThrow(/cấp dưới/);
    expect(() => planMove(province, commune)).toThrow();
  });
});

describe('childPath and dayBefore', () => {
  it('builds paths from the root and ends units the day before', () => {
    expect(childPath(null, 'x')).toBe('/x/');
    expect(childPath('/p/', 'x')).toBe('/p/x/');
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });
});
