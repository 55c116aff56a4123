import { describe, expect, it } from 'vitest';
import type { RuleOverride } from '#contracts/award-rules.ts';
import { checkEligibility } from './engine.ts';
import { parseEligibilityInput } from './input.ts';
import { loadShippedRules } from './loader.ts';
import { applyOverrides } from './overrides.ts';
import { createRegistry } from './registry.ts';
import { RuleDataError } from './rule-data-error.ts';
import { testInput, years } from './test-support.ts';

const shipped = loadShippedRules();
// An administrator requires an initiative again for CSTĐCS (e.g. after an amending law).
const stricter: RuleOverride = {
  award: 'CSTDCS',
  ruleSet: 'luat-2022-nd-152-2025',
  subject: 'individual',
  rule: {
    kind: 'all',
    of: [
      {
        kind: 'title_in_year',
        codes: ['LDTT'],
        year: 0,
        article: 'Khoản 1 Điều 23 Luật sửa đổi (giả định)',
        confidence: 'S',
      },
      {
        kind: 'initiative',
        minScope: 'unit',
        count: 1,
        fromYear: 0,
        toYear: 0,
        article: 'Khoản 2 Điều 23 Luật sửa đổi (giả định)',
        confidence: 'S',
      },
    ],
  },
  reason: 'Luật sửa đổi yêu cầu sáng kiến',
};
const input = parseEligibilityInput(testInput({ history: years([2025, 'HTXSNV', ['LDTT']]) }));

describe('administrator overrides', () => {
  it('replace the shipped rule in the effective rule set and keep the shipped one beside it', () => {
    const effective = applyOverrides(shipped.ruleSets, [stricter]);
    const entry = effective[2]?.criteria.CSTDCS.individual;
    expect(entry?.override?.reason).toBe('Luật sửa đổi yêu cầu sáng kiến');
    expect(entry?.rule).toEqual(stricter.rule);
    expect(entry?.shipped).toBe(shipped.ruleSets[2]?.criteria.CSTDCS.individual?.shipped);
    expect(shipped.ruleSets[2]?.criteria.CSTDCS.individual?.override).toBeUndefined();
  });

  it('change the verdict of the engine built on them, and only for that rule set', () => {
    const plain = createRegistry(shipped);
    const overridden = createRegistry({ ...shipped, overrides: [stricter] });
    expect(checkEligibility(plain, input).verdict).toBe('eligible');
    expect(checkEligibility(overridden, input).verdict).toBe('not_eligible');
    const earlier = {
      ...input,
      date: '2025-03-01',
      forYear: 2024,
      history: [{ ...input.history[0], year: 2024 }],
    };
    expect(checkEligibility(overridden, earlier as typeof input).ruleSet).toBe('luat-2022-nd-98-2023');
    expect(checkEligibility(overridden, earlier as typeof input).verdict).toBe('eligible');
  });

  it('are refused without a reason, for an unknown rule set or for a subject the award does not have', () => {
    expect(() => applyOverrides(shipped.ruleSets, [{ ...stricter, reason: '' }])).toThrow(RuleDataError);
    expect(() => applyOverrides(shipped.ruleSets, [{ ...stricter, ruleSet: 'khong-co' }])).toThrow(
      /khong-co/,
    );
    expect(() => applyOverrides(shipped.ruleSets, [{ ...stricter, subject: 'collective' }])).toThrow(
      /không xét tặng/,
    );
  });
});
