import type { AwardCode, AwardSubject, Verdict } from '#contracts/awards.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { formatDate } from '../rules/cash.ts';
import { judge, prepareCheck } from '../rules/engine.ts';
import { type FactNeeds, factNeeds } from '../rules/fact-needs.ts';
import { type RuleRegistry, ruleSetOn } from '../rules/registry.ts';
import type { SubjectFacts } from './fact-drafts.ts';
import { reasonOf } from './reason.ts';
import { eligibilityInput } from './record-facts.ts';

type Outcome = { verdict: Verdict; reason: string; article: string };

/** How many different sets of facts one list remembers the outcome of. */
const MEMO_LIMIT = 20_000;

/** One award examined for every subject of a list: what facts to read, and the check of one subject. */
export interface CheckList {
  subject: AwardSubject;
  needs: FactNeeds;
  run(facts: SubjectFacts | undefined): Outcome;
}

/**
 * Prepares the check of one award, subject, decision date and year for a whole list: the rule set and
 * compiled rule are found once and the facts the rule reads worked out once (a 400 naming the date
 * when no rule set covers it). Each subject's verdict and reason are exactly those of
 * checkEligibility, without the cash and notes a list does not show.
 */
export function listChecker(
  registry: RuleRegistry,
  award: AwardCode,
  subject: AwardSubject,
  date: string,
  forYear: number,
): CheckList {
  const ruleSet = ruleSetOn(registry, date);
  if (!ruleSet) {
    const message = `Không có bộ quy tắc khen thưởng nào áp dụng cho ngày ${formatDate(date)}.`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: 'date', message }]);
  }
  const prepared = prepareCheck(registry, award, subject, date);
  // The engine is a pure function of the facts, and a list reads only the facts the rule looks at,
  // so many subjects share the same facts (a province holds a few hundred different ones for a
  // yearly title): each is judged once.
  const judged = new Map<string, Outcome>();
  return {
    subject,
    needs: factNeeds(ruleSet, award, subject, forYear),
    run(facts) {
      const key = facts ? JSON.stringify(facts) : '';
      let outcome = judged.get(key);
      if (!outcome) {
        const judgement = judge(prepared, eligibilityInput(award, subject, date, forYear, facts));
        outcome = { verdict: judgement.verdict, ...reasonOf({ ...judgement, awardName: prepared.name }) };
        if (judged.size < MEMO_LIMIT) judged.set(key, outcome);
      }
      return outcome;
    },
  };
}
