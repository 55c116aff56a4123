import { describe, expect, it } from 'vitest';
import type { RuleNode } from '#contracts/award-rules.ts';
import { evaluate, testContext, years } from './test-support.ts';
import { Value } from './values.ts';

const cite = { article: 'Điều thử', confidence: 'C' as const };

describe('rating_at_least', () => {
  const node: RuleNode = { kind: 'rating_at_least', level: 'HTTNV', year: 0, ...cite };
  it('is met by the level and above, with the year and the rating in the message', () => {
    const { check } = evaluate(node, { history: years([2025, 'HTXSNV']) });
    expect(check?.met).toBe(true);
    expect(check?.message).toContain('Năm 2025 xếp loại hoàn thành xuất sắc nhiệm vụ');
  });
  it('fails below the level and when the year has no rating', () => {
    expect(evaluate(node, { history: years([2025, 'HTNV']) }).check?.met).toBe(false);
    const missing = evaluate(node, { history: years([2024, 'HTXSNV']) }).check;
    expect(missing?.met).toBe(false);
    expect(missing?.message).toContain('chưa có kết quả xếp loại');
  });
  it('reads the year before when the offset is -1', () => {
    const before: RuleNode = { kind: 'rating_at_least', level: 'HTXSNV', year: -1, ...cite };
    expect(evaluate(before, { history: years([2024, 'HTXSNV'], [2025, 'HTNV']) }).check?.met).toBe(true);
  });
});

describe('not_rated', () => {
  const node: RuleNode = { kind: 'not_rated', year: 0, ...cite };
  it('holds for people outside the rating of officials and fails for rated people', () => {
    expect(evaluate(node, { history: years([2025, undefined, ['LDTT']]) }).check?.met).toBe(true);
    expect(evaluate(node, { history: years([2025, 'HTNV']) }).check?.met).toBe(false);
  });
});

describe('title_in_year', () => {
  const node: RuleNode = { kind: 'title_in_year', codes: ['BK_BO_TINH'], year: 0, ...cite };
  it('finds a title or form received for the year', () => {
    expect(evaluate(node, { history: years([2025, 'HTTNV', [], ['BK_BO_TINH']]) }).check?.met).toBe(true);
    expect(evaluate(node, { history: years([2025, 'HTTNV']) }).check?.met).toBe(false);
  });
  it('does not count an ad-hoc (đột xuất) award when the exclusion is confirmed', () => {
    const history = [
      { year: 2025, awards: [{ code: 'BK_BO_TINH' as const, rewardType: 'dot_xuat' as const }] },
    ];
    const { check, value } = evaluate(node, { history });
    expect(check?.met).toBe(false);
    expect(check?.message).toContain('đột xuất hoặc chuyên đề');
    expect(value).toBe(Value.FALSE);
  });
  it('leaves it open with a warning when the exclusion is unconfirmed', () => {
    const history = [
      { year: 2025, awards: [{ code: 'BK_BO_TINH' as const, rewardType: 'chuyen_de' as const }] },
    ];
    const { check, sink, value } = evaluate(node, { history }, testContext({ exclusionUnconfirmed: true }));
    expect(check?.met).toBeNull();
    expect(value).toBe(Value.UNKNOWN);
    expect(sink.warnings[0]).toContain('chưa được xác nhận');
  });
});

describe('consecutive_titles', () => {
  const three: RuleNode = { kind: 'consecutive_titles', codes: ['CSTDCS'], count: 3, every: 1, ...cite };
  it('needs the chain to end at the year of achievement without a gap', () => {
    const chain = years(
      [2023, 'HTXSNV', ['CSTDCS']],
      [2024, 'HTXSNV', ['CSTDCS']],
      [2025, 'HTXSNV', ['CSTDCS']],
    );
    expect(evaluate(three, { history: chain }).check?.met).toBe(true);
    const gap = years(
      [2022, 'HTXSNV', ['CSTDCS']],
      [2024, 'HTXSNV', ['CSTDCS']],
      [2025, 'HTXSNV', ['CSTDCS']],
    );
    const broken = evaluate(three, { history: gap }).check;
    expect(broken?.met).toBe(false);
    expect(broken?.message).toContain('thiếu năm 2023');
  });
  it('counts links `every` years apart (two provincial titles three years apart)', () => {
    const twice: RuleNode = {
      kind: 'consecutive_titles',
      codes: ['CSTD_BO_TINH'],
      count: 2,
      every: 3,
      ...cite,
    };
    expect(
      evaluate(twice, {
        history: years([2022, 'HTXSNV', ['CSTD_BO_TINH']], [2025, 'HTXSNV', ['CSTD_BO_TINH']]),
      }).check?.met,
    ).toBe(true);
    expect(
      evaluate(twice, {
        history: years([2021, 'HTXSNV', ['CSTD_BO_TINH']], [2025, 'HTXSNV', ['CSTD_BO_TINH']]),
      }).check?.met,
    ).toBe(false);
  });
});

describe('no_discipline', () => {
  const node: RuleNode = { kind: 'no_discipline', atLeast: 'warning', fromYear: -1, toYear: 0, ...cite };
  it('fails on discipline at or above the level inside the window only', () => {
    const history = (discipline: 'reprimand' | 'warning', year: number) => [
      { year, rating: 'HTTNV' as const, discipline },
    ];
    expect(evaluate(node, { history: history('reprimand', 2025) }).check?.met).toBe(true);
    expect(evaluate(node, { history: history('warning', 2024) }).check?.met).toBe(false);
    expect(evaluate(node, { history: history('warning', 2023) }).check?.met).toBe(true);
  });
});

describe('not_received', () => {
  const duplicate: RuleNode = { kind: 'not_received', fromYear: 0, toYear: 0, ...cite };
  it('refuses a second công trạng award for the same achievement', () => {
    const { check } = evaluate(duplicate, { history: years([2025, 'HTXSNV', ['CSTDCS']]) });
    expect(check?.met).toBe(false);
    expect(check?.message).toContain('một thành tích không khen thưởng hai lần');
  });
  it('does not take a thematic award of the same year for a duplicate', () => {
    const history = [{ year: 2025, titles: [{ code: 'CSTDCS' as const, rewardType: 'chuyen_de' as const }] }];
    expect(evaluate(duplicate, { history }).check?.met).toBe(true);
  });
  it('applies the counting rule over earlier years', () => {
    const counting: RuleNode = {
      kind: 'not_received',
      codes: ['BK_BO_TINH'],
      fromYear: -1,
      toYear: -1,
      ...cite,
    };
    expect(
      evaluate(counting, { award: 'BK_BO_TINH', history: years([2024, 'HTXSNV', [], ['BK_BO_TINH']]) }).check
        ?.met,
    ).toBe(false);
    expect(
      evaluate(counting, { award: 'BK_BO_TINH', history: years([2023, 'HTXSNV', [], ['BK_BO_TINH']]) }).check
        ?.met,
    ).toBe(true);
  });
});
