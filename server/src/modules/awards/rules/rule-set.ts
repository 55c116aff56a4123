import type {
  AuthorityGrant,
  BaseSalaryEntry,
  CashEntry,
  CriteriaEntry,
  ProcedureEntry,
  RuleNote,
  RuleSetMeta,
} from '#contracts/award-rules.ts';
import type { AwardCode, AwardSubject } from '#contracts/awards.ts';

/** The criteria in force for one award and subject: the shipped rule, or an override beside it. */
export interface EffectiveCriteria extends CriteriaEntry {
  notes: RuleNote[];
  /** The rule as shipped in the repository, always kept visible. */
  shipped: CriteriaEntry;
  /** Present when an administrator replaced the shipped rule. */
  override?: { reason: string };
}

/** One rule set as data (shipped files, possibly with overrides), before compilation. */
export interface RuleSetData {
  meta: RuleSetMeta;
  authority: AuthorityGrant[];
  cash: Record<AwardCode, Partial<Record<AwardSubject, CashEntry>>>;
  procedure: { default: ProcedureEntry; awards: Partial<Record<AwardCode, Partial<ProcedureEntry>>> };
  criteria: Record<AwardCode, Partial<Record<AwardSubject, EffectiveCriteria>>>;
}

/** Everything the shipped data holds: the rule sets by period and the base salary history. */
export interface ShippedRules {
  ruleSets: RuleSetData[];
  baseSalaries: BaseSalaryEntry[];
}

/** The dossier, vote and posting of one award in a rule set (the default with the award's differences). */
export function procedureOf(ruleSet: RuleSetData, award: AwardCode): ProcedureEntry {
  return { ...ruleSet.procedure.default, ...ruleSet.procedure.awards[award] };
}
