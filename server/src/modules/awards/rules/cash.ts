import type { CashEntry } from '#contracts/award-rules.ts';
import type { AwardCode, AwardSubject, Confidence, EligibilityResult } from '#contracts/awards.ts';
import { baseSalaryOn, type CompiledRuleSet, type RuleRegistry } from './registry.ts';

/** "2.340.000 đ". */
export function formatVnd(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

/** "1,5". */
export const formatMultiple = (multiple: number): string => String(multiple).replace('.', ',');

/** "01/07/2024". */
export const formatDate = (date: string): string => date.split('-').reverse().join('/');

const weakest = (...marks: Confidence[]): Confidence =>
  marks.includes('U') ? 'U' : marks.includes('S') ? 'S' : 'C';

/**
 * Cash of an award: its multiple × the base salary in force on the decision date, rounded as the rule
 * set says. Households get the rule set's factor × the individual amount when no own entry exists.
 */
export function computeCash(
  registry: RuleRegistry,
  ruleSet: CompiledRuleSet,
  award: AwardCode,
  subject: AwardSubject,
  date: string,
): EligibilityResult['cash'] {
  const { meta, cash } = ruleSet.data;
  const name = ruleSet.context.name(award);
  const own = cash[award][subject];
  const individual = cash[award].individual;
  const household = !own && subject === 'household' && individual;
  const entry: CashEntry | undefined = own ?? (household ? individual : undefined);
  const base = baseSalaryOn(registry, date);
  if (!entry || entry.multiple === null) {
    return {
      multiple: null,
      baseSalary: base?.amount ?? null,
      amount: null,
      article: entry?.article ?? meta.name,
      confidence: 'U',
      message: `Chưa có mức tiền thưởng đã xác nhận cho ${name}; cần cán bộ kiểm tra.`,
    };
  }
  const multiple = household
    ? Math.round(entry.multiple * meta.householdCash.factor * 100) / 100
    : entry.multiple;
  if (!base) {
    return {
      multiple,
      baseSalary: null,
      amount: null,
      article: entry.article,
      confidence: 'U',
      message: `Chưa có mức lương cơ sở cho ngày ${formatDate(date)}.`,
    };
  }
  const exact = Math.round((Math.round(multiple * 100) * base.amount) / 100);
  const step = meta.rounding.step;
  const amount = step ? Math.ceil(exact / step) * step : exact;
  const parts = [
    household
      ? `${formatMultiple(meta.householdCash.factor)} × ${formatMultiple(entry.multiple)} (hộ gia đình, ${meta.householdCash.article})`
      : formatMultiple(multiple),
    `× ${formatVnd(base.amount)} (lương cơ sở từ ${formatDate(base.from)}, ${base.article})`,
    `= ${formatVnd(exact)}`,
  ];
  if (step && amount !== exact) parts.push(`, làm tròn lên ${formatVnd(amount)} (${meta.rounding.article})`);
  const marks = [
    entry.confidence,
    base.confidence,
    ...(step && amount !== exact ? [meta.rounding.confidence] : []),
  ];
  if (household) marks.push(meta.householdCash.confidence);
  return {
    multiple,
    baseSalary: base.amount,
    amount,
    article: entry.article,
    confidence: weakest(...marks),
    message: `${parts.join(' ')}.${entry.note ? ` Ghi chú: ${entry.note}.` : ''}`,
  };
}
