import { awardName } from '#contracts/award-catalogue.ts';
import type { AuthorityGrant, BaseSalaryEntry } from '#contracts/award-rules.ts';
import type { AwardCode, AwardSubject, DeciderKind } from '#contracts/awards.ts';
import { type CompiledNode, compileAwardRule } from './compile.ts';
import type { RuleContext } from './condition-context.ts';
import { ALL_REWARD_TYPES, rewardTypeBit } from './facts.ts';
import { loadShippedRules } from './loader.ts';
import { applyOverrides } from './overrides.ts';
import type { EffectiveCriteria, RuleSetData } from './rule-set.ts';

/** A rule set ready to evaluate: its data, compiled rules and indexed grants of authority. */
export interface CompiledRuleSet {
  data: RuleSetData;
  context: RuleContext;
  rules: Map<
    AwardCode,
    Partial<Record<AwardSubject, { criteria: EffectiveCriteria; evaluate: CompiledNode }>>
  >;
  /** Grants by award (the '*' grants are listed under every award). */
  grants: Map<AwardCode, AuthorityGrant[]>;
}

/** Everything the engine needs: compiled rule sets by period, and the base salary history. */
export interface RuleRegistry {
  ruleSets: CompiledRuleSet[];
  baseSalaries: BaseSalaryEntry[];
}

function compileRuleSet(data: RuleSetData): CompiledRuleSet {
  const excluded = data.meta.chainExclusion.rewardTypes.reduce((mask, type) => mask | rewardTypeBit(type), 0);
  const context: RuleContext = {
    countedMask: ALL_REWARD_TYPES & ~excluded,
    exclusion: {
      article: data.meta.chainExclusion.article,
      unconfirmed: data.meta.chainExclusion.confidence === 'U',
    },
    initiativeOnce: {
      article: data.meta.initiativeOnce.article,
      unconfirmed: data.meta.initiativeOnce.confidence === 'U',
    },
    name: (code) => data.meta.names[code] ?? awardName(code),
  };
  const rules: CompiledRuleSet['rules'] = new Map();
  for (const [code, bySubject] of Object.entries(data.criteria) as [
    AwardCode,
    RuleSetData['criteria'][AwardCode],
  ][]) {
    const compiled: Partial<Record<AwardSubject, { criteria: EffectiveCriteria; evaluate: CompiledNode }>> =
      {};
    for (const [subject, criteria] of Object.entries(bySubject) as [AwardSubject, EffectiveCriteria][]) {
      const general = data.meta.general
        .filter((entry) => entry.subjects.includes(subject))
        .map((entry) => entry.rule);
      compiled[subject] = { criteria, evaluate: compileAwardRule(criteria.rule, general, context) };
    }
    rules.set(code, compiled);
  }
  const grants = new Map<AwardCode, AuthorityGrant[]>();
  for (const code of Object.keys(data.criteria) as AwardCode[]) {
    grants.set(
      code,
      data.authority.filter((grant) => grant.awards === '*' || grant.awards.includes(code)),
    );
  }
  return { data, context, rules, grants };
}

/** Compiles rule sets (shipped, with any overrides applied) and the base salaries into a registry. */
export function createRegistry(options: {
  ruleSets: RuleSetData[];
  baseSalaries: BaseSalaryEntry[];
  overrides?: readonly unknown[];
}): RuleRegistry {
  const ruleSets = options.overrides?.length
    ? applyOverrides(options.ruleSets, options.overrides)
    : options.ruleSets;
  return { ruleSets: ruleSets.map(compileRuleSet), baseSalaries: options.baseSalaries };
}

let shippedRegistry: RuleRegistry | undefined;

/** The registry of the shipped rule data, loaded and compiled once per process. */
export function getShippedRegistry(): RuleRegistry {
  shippedRegistry ??= createRegistry(loadShippedRules());
  return shippedRegistry;
}

/** The rule set in force on a date (YYYY-MM-DD), if any. */
export function ruleSetOn(registry: RuleRegistry, date: string): CompiledRuleSet | undefined {
  return registry.ruleSets.find(
    ({ data }) =>
      data.meta.effectiveFrom <= date && (data.meta.effectiveTo === null || date <= data.meta.effectiveTo),
  );
}

/** The base salary in force on a date, if any. */
export function baseSalaryOn(registry: RuleRegistry, date: string): BaseSalaryEntry | undefined {
  let found: BaseSalaryEntry | undefined;
  for (const entry of registry.baseSalaries) if (entry.from <= date) found = entry;
  return found;
}

/** Kinds that hold a grant (any confidence) for an award. */
export function grantsFor(ruleSet: CompiledRuleSet, award: AwardCode, kind?: DeciderKind): AuthorityGrant[] {
  const grants = ruleSet.grants.get(award) ?? [];
  return kind ? grants.filter((grant) => grant.kinds.includes(kind)) : grants;
}
