import { describe, expect, it } from 'vitest';
import type { RuleNode } from '#contracts/award-rules.ts';
import { evaluate } from './test-support.ts';
import { Value } from './values.ts';

const cite = { article: 'Điều thử', confidence: 'C' as const };
const members = (ldtt: number, extra: Partial<Record<string, number>> = {}) => ({
  total: 20,
  completedDuties: 20,
  ldtt,
  cstdcs: 1,
  disciplinedWarningOrAbove: 0,
  ...extra,
});
const collective = { award: 'TTLDTT' as const, subject: 'collective' as const };

describe('member_share', () => {
  const atLeast70: RuleNode = {
    kind: 'member_share',
    metric: 'ldtt',
    comparison: 'at_least_share',
    value: 0.7,
    ...cite,
  };
  it('meets a share exactly at the threshold and fails just below', () => {
    expect(evaluate(atLeast70, { ...collective, members: members(14) }).check?.met).toBe(true);
    const below = evaluate(atLeast70, { ...collective, members: members(13) }).check;
    expect(below?.met).toBe(false);
    expect(below?.message).toContain('13/20 thành viên (65%)');
  });
  it('needs strictly more than the share for "trên 50%"', () => {
    const over50: RuleNode = {
      kind: 'member_share',
      metric: 'ldtt',
      comparison: 'more_than_share',
      value: 0.5,
      ...cite,
    };
    expect(evaluate(over50, { ...collective, members: members(10) }).check?.met).toBe(false);
    expect(evaluate(over50, { ...collective, members: members(11) }).check?.met).toBe(true);
  });
  it('counts members for "ít nhất" and "không có"', () => {
    const oneCstdcs: RuleNode = {
      kind: 'member_share',
      metric: 'cstdcs',
      comparison: 'at_least_count',
      value: 1,
      ...cite,
    };
    expect(evaluate(oneCstdcs, { ...collective, members: members(14, { cstdcs: 0 }) }).check?.met).toBe(
      false,
    );
    const none: RuleNode = {
      kind: 'member_share',
      metric: 'disciplinedWarningOrAbove',
      comparison: 'at_most_count',
      value: 0,
      ...cite,
    };
    expect(evaluate(none, { ...collective, members: members(14) }).check?.message).toContain(
      'Không có thành viên nào',
    );
    expect(
      evaluate(none, { ...collective, members: members(14, { disciplinedWarningOrAbove: 1 }) }).check?.met,
    ).toBe(false);
  });
  it('fails with a clear message when the members are not given', () => {
    expect(evaluate(atLeast70, collective).check?.message).toContain('Chưa có số liệu thành viên');
  });
});

describe('nothing_pending', () => {
  const node: RuleNode = { kind: 'nothing_pending', ...cite };
  it('holds when nothing is recorded and fails on an open investigation or complaint', () => {
    expect(evaluate(node, {}).check?.met).toBe(true);
    const open = evaluate(node, { pending: { investigation: true, complaint: true } }).check;
    expect(open?.met).toBe(false);
    expect(open?.message).toContain('Đang bị điều tra');
  });
});

describe('judgment', () => {
  it('is never decided from facts', () => {
    const { check, value, sink } = evaluate({ kind: 'judgment', text: 'Dẫn đầu cụm thi đua', ...cite }, {});
    expect(check?.met).toBeNull();
    expect(value).toBe(Value.UNKNOWN);
    expect(sink.judged).toBe(true);
  });
});

describe('unconfirmed (U) conditions', () => {
  it('raise doubt instead of failing, and are listed for a warning', () => {
    const node: RuleNode = {
      kind: 'rating_at_least',
      level: 'HTXSNV',
      year: 0,
      article: 'Điều thử',
      confidence: 'U',
    };
    const { check, value, sink } = evaluate(node, {});
    expect(check?.met).toBe(false);
    expect(value).toBe(Value.WEAK_FALSE);
    expect(sink.doubtful).toHaveLength(1);
  });
});
