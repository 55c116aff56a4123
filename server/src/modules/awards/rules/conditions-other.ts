import type { RuleLeaf } from '#contracts/award-rules.ts';
import { type LeafEvaluator, sentence } from './condition-context.ts';

type Leaf<K extends RuleLeaf['kind']> = Extract<RuleLeaf, { kind: K }>;

const metricLabels = {
  completedDuties: 'hoàn thành nhiệm vụ',
  ldtt: 'đạt danh hiệu Lao động tiên tiến',
  cstdcs: 'đạt danh hiệu Chiến sĩ thi đua cơ sở',
  disciplinedWarningOrAbove: 'bị kỷ luật từ cảnh cáo trở lên',
} as const;

const percent = (value: number) => `${Math.round(value * 1000) / 10}`.replace('.', ',');

/** A share or count of the members of the collective in the year of achievement. */
export function compileMemberShare(leaf: Leaf<'member_share'>): LeafEvaluator {
  const label = metricLabels[leaf.metric];
  const share = leaf.comparison === 'at_least_share' || leaf.comparison === 'more_than_share';
  const need = {
    at_least_share: `từ ${percent(leaf.value)}% trở lên`,
    more_than_share: `trên ${percent(leaf.value)}%`,
    at_least_count: `ít nhất ${leaf.value}`,
    at_most_count: leaf.value === 0 ? 'không có' : `không quá ${leaf.value}`,
  }[leaf.comparison];
  // Shares compared in thousandths of the whole, so 14/20 meets 70% exactly.
  const threshold = Math.round(leaf.value * 1000);
  return (facts) => {
    const members = facts.members;
    if (!members)
      return { met: false, message: `Chưa có số liệu thành viên của tập thể năm ${facts.forYear}.` };
    const count = members[leaf.metric];
    const total = members.total;
    const met = {
      at_least_share: count * 1000 >= threshold * total,
      more_than_share: count * 1000 > threshold * total,
      at_least_count: count >= leaf.value,
      at_most_count: count <= leaf.value,
    }[leaf.comparison];
    if (share) {
      return {
        met,
        message: `${count}/${total} thành viên (${percent(count / total)}%) ${label} (cần ${need}).`,
      };
    }
    if (leaf.comparison === 'at_most_count' && leaf.value === 0 && count === 0) {
      return { met, message: `Không có thành viên nào ${label}.` };
    }
    return { met, message: `${count} thành viên ${label} (cần ${need}).` };
  };
}

const pendingLabels = {
  discipline: 'đang bị xem xét kỷ luật',
  investigation: 'đang bị điều tra',
  inspection: 'đang bị thanh tra, kiểm tra',
  complaint: 'đang có đơn thư khiếu nại, tố cáo đang được xác minh',
} as const;

/** Nothing pending against the subject. */
export function compileNothingPending(): LeafEvaluator {
  return (facts) => {
    const pending = facts.pending;
    const open = pending
      ? (Object.keys(pendingLabels) as (keyof typeof pendingLabels)[]).filter((key) => pending[key])
      : [];
    if (open.length === 0) {
      return {
        met: true,
        message: 'Không có việc đang xem xét kỷ luật, điều tra, thanh tra, khiếu nại, tố cáo.',
      };
    }
    const list = open.map((key) => pendingLabels[key]).join('; ');
    return { met: false, message: `${sentence(list)}: chưa xét khen thưởng.` };
  };
}

/** The judgment "leads its bloc" (dẫn đầu cụm, khối thi đua) that a published bloc scoring informs. */
export const BLOC_LEADER_JUDGMENT = 'dan_dau_cum_khoi';

/**
 * A criterion only the council can judge. One exception: "leads its bloc" is a fact once the bloc's
 * scoring is published. For the Cờ thi đua of a ministry or province (Luật Đ26 k1) it is the
 * criterion itself, so it is met; for the Government's Cờ (Đ25 k1, outstanding among the leaders)
 * the council still chooses, and the message says the unit leads.
 */
export function compileJudgment(leaf: Leaf<'judgment'>): LeafEvaluator {
  const message = `${leaf.text} — cần Hội đồng Thi đua – Khen thưởng xem xét.`;
  if (leaf.code !== BLOC_LEADER_JUDGMENT) return () => ({ met: null, message });
  return (facts) => {
    if (!facts.leadsBloc) return { met: null, message };
    const leads = `Dẫn đầu khối/cụm thi đua năm ${facts.forYear} theo kết quả chấm điểm đã công bố`;
    if (facts.award === 'CO_BO_TINH') return { met: true, message: `${leads}.` };
    return { met: null, message: `${leads}; ${message}` };
  };
}
