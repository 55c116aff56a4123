import type { RuleLeaf } from '#contracts/award-rules.ts';
import { type AwardCode, type InitiativeScope, initiativeScopeLabels } from '#contracts/awards.ts';
import {
  countYears,
  type LeafEvaluator,
  type LeafOutcome,
  namesText,
  presence,
  type RuleContext,
  yearsText,
} from './condition-context.ts';
import { excludedOutcome, ratingNeed, ratingText } from './conditions-years.ts';
import { type Facts, ratingRank, scopeRank, yearOf } from './facts.ts';

type Leaf<K extends RuleLeaf['kind']> = Extract<RuleLeaf, { kind: K }>;

/** "cấp cơ sở trở lên" / "toàn quốc". */
const scopeText = (scope: InitiativeScope) =>
  scope === 'national' ? initiativeScopeLabels.national : `${initiativeScopeLabels[scope]} trở lên`;

/** Initiatives of at least a scope recognised in from..to: all of them, and those not used by another award. */
function countInitiatives(facts: Facts, from: number, to: number, minScope: number) {
  let total = 0;
  let usable = 0;
  for (let year = from; year <= to; year += 1) {
    for (const initiative of yearOf(facts, year).initiatives) {
      if (scopeRank(initiative.scope) < minScope) continue;
      total += 1;
      const used = initiative.usedFor;
      if (!used || (used.award === facts.award && used.forYear === facts.forYear)) usable += 1;
    }
  }
  return { total, usable };
}

/** The outcome when enough initiatives exist only by counting those already used. */
function usedOutcome(message: string, context: RuleContext): LeafOutcome {
  const text = `${message}; mỗi sáng kiến chỉ được dùng làm căn cứ khen thưởng một lần (${context.initiativeOnce.article}).`;
  return context.initiativeOnce.unconfirmed
    ? { met: null, message: text, doubt: text }
    : { met: false, message: text };
}

/** At least `count` unused initiatives of scope `minScope` or wider, recognised in the years given. */
export function compileInitiative(leaf: Leaf<'initiative'>, context: RuleContext): LeafEvaluator {
  const minScope = scopeRank(leaf.minScope);
  const count = leaf.count ?? 1;
  return (facts) => {
    const from = facts.forYear + leaf.fromYear;
    const to = facts.forYear + leaf.toYear;
    const { total, usable } = countInitiatives(facts, from, to, minScope);
    const where = `${scopeText(leaf.minScope)} trong ${yearsText(from, to)}`;
    if (usable >= count) {
      return {
        met: true,
        message: `Có ${usable} sáng kiến (đề tài, công trình) được công nhận ${where} (cần ${count}).`,
      };
    }
    if (total >= count) {
      return usedOutcome(
        `Có ${total} sáng kiến được công nhận ${where} nhưng ${total - usable} sáng kiến đã làm căn cứ cho khen thưởng khác`,
        context,
      );
    }
    return { met: false, message: `Chưa đủ sáng kiến được công nhận ${where}: có ${total}, cần ${count}.` };
  };
}

/** The latest year up to `last` holding one of the codes under the mask. */
function latestYear(
  facts: Facts,
  codes: readonly AwardCode[],
  last: number,
  mask: number,
): number | undefined {
  let latest: number | undefined;
  for (const [year, held] of facts.years) {
    if (year <= last && (latest === undefined || year > latest) && presence(held, codes, mask) === 2)
      latest = year;
  }
  return latest;
}

/** After award A, `years` consecutive years rated ≥ X, containing K titles T, M top ratings and initiatives. */
export function compileAfterAwardChain(leaf: Leaf<'after_award_chain'>, context: RuleContext): LeafEvaluator {
  const minRating = ratingRank(leaf.minRating);
  const after = namesText(leaf.after, context);
  return (facts) => {
    const start = facts.forYear - leaf.years + 1;
    const end = facts.forYear;
    const failures: string[] = [];
    const found: string[] = [];
    const prerequisite = latestYear(facts, leaf.after, start - 1, context.countedMask);
    let excludedOnly = false;
    if (prerequisite === undefined) {
      const inside = latestYear(facts, leaf.after, end, context.countedMask);
      if (latestYear(facts, leaf.after, start - 1, ~0) !== undefined) excludedOnly = true;
      else if (inside !== undefined) {
        failures.push(
          `có ${context.name(leaf.after[0] as AwardCode)} năm ${inside} nhưng chưa đủ ${leaf.years} năm tiếp theo`,
        );
      } else failures.push(`chưa có ${after} trước năm ${start}`);
    } else found.push(`đã có ${after} năm ${prerequisite}`);
    const below: string[] = [];
    for (let year = start; year <= end; year += 1) {
      const rating = yearOf(facts, year).rating;
      if (rating < 0) below.push(`${year} chưa xếp loại`);
      else if (rating < minRating) below.push(`${year} ${ratingText(rating)}`);
    }
    if (below.length) failures.push(`năm chưa đạt ${ratingNeed(leaf.minRating)}: ${below.join(', ')}`);
    else found.push(`${leaf.years} năm liên tục ${start}–${end} ${ratingNeed(leaf.minRating)}`);
    if (leaf.ratings) {
      const level = ratingRank(leaf.ratings.level);
      const count = countYears(facts, start, end, (year) => year.rating >= level);
      const text = `${count}/${leaf.ratings.count} năm ${ratingNeed(leaf.ratings.level)}`;
      (count >= leaf.ratings.count ? found : failures).push(text);
    }
    if (leaf.titles) {
      const { codes, count: need } = leaf.titles;
      const count = countYears(facts, start, end, (year) => presence(year, codes, context.countedMask) === 2);
      (count >= need ? found : failures).push(`${count}/${need} lần ${namesText(codes, context)}`);
    }
    if (leaf.initiatives) {
      const { usable } = countInitiatives(facts, start, end, scopeRank(leaf.initiatives.minScope));
      const text = `${usable}/${leaf.initiatives.count} sáng kiến ${scopeText(leaf.initiatives.minScope)} chưa dùng cho khen thưởng khác`;
      (usable >= leaf.initiatives.count ? found : failures).push(text);
    }
    const window = `(${leaf.years} năm ${start}–${end})`;
    if (excludedOnly) {
      const outcome = excludedOutcome(`${after} trước năm ${start}`, context);
      if (failures.length === 0) return outcome;
      failures.unshift(outcome.message.replace(/\.$/, ''));
    }
    if (failures.length) return { met: false, message: `Chưa đạt ${window}: ${failures.join('; ')}.` };
    return { met: true, message: `Đạt ${window}: ${found.join('; ')}.` };
  };
}
