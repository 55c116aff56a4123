import { describe, expect, it } from 'vitest';
import { check, checkNamed, years } from './test-support.ts';

describe('the rule set follows the decision date', () => {
  it('switches from the 2003 Law to the 2022 Law between 31/12/2023 and 01/01/2024', () => {
    const history = years([2023, 'HTXSNV', ['LDTT']]);
    const before = check({ award: 'CSTDCS', date: '2023-12-31', forYear: 2023, history });
    const after = check({ award: 'CSTDCS', date: '2024-01-01', forYear: 2023, history });
    expect(before.ruleSet).toBe('luat-2003-nd-91-2017');
    expect(before.verdict).toBe('not_eligible');
    expect(after.ruleSet).toBe('luat-2022-nd-98-2023');
    // Which criteria apply to 2023 achievements decided in 2024 is unconfirmed: review, with the reason.
    expect(after.verdict).toBe('needs_review');
    expect(after.warnings.join(' ')).toContain('Điều 94, Điều 95');
    const next = check({
      award: 'CSTDCS',
      date: '2024-12-31',
      forYear: 2024,
      history: years([2024, 'HTXSNV', ['LDTT']]),
    });
    expect(next.verdict).toBe('eligible');
  });

  it('switches from NĐ 98 to NĐ 152 and NĐ 129 between 30/6/2025 and 01/7/2025', () => {
    const history = years([2024, 'HTXSNV', ['LDTT']]);
    const before = check({
      award: 'CSTDCS',
      date: '2025-06-30',
      forYear: 2024,
      history,
      decider: { unitKind: 'commune' },
    });
    const after = check({
      award: 'CSTDCS',
      date: '2025-07-01',
      forYear: 2024,
      history,
      decider: { unitKind: 'commune' },
    });
    expect(before.ruleSet).toBe('luat-2022-nd-98-2023');
    expect(after.ruleSet).toBe('luat-2022-nd-152-2025');
    // A commune chairman decides CSTĐCS only from 01/7/2025 (NĐ 129/2025 Điều 59).
    expect(before.authority?.competent).toBe(false);
    expect(after.authority?.competent).toBe(true);
    expect(after.authority?.article).toContain('Nghị định số 129/2025/NĐ-CP');
    expect(after.warnings.join(' ')).toContain('Khoản 3 Điều 60');
  });

  it('takes the district level away on 01/7/2025', () => {
    const input = {
      award: 'LDTT' as const,
      forYear: 2025,
      history: years([2025, 'HTTNV']),
      decider: { unitKind: 'district' as const },
    };
    expect(check({ ...input, date: '2025-06-30' }).authority?.competent).toBe(true);
    const after = check({ ...input, date: '2025-07-01' }).authority;
    expect(after?.competent).toBe(false);
    expect(after?.message).toContain('không còn cấp huyện');
  });

  it('makes pending matters a hard refusal only where the rule is confirmed (NĐ 152 Điều 4 khoản 4)', () => {
    const input = {
      award: 'LDTT' as const,
      forYear: 2025,
      history: years([2025, 'HTTNV']),
      pending: { discipline: true },
    };
    expect(check({ ...input, date: '2025-06-30' }).verdict).toBe('needs_review');
    expect(check({ ...input, date: '2025-07-01' }).verdict).toBe('not_eligible');
  });

  it('treats a discipline of the year as a doubt (U), never as a silent pass', () => {
    const history = [{ year: 2025, rating: 'HTTNV' as const, discipline: 'reprimand' as const }];
    const result = check({ award: 'LDTT', date: '2025-12-15', forYear: 2025, history });
    expect(result.verdict).toBe('needs_review');
    expect(checkNamed(result, 'khong_ky_luat').met).toBe(false);
    expect(result.warnings.some((warning) => warning.includes('mức U'))).toBe(true);
  });
});

describe('the base salary follows the decision date', () => {
  const cashOn = (date: string) =>
    check({ award: 'CSTDCS', date, forYear: Number(date.slice(0, 4)) - 1, history: [] }).cash;
  it.each([
    ['2019-06-30', 1_390_000],
    ['2019-07-01', 1_490_000],
    ['2023-06-30', 1_490_000],
    ['2023-07-01', 1_800_000],
    ['2024-06-30', 1_800_000],
    ['2024-07-01', 2_340_000],
  ])('on %s it is %i đ', (date, amount) => {
    expect(cashOn(date).baseSalary).toBe(amount);
    expect(cashOn(date).amount).toBe(amount);
  });

  it('rounds up to ten thousand đồng under NĐ 152 (0,3 × 2.340.000 = 702.000 → 710.000)', () => {
    const result = check({
      award: 'LDTT',
      date: '2025-12-15',
      forYear: 2025,
      history: years([2025, 'HTTNV']),
    });
    expect(result.cash).toMatchObject({
      multiple: 0.3,
      baseSalary: 2_340_000,
      amount: 710_000,
      confidence: 'C',
    });
  });

  it('gives a household 1,5 times the individual amount (Giấy khen: 1.053.000 → 1.060.000)', () => {
    const result = check({ award: 'GIAY_KHEN', subject: 'household', date: '2025-12-15', forYear: 2025 });
    expect(result.cash).toMatchObject({ multiple: 0.45, amount: 1_060_000 });
  });

  it('shows no amount when the multiple is unknown, instead of guessing', () => {
    const result = check({ award: 'HC_HUU_NGHI', date: '2025-12-15', forYear: 2025 });
    expect(result.cash).toMatchObject({ multiple: null, amount: null, confidence: 'U' });
  });
});
