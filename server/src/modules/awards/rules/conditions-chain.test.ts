import { describe, expect, it } from 'vitest';
import type { RuleNode } from '#contracts/award-rules.ts';
import { changeYear, evaluate, testContext, years } from './test-support.ts';
import { Value } from './values.ts';

const cite = { article: 'Điều thử', confidence: 'C' as const };

describe('initiative', () => {
  const province: RuleNode = {
    kind: 'initiative',
    minScope: 'province',
    count: 1,
    fromYear: -2,
    toYear: 0,
    ...cite,
  };
  it('counts initiatives of the scope or wider inside the window', () => {
    expect(
      evaluate(province, { history: years([2023, 'HTTNV', [], [], [{ scope: 'national' }]]) }).check?.met,
    ).toBe(true);
    expect(
      evaluate(province, { history: years([2025, 'HTTNV', [], [], [{ scope: 'unit' }]]) }).check?.met,
    ).toBe(false);
    expect(
      evaluate(province, { history: years([2022, 'HTTNV', [], [], [{ scope: 'province' }]]) }).check?.met,
    ).toBe(false);
  });
  it('counts an initiative once: one already used by another award does not count again', () => {
    const used = [{ scope: 'province', usedFor: { award: 'CSTDCS', forYear: 2024 } }];
    const { check, value } = evaluate(province, {
      award: 'CSTD_BO_TINH',
      history: years([2024, 'HTTNV', [], [], used]),
    });
    expect(check?.met).toBe(false);
    expect(check?.message).toContain('chỉ được dùng làm căn cứ khen thưởng một lần');
    expect(value).toBe(Value.FALSE);
  });
  it('still counts an initiative recorded as used by this very award and year', () => {
    const own = [{ scope: 'province', usedFor: { award: 'CSTD_BO_TINH', forYear: 2025 } }];
    expect(
      evaluate(province, { award: 'CSTD_BO_TINH', history: years([2024, 'HTTNV', [], [], own]) }).check?.met,
    ).toBe(true);
  });
  it('needs `count` distinct initiatives', () => {
    const two: RuleNode = {
      kind: 'initiative',
      minScope: 'unit',
      count: 2,
      fromYear: -1,
      toYear: 0,
      ...cite,
    };
    const one = years([2024, 'HTXSNV', [], [], [{ scope: 'unit' }]], [2025, 'HTXSNV']);
    expect(evaluate(two, { history: one }).check?.met).toBe(false);
    const both = years(
      [2024, 'HTXSNV', [], [], [{ scope: 'unit' }]],
      [2025, 'HTXSNV', [], [], [{ scope: 'unit' }]],
    );
    expect(evaluate(two, { history: both }).check?.met).toBe(true);
  });
  it('leaves the once-only rule open when it is unconfirmed', () => {
    const used = [{ scope: 'province', usedFor: { award: 'CSTDCS', forYear: 2024 } }];
    const { check } = evaluate(
      province,
      { history: years([2024, 'HTTNV', [], [], used]) },
      testContext({ initiativeUnconfirmed: true }),
    );
    expect(check?.met).toBeNull();
  });
});

describe('after_award_chain', () => {
  const chain: RuleNode = {
    kind: 'after_award_chain',
    after: ['BK_TTG'],
    years: 5,
    minRating: 'HTTNV',
    ratings: { level: 'HTXSNV', count: 1 },
    titles: { codes: ['CSTDCS'], count: 3 },
    ...cite,
  };
  const good = () =>
    years(
      [2020, 'HTXSNV', [], ['BK_TTG']],
      [2021, 'HTTNV', ['CSTDCS']],
      [2022, 'HTTNV'],
      [2023, 'HTXSNV', ['CSTDCS']],
      [2024, 'HTTNV'],
      [2025, 'HTTNV', ['CSTDCS']],
    );
  it('holds after the award with five good years, one excellent year and three CSTĐCS', () => {
    const { check } = evaluate(chain, { award: 'HCLD_HANG_BA', history: good() });
    expect(check?.met).toBe(true);
    expect(check?.message).toContain('2021–2025');
  });
  it('fails when the award falls inside the five years', () => {
    const history = changeYear(changeYear(good(), 2020, { awards: [] }), 2022, { awards: ['BK_TTG'] });
    const { check } = evaluate(chain, { award: 'HCLD_HANG_BA', history });
    expect(check?.met).toBe(false);
    expect(check?.message).toContain('chưa đủ 5 năm tiếp theo');
  });
  it('names a year below the rating and missing titles', () => {
    const history = changeYear(changeYear(good(), 2022, { rating: 'HTNV' }), 2025, { titles: [] });
    const { check } = evaluate(chain, { award: 'HCLD_HANG_BA', history });
    expect(check?.met).toBe(false);
    expect(check?.message).toContain('2022 hoàn thành nhiệm vụ');
    expect(check?.message).toContain('2/3 lần');
  });
  it('does not let a đột xuất award start a công trạng chain (NĐ 152 Điều 4 khoản 3)', () => {
    const history = good().map((year) =>
      year.year === 2020
        ? { ...year, awards: [{ code: 'BK_TTG' as const, rewardType: 'dot_xuat' as const }] }
        : year,
    );
    expect(evaluate(chain, { award: 'HCLD_HANG_BA', history }).check?.met).toBe(false);
    const open = evaluate(
      chain,
      { award: 'HCLD_HANG_BA', history },
      testContext({ exclusionUnconfirmed: true }),
    );
    expect(open.check?.met).toBeNull();
  });
  it('counts unused initiatives when the chain asks for them', () => {
    const old: RuleNode = {
      kind: 'after_award_chain',
      after: ['BK_BO_TINH'],
      years: 5,
      minRating: 'HTXSNV',
      initiatives: { minScope: 'unit', count: 5 },
      ...cite,
    };
    const history = years(
      [2018, 'HTXSNV', [], ['BK_BO_TINH']],
      ...([2019, 2020, 2021, 2022, 2023] as const).map(
        (year) =>
          [year, 'HTXSNV', [], [], [{ scope: 'unit' }]] as [
            number,
            string,
            string[],
            string[],
            { scope: string }[],
          ],
      ),
    );
    expect(evaluate(old, { award: 'BK_TTG', forYear: 2023, date: '2023-12-01', history }).check?.met).toBe(
      true,
    );
    history[5] = { ...history[5], initiatives: [] } as (typeof history)[number];
    expect(evaluate(old, { award: 'BK_TTG', forYear: 2023, date: '2023-12-01', history }).check?.met).toBe(
      false,
    );
  });
});
