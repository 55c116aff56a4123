import { awardCatalogue } from '#contracts/award-catalogue.ts';
import {
  type AwardCode,
  type AwardSubject,
  awardSubjectLabels,
  type EligibilityCheck,
  type EligibilityFacts,
  type EligibilityResult,
  type Verdict,
} from '#contracts/awards.ts';
import { decideAuthority } from './authority.ts';
import { computeCash, formatDate } from './cash.ts';
import type { CompiledNode, Sink } from './compile.ts';
import { buildFacts } from './facts.ts';
import { type CompiledRuleSet, type RuleRegistry, ruleSetOn } from './registry.ts';
import { EligibilityInputError } from './rule-data-error.ts';
import type { EffectiveCriteria } from './rule-set.ts';
import { Value } from './values.ts';

const verdictOf = (value: Value): Verdict =>
  value === Value.TRUE ? 'eligible' : value === Value.FALSE ? 'not_eligible' : 'needs_review';

/** The rule of one award for one subject in the rule set in force on a date, found once for many checks. */
export interface PreparedCheck {
  ruleSet: CompiledRuleSet;
  award: AwardCode;
  subject: AwardSubject;
  name: string;
  compiled: { criteria: EffectiveCriteria; evaluate: CompiledNode } | undefined;
}

/** What the rule found for one subject: the verdict, every check and the warnings. */
export interface Judgement {
  verdict: Verdict;
  checks: EligibilityCheck[];
  warnings: string[];
}

/**
 * Picks the rule set in force on the decision date and the award's compiled rule for the subject.
 * Throws EligibilityInputError only when no rule set covers the date.
 */
export function prepareCheck(
  registry: RuleRegistry,
  award: AwardCode,
  subject: AwardSubject,
  date: string,
): PreparedCheck {
  const ruleSet = ruleSetOn(registry, date);
  if (!ruleSet) {
    throw new EligibilityInputError(
      `Không có bộ quy tắc khen thưởng nào áp dụng cho ngày ${formatDate(date)}.`,
      'date',
    );
  }
  return {
    ruleSet,
    award,
    subject,
    name: ruleSet.context.name(award),
    compiled: ruleSet.rules.get(award)?.[subject],
  };
}

/** The verdict, checks and warnings of one subject under a prepared rule (the input's award, subject and date are the prepared ones). */
export function judge(prepared: PreparedCheck, input: EligibilityFacts): Judgement {
  const { ruleSet, award, subject, name, compiled } = prepared;
  const sink: Sink = { checks: [], warnings: [], doubtful: [], judged: false };
  let verdict: Verdict;
  if (!compiled) {
    const entry = awardCatalogue[award];
    const check: EligibilityCheck = {
      code: 'doi_tuong',
      article: entry.article,
      confidence: 'C',
      met: false,
      message: `${name} không xét tặng cho ${awardSubjectLabels[subject].toLowerCase()}; chỉ xét tặng cho: ${entry.subjects
        .map((item) => awardSubjectLabels[item].toLowerCase())
        .join(', ')}.`,
    };
    sink.checks.push(check);
    verdict = 'not_eligible';
  } else {
    verdict = verdictOf(compiled.evaluate(buildFacts(input), sink));
  }
  const warnings = [...sink.warnings];
  if (input.members && subject !== 'collective') {
    warnings.push(
      'Số liệu thành viên chỉ dùng khi xét cho tập thể; đã bỏ qua khi xét cho cá nhân, hộ gia đình.',
    );
  }
  for (const check of sink.doubtful) {
    warnings.push(
      `Điều kiện chưa được xác nhận (mức U), cần cán bộ kiểm tra: ${check.message} (${check.article})`,
    );
  }
  for (const transition of ruleSet.data.meta.transitions) {
    if (input.forYear > transition.forYearAtMost) continue;
    warnings.push(`${transition.message} (${transition.article})`);
    if (transition.review && verdict === 'eligible') verdict = 'needs_review';
  }
  if (verdict === 'needs_review' && sink.judged) {
    warnings.push(
      'Còn tiêu chuẩn do Hội đồng Thi đua – Khen thưởng đánh giá: cần xem xét hồ sơ trước khi đề nghị.',
    );
  }
  return { verdict, checks: sink.checks, warnings };
}

/**
 * The eligibility engine: one pure function. Takes the registry (rule sets, base salaries), and the
 * parsed input; picks the rule set in force on the decision date and returns the verdict, every check
 * with its article and mark, whether the decider is competent and the cash amount. Throws
 * EligibilityInputError only when no rule set covers the date.
 */
export function checkEligibility(registry: RuleRegistry, input: EligibilityFacts): EligibilityResult {
  const prepared = prepareCheck(registry, input.award, input.subject, input.date);
  const { ruleSet, award, subject, name, compiled } = prepared;
  const { verdict, checks, warnings } = judge(prepared, input);
  const result: EligibilityResult = {
    award,
    awardName: name,
    ruleSet: ruleSet.data.meta.id,
    ruleSetName: ruleSet.data.meta.name,
    subject,
    forYear: input.forYear,
    date: input.date,
    verdict,
    checks,
    warnings,
    notes: (compiled?.criteria.notes ?? []).map((note) => ({
      message: note.text,
      article: note.article,
      confidence: note.confidence,
    })),
    cash: computeCash(registry, ruleSet, award, subject, input.date),
  };
  if (input.decider) result.authority = decideAuthority(ruleSet, award, input.decider.unitKind);
  return result;
}
