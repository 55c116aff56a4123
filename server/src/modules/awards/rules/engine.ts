import { awardCatalogue } from '#contracts/award-catalogue.ts';
import {
  awardSubjectLabels,
  type EligibilityCheck,
  type EligibilityFacts,
  type EligibilityResult,
  type Verdict,
} from '#contracts/awards.ts';
import { decideAuthority } from './authority.ts';
import { computeCash, formatDate } from './cash.ts';
import type { Sink } from './compile.ts';
import { buildFacts } from './facts.ts';
import { type RuleRegistry, ruleSetOn } from './registry.ts';
import { EligibilityInputError } from './rule-data-error.ts';
import { Value } from './values.ts';

const verdictOf = (value: Value): Verdict =>
  value === Value.TRUE ? 'eligible' : value === Value.FALSE ? 'not_eligible' : 'needs_review';

/**
 * The eligibility engine: one pure function. Takes the registry (rule sets, base salaries), and the
 * parsed input; picks the rule set in force on the decision date and returns the verdict, every check
 * with its article and mark, whether the decider is competent and the cash amount. Throws
 * EligibilityInputError only when no rule set covers the date.
 */
export function checkEligibility(registry: RuleRegistry, input: EligibilityFacts): EligibilityResult {
  const ruleSet = ruleSetOn(registry, input.date);
  if (!ruleSet) {
    throw new EligibilityInputError(
      `Không có bộ quy tắc khen thưởng nào áp dụng cho ngày ${formatDate(input.date)}.`,
      'date',
    );
  }
  const { award, subject } = input;
  const name = ruleSet.context.name(award);
  const compiled = ruleSet.rules.get(award)?.[subject];
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
  const result: EligibilityResult = {
    award,
    awardName: name,
    ruleSet: ruleSet.data.meta.id,
    ruleSetName: ruleSet.data.meta.name,
    subject,
    forYear: input.forYear,
    date: input.date,
    verdict,
    checks: sink.checks,
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
