import { type AwardFamily, awardCatalogue } from '#contracts/award-catalogue.ts';
import type { CashEntry, ProcedureEntry } from '#contracts/award-rules.ts';
import type {
  AwardCode,
  AwardSubject,
  Confidence,
  DeciderKind,
  RewardType,
  StatisticsColumn,
} from '#contracts/awards.ts';
import { deciderLabel } from './authority.ts';
import { type DescribedLine, describeRule } from './describe.ts';
import { type CompiledRuleSet, grantsFor } from './registry.ts';
import { type EffectiveCriteria, procedureOf } from './rule-set.ts';

/** Everything a rule set says about one award: for the catalogue page, rule by rule. */
export interface AwardRuleView {
  code: AwardCode;
  name: string;
  family: AwardFamily;
  subjects: AwardSubject[];
  rewardTypes: RewardType[];
  statistics: StatisticsColumn | null;
  ruleSet: string;
  deciders: { kind: DeciderKind; label: string; article: string; confidence: Confidence; note?: string }[];
  cash: Partial<Record<AwardSubject, CashEntry>>;
  procedure: ProcedureEntry;
  criteria: Partial<Record<AwardSubject, EffectiveCriteria & { lines: DescribedLine[] }>>;
}

/** The view of one award in one rule set (households' cash derived from the individual amount). */
export function viewAward(ruleSet: CompiledRuleSet, award: AwardCode): AwardRuleView {
  const entry = awardCatalogue[award];
  const { meta, cash } = ruleSet.data;
  const cashView: Partial<Record<AwardSubject, CashEntry>> = { ...cash[award] };
  const individual = cash[award].individual;
  if (entry.subjects.includes('household') && !cashView.household && individual) {
    cashView.household = {
      multiple:
        individual.multiple === null
          ? null
          : Math.round(individual.multiple * meta.householdCash.factor * 100) / 100,
      article: `${individual.article}; ${meta.householdCash.article}`,
      confidence:
        individual.confidence === 'U' || meta.householdCash.confidence === 'U'
          ? 'U'
          : individual.confidence === 'C' && meta.householdCash.confidence === 'C'
            ? 'C'
            : 'S',
      note: `${meta.householdCash.factor} lần mức của cá nhân`,
    };
  }
  const criteria: AwardRuleView['criteria'] = {};
  for (const subject of entry.subjects) {
    const effective = ruleSet.data.criteria[award][subject];
    if (effective)
      criteria[subject] = { ...effective, lines: describeRule(effective.rule, ruleSet.context.name) };
  }
  return {
    code: award,
    name: ruleSet.context.name(award),
    family: entry.family,
    subjects: entry.subjects,
    rewardTypes: entry.rewardTypes,
    statistics: entry.statistics,
    ruleSet: meta.id,
    deciders: grantsFor(ruleSet, award)
      .filter((grant) => grant.awards !== '*')
      .flatMap((grant) =>
        grant.kinds.map((kind) => ({
          kind,
          label: deciderLabel(kind),
          article: grant.article,
          confidence: grant.confidence,
          ...(grant.note ? { note: grant.note } : {}),
        })),
      ),
    cash: cashView,
    procedure: procedureOf(ruleSet.data, award),
    criteria,
  };
}
