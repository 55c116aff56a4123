import type { AwardCode, AwardSubject, DeciderKind } from '#contracts/awards.ts';
import { awardName } from '#contracts/awards.ts';
import {
  computeCash,
  decideAuthority,
  formatDate,
  type RuleRegistry,
  ruleSetOn,
} from '#server/modules/awards/index.ts';

export { effectiveRegistry } from '#server/modules/awards/eligibility/effective-rules.ts';

/** A person receives an award as an individual, a household as a household, a unit as a collective. */
export const subjectOf = (recipient: {
  personId?: string | null | undefined;
  householdName?: string | null | undefined;
}): AwardSubject =>
  recipient.personId ? 'individual' : recipient.householdName ? 'household' : 'collective';

/** Who a recipient or award record is, as one key: the person, the unit, or the household in its unit. */
export const subjectKey = (recipient: {
  personId: string | null;
  unitId: string | null;
  householdName: string | null;
  householdUnitId: string | null;
}): string =>
  recipient.personId ??
  recipient.unitId ??
  `${recipient.householdUnitId ?? ''}|${recipient.householdName ?? ''}`;

/** Competence of the issuing unit's kind for an award under the rule set in force on the date. */
export function authorityFor(registry: RuleRegistry, date: string, unitKind: string, award: AwardCode) {
  const ruleSet = ruleSetOn(registry, date);
  if (!ruleSet) {
    return {
      awardCode: award,
      awardName: awardName(award),
      competent: null,
      article: '',
      message: `Chưa có bộ quy định khen thưởng áp dụng cho ngày ${formatDate(date)}.`,
    };
  }
  const found = decideAuthority(ruleSet, award, unitKind as DeciderKind);
  return {
    awardCode: award,
    awardName: awardName(award),
    competent: found.competent,
    article: found.article,
    message: found.message,
  };
}

/** The cash of an award on the decision date (multiple × base salary, rounded as the rule set says). */
export function cashFor(
  registry: RuleRegistry,
  date: string,
  award: AwardCode,
  subject: AwardSubject,
): { multiple: number | null; amount: number | null } {
  const ruleSet = ruleSetOn(registry, date);
  if (!ruleSet) return { multiple: null, amount: null };
  const cash = computeCash(registry, ruleSet, award, subject, date);
  return { multiple: cash?.multiple ?? null, amount: cash?.amount ?? null };
}
