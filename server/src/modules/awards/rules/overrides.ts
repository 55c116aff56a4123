import { awardCatalogue } from '#contracts/award-catalogue.ts';
import { RuleOverride } from '#contracts/award-rules.ts';
import { checkRuleTree } from './loader.ts';
import { RuleDataError } from './rule-data-error.ts';
import type { RuleSetData } from './rule-set.ts';

/**
 * Returns the effective rule sets: the shipped ones with each administrator override put in place of
 * the shipped rule of (award, rule set, subject). The shipped rule stays beside it, with the reason.
 * Pure: the inputs are not changed. Storing and auditing overrides is the caller's business.
 */
export function applyOverrides(shipped: RuleSetData[], overrides: readonly unknown[]): RuleSetData[] {
  const parsed = overrides.map((raw, index) => {
    const result = RuleOverride.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new RuleDataError(
        `Quy tắc thay thế thứ ${index + 1} không hợp lệ tại "${issue?.path.join('.') || 'gốc'}": ${issue?.message ?? ''}`,
      );
    }
    return result.data;
  });
  const ids = new Set(shipped.map((ruleSet) => ruleSet.meta.id));
  for (const override of parsed) {
    if (!ids.has(override.ruleSet)) throw new RuleDataError(`Không có bộ quy tắc "${override.ruleSet}".`);
  }
  return shipped.map((ruleSet) => {
    const mine = parsed.filter((override) => override.ruleSet === ruleSet.meta.id);
    if (mine.length === 0) return ruleSet;
    const criteria = { ...ruleSet.criteria };
    for (const override of mine) {
      if (!awardCatalogue[override.award].subjects.includes(override.subject)) {
        throw new RuleDataError(`${override.award} không xét tặng cho đối tượng ${override.subject}.`);
      }
      checkRuleTree(override.rule, `Quy tắc thay thế ${override.award}`);
      const current = criteria[override.award][override.subject];
      if (!current) throw new RuleDataError(`Không có quy tắc gốc của ${override.award} để thay thế.`);
      criteria[override.award] = {
        ...criteria[override.award],
        [override.subject]: {
          rule: override.rule,
          notes: override.notes ?? current.shipped.notes,
          shipped: current.shipped,
          override: { reason: override.reason },
        },
      };
    }
    return { ...ruleSet, criteria };
  });
}
