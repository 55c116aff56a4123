import { isGroup, type RuleLeaf, type RuleNode } from '#contracts/award-rules.ts';
import { type AwardCode, disciplineLevelLabels } from '#contracts/awards.ts';
import { inline } from './condition-context.ts';
import { ratingNeed } from './conditions-years.ts';

const yearText = (offset: number) =>
  offset === 0 ? 'năm xét' : offset === -1 ? 'năm trước năm xét' : `${-offset} năm trước năm xét`;
const windowText = (from: number, to: number) =>
  from === to ? yearText(from) : `${to - from + 1} năm tính đến ${yearText(to)}`;
const scopeText = {
  unit: 'cấp cơ sở trở lên',
  province: 'cấp bộ, ban, ngành, tỉnh trở lên',
  national: 'toàn quốc',
};
const metricText = {
  completedDuties: 'thành viên hoàn thành nhiệm vụ',
  ldtt: 'thành viên đạt Lao động tiên tiến',
  cstdcs: 'thành viên đạt Chiến sĩ thi đua cơ sở',
  disciplinedWarningOrAbove: 'thành viên bị kỷ luật từ cảnh cáo trở lên',
};

/** A Vietnamese sentence stating what one condition requires (for the catalogue page and `rules list`). */
export function describeCondition(leaf: RuleLeaf, name: (code: AwardCode) => string): string {
  const names = (codes: readonly AwardCode[]) => codes.map(name).join(' hoặc ');
  switch (leaf.kind) {
    case 'rating_at_least':
      return `Xếp loại ${ratingNeed(leaf.level)} ${yearText(leaf.year)}`;
    case 'not_rated':
      return `Không thuộc diện đánh giá, xếp loại chất lượng ${yearText(leaf.year)}`;
    case 'title_in_year':
      return `Có ${names(leaf.codes)} ${yearText(leaf.year)}`;
    case 'consecutive_titles':
      return (leaf.every ?? 1) === 1
        ? `${leaf.count} năm liên tục có ${names(leaf.codes)}, tính đến năm xét`
        : `${leaf.count} lần liên tục ${names(leaf.codes)} (cách nhau ${leaf.every} năm), lần cuối vào năm xét`;
    case 'initiative':
      return `Có ${leaf.count ?? 1} sáng kiến (đề tài, công trình) ${scopeText[leaf.minScope]} trong ${windowText(leaf.fromYear, leaf.toYear)}, chưa dùng cho khen thưởng khác`;
    case 'after_award_chain': {
      const parts = [
        `Sau ${names(leaf.after)}, ${leaf.years} năm liên tục tiếp theo xếp loại ${ratingNeed(leaf.minRating)}`,
      ];
      if (leaf.ratings) parts.push(`trong đó ${leaf.ratings.count} năm ${ratingNeed(leaf.ratings.level)}`);
      if (leaf.titles) parts.push(`${leaf.titles.count} lần ${names(leaf.titles.codes)}`);
      if (leaf.initiatives)
        parts.push(`${leaf.initiatives.count} sáng kiến ${scopeText[leaf.initiatives.minScope]}`);
      return parts.join(', ');
    }
    case 'member_share': {
      const share = `${Math.round(leaf.value * 100)}%`;
      return {
        at_least_share: `Từ ${share} ${metricText[leaf.metric]} trở lên`,
        more_than_share: `Trên ${share} ${metricText[leaf.metric]}`,
        at_least_count: `Ít nhất ${leaf.value} ${metricText[leaf.metric]}`,
        at_most_count:
          leaf.value === 0
            ? `Không có ${metricText[leaf.metric]}`
            : `Không quá ${leaf.value} ${metricText[leaf.metric]}`,
      }[leaf.comparison];
    }
    case 'no_discipline':
      return `Không bị kỷ luật từ ${inline(disciplineLevelLabels[leaf.atLeast])} trở lên trong ${windowText(leaf.fromYear, leaf.toYear)}`;
    case 'nothing_pending':
      return 'Không đang bị xem xét kỷ luật, điều tra, thanh tra, giải quyết khiếu nại, tố cáo';
    case 'not_received':
      return leaf.codes
        ? `Chưa được tặng ${names(leaf.codes)} trong ${windowText(leaf.fromYear, leaf.toYear)}`
        : `Chưa được khen thưởng cùng hình thức cho cùng thành tích (${windowText(leaf.fromYear, leaf.toYear)})`;
    case 'judgment':
      return `Hội đồng xem xét: ${inline(leaf.text)}`;
  }
}

/** One line of a described rule tree: depth, text (a route label or a condition), article and mark. */
export interface DescribedLine {
  depth: number;
  text: string;
  article?: string;
  confidence?: RuleLeaf['confidence'];
}

/** The rule tree as indented lines: "Đạt tất cả" / "Đạt một trong các tuyến" then each condition. */
export function describeRule(node: RuleNode, name: (code: AwardCode) => string, depth = 0): DescribedLine[] {
  if (!isGroup(node)) {
    return [
      { depth, text: describeCondition(node, name), article: node.article, confidence: node.confidence },
    ];
  }
  const head = node.kind === 'all' ? 'Đạt tất cả các điều kiện' : 'Đạt một trong các tuyến';
  return [
    { depth, text: node.label ? `${node.label} — ${inline(head)}` : head },
    ...node.of.flatMap((child) => describeRule(child, name, depth + 1)),
  ];
}
