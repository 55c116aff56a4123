import { describe, expect, it } from 'vitest';
import { getShippedRegistry } from '#server/modules/awards/index.ts';
import { authorityFor, cashFor, subjectOf } from './award-terms.ts';

const registry = getShippedRegistry();

describe('cash and authority of a decision’s recipients', () => {
  it('pays multiple × the base salary in force on the decision date', () => {
    // 1,5 × 2.340.000 đ (lương cơ sở from 01/7/2024) for a person; 3 × for a collective.
    expect(cashFor(registry, '2025-12-15', 'BK_BO_TINH', 'individual')).toEqual({
      multiple: 1.5,
      amount: 3_510_000,
    });
    expect(cashFor(registry, '2025-12-15', 'BK_BO_TINH', 'collective')).toEqual({
      multiple: 3,
      amount: 7_020_000,
    });
    expect(cashFor(registry, '2025-12-15', 'CSTDCS', 'individual')).toEqual({
      multiple: 1,
      amount: 2_340_000,
    });
    // The day before the 2024 raise the base salary was 1.800.000 đ.
    expect(cashFor(registry, '2024-06-30', 'CSTDCS', 'individual').amount).toBe(1_800_000);
  });

  it('has no cash before any rule set is in force', () => {
    expect(cashFor(registry, '1990-01-01', 'CSTDCS', 'individual')).toEqual({ multiple: null, amount: null });
  });

  it('checks the issuing unit’s kind against the rule set of the date', () => {
    expect(authorityFor(registry, '2025-12-15', 'province', 'BK_BO_TINH').competent).toBe(true);
    expect(authorityFor(registry, '2025-12-15', 'province', 'GIAY_KHEN').competent).toBe(false);
    expect(authorityFor(registry, '2025-12-15', 'commune', 'CSTDCS').competent).toBe(true);
    expect(authorityFor(registry, '1990-01-01', 'commune', 'CSTDCS')).toMatchObject({ competent: null });
  });

  it('rewards a person as an individual and a unit as a collective', () => {
    expect(subjectOf({ personId: 'p' })).toBe('individual');
    expect(subjectOf({ personId: null })).toBe('collective');
  });
});
