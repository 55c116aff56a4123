import type { RuleLeaf } from '#contracts/award-rules.ts';
import { DisciplineLevel, disciplineLevelLabels, Rating, ratingLabels } from '#contracts/awards.ts';
import {
  heldCode,
  inline,
  type LeafEvaluator,
  namesText,
  presence,
  type RuleContext,
  yearsText,
} from './condition-context.ts';
import { disciplineRank, REGULAR_BIT, ratingRank, yearOf } from './facts.ts';

type Leaf<K extends RuleLeaf['kind']> = Extract<RuleLeaf, { kind: K }>;

/** "hoàn thành tốt nhiệm vụ" for a rating rank. */
export const ratingText = (rank: number): string => inline(ratingLabels[Rating.options[rank] as Rating]);
/** "từ hoàn thành tốt nhiệm vụ trở lên", or the top rating alone. */
export const ratingNeed = (level: Rating): string =>
  level === 'HTXSNV' ? inline(ratingLabels.HTXSNV) : `từ ${inline(ratingLabels[level])} trở lên`;

/** Rating at least a level in one year. */
export function compileRatingAtLeast(leaf: Leaf<'rating_at_least'>): LeafEvaluator {
  const level = ratingRank(leaf.level);
  const need = ratingNeed(leaf.level);
  return (facts) => {
    const year = facts.forYear + leaf.year;
    const rating = yearOf(facts, year).rating;
    if (rating < 0) return { met: false, message: `Năm ${year} chưa có kết quả xếp loại (cần ${need}).` };
    return { met: rating >= level, message: `Năm ${year} xếp loại ${ratingText(rating)} (cần ${need}).` };
  };
}

/** Not rated in a year: a worker or farmer outside the rating of officials. */
export function compileNotRated(leaf: Leaf<'not_rated'>): LeafEvaluator {
  return (facts) => {
    const year = facts.forYear + leaf.year;
    const rating = yearOf(facts, year).rating;
    return rating < 0
      ? { met: true, message: `Năm ${year} không thuộc diện đánh giá, xếp loại chất lượng.` }
      : {
          met: false,
          message: `Năm ${year} đã được xếp loại ${ratingText(rating)}: xét theo tiêu chuẩn của cán bộ, công chức, viên chức, người lao động.`,
        };
  };
}

/** The message and outcome when only awards of excluded reward types were found. */
export function excludedOutcome(what: string, context: RuleContext) {
  const message = `${what} chỉ là khen thưởng đột xuất hoặc chuyên đề, không tính vào chuỗi khen thưởng công trạng (${context.exclusion.article}).`;
  return context.exclusion.unconfirmed
    ? { met: null, message, doubt: `${message} Quy định này chưa được xác nhận.` }
    : { met: false, message };
}

/** One of the codes held for a year. */
export function compileTitleInYear(leaf: Leaf<'title_in_year'>, context: RuleContext): LeafEvaluator {
  return (facts) => {
    const year = facts.forYear + leaf.year;
    const held = yearOf(facts, year);
    const found = presence(held, leaf.codes, context.countedMask);
    if (found === 2) {
      const code = heldCode(held, leaf.codes, context.countedMask) ?? leaf.codes[0];
      return { met: true, message: `Năm ${year} có ${code ? context.name(code) : ''}.` };
    }
    if (found === 1) return excludedOutcome(`Năm ${year}, ${namesText(leaf.codes, context)}`, context);
    return { met: false, message: `Năm ${year} chưa có ${namesText(leaf.codes, context)}.` };
  };
}

/** `count` links ending at the year of achievement, `every` years apart, each holding one of the codes. */
export function compileConsecutiveTitles(
  leaf: Leaf<'consecutive_titles'>,
  context: RuleContext,
): LeafEvaluator {
  const every = leaf.every ?? 1;
  return (facts) => {
    const links = Array.from({ length: leaf.count }, (_, index) => facts.forYear - index * every);
    const held = (mask: number) => {
      let count = 0;
      while (count < links.length && presence(yearOf(facts, links[count] as number), leaf.codes, mask) > 0)
        count += 1;
      return count;
    };
    const names = namesText(leaf.codes, context);
    const strict = held(context.countedMask);
    const listed = [...links].reverse().join(', ');
    if (strict === leaf.count) {
      return { met: true, message: `Có ${leaf.count} lần liên tục ${names}: năm ${listed}.` };
    }
    const missing = links[strict] as number;
    if (held(~0) === leaf.count) return excludedOutcome(`Năm ${missing}, ${names}`, context);
    return {
      met: false,
      message: `Mới có ${strict}/${leaf.count} lần liên tục ${names} tính đến năm ${facts.forYear} (cần các năm ${listed}; thiếu năm ${missing}).`,
    };
  };
}

/** No discipline at or above a level in the years given. */
export function compileNoDiscipline(leaf: Leaf<'no_discipline'>): LeafEvaluator {
  const level = disciplineRank(leaf.atLeast);
  return (facts) => {
    const from = facts.forYear + leaf.fromYear;
    const to = facts.forYear + leaf.toYear;
    for (let year = from; year <= to; year += 1) {
      const discipline = yearOf(facts, year).discipline;
      if (discipline >= level) {
        const label = inline(disciplineLevelLabels[DisciplineLevel.options[discipline] as DisciplineLevel]);
        return {
          met: false,
          message: `Năm ${year} bị kỷ luật (${label}): thành tích chỉ được tính từ khi hết thời hạn kỷ luật.`,
        };
      }
    }
    return {
      met: true,
      message: `Không bị kỷ luật từ ${inline(disciplineLevelLabels[leaf.atLeast])} trở lên trong ${yearsText(from, to)}.`,
    };
  };
}

/** Not already received: a duplicate when the window holds the year of achievement, else the counting rule. */
export function compileNotReceived(leaf: Leaf<'not_received'>, context: RuleContext): LeafEvaluator {
  const duplicate = leaf.toYear === 0;
  const mask = duplicate ? REGULAR_BIT : context.countedMask;
  return (facts) => {
    const codes = leaf.codes ?? [facts.award];
    const names = namesText(codes, context);
    const from = facts.forYear + leaf.fromYear;
    const to = facts.forYear + leaf.toYear;
    for (let year = to; year >= from; year -= 1) {
      const code = heldCode(yearOf(facts, year), codes, mask);
      if (!code) continue;
      return {
        met: false,
        message: duplicate
          ? `Đã được tặng ${context.name(code)} (công trạng) cho thành tích năm ${year}: một thành tích không khen thưởng hai lần.`
          : `Đã được tặng ${context.name(code)} cho thành tích năm ${year}: thời gian xét lần sau tính từ lần khen thưởng trước.`,
      };
    }
    return { met: true, message: `Chưa được tặng ${names} cho thành tích ${yearsText(from, to)}.` };
  };
}
