import {
  type DashboardSettingsView,
  type FairnessGroup,
  type FairnessRow,
  fairnessGroupLabels,
} from '#contracts/dashboards.ts';
import type { FairnessCounts } from './fairness.repo.ts';

/** A share in percent with one decimal, or null when there is nothing to share. */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

const formatPercent = (value: number) => `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;

function row(
  group: FairnessGroup,
  awards: number,
  awardBase: number,
  staff: number,
  staffBase: number,
  threshold: number | null,
): FairnessRow {
  const awardShare = percent(awards, awardBase);
  const staffShare = percent(staff, staffBase);
  const isBelow =
    threshold !== null && awardShare !== null && staffShare !== null && awardShare < staffShare - threshold;
  return {
    group,
    label: fairnessGroupLabels[group],
    awards,
    awardBase,
    awardShare,
    staff,
    staffBase,
    staffShare,
    threshold,
    isBelow,
  };
}

/**
 * The four groups' award shares against their shares of the staff (of the collectives for small
 * collectives), each flagged when it falls more than the office's threshold below; leaders carry no
 * threshold (the comparison shows whether they are favoured).
 */
export function fairnessRows(counts: FairnessCounts, settings: DashboardSettingsView): FairnessRow[] {
  const sizedAwards = counts.collectiveAwards - counts.collectiveAwardsUnknown;
  return [
    row(
      'direct_worker',
      counts.awardsDirect,
      counts.individualAwards,
      counts.staffDirect,
      counts.staff,
      settings.directWorkerGap,
    ),
    row('leader', counts.awardsLeader, counts.individualAwards, counts.staffLeader, counts.staff, null),
    row(
      'women',
      counts.awardsWomen,
      counts.individualAwards,
      counts.staffWomen,
      counts.staff,
      settings.womenGap,
    ),
    row(
      'small_collective',
      counts.collectiveAwardsSmall,
      sizedAwards,
      counts.smallUnits,
      counts.units,
      settings.smallCollectiveGap,
    ),
  ];
}

const noteSubjects: Record<Exclude<FairnessGroup, 'leader'>, { awards: string; staff: string }> = {
  direct_worker: {
    awards: 'Tỷ lệ khen thưởng người lao động trực tiếp',
    staff: 'tỷ lệ của họ trong biên chế',
  },
  women: { awards: 'Tỷ lệ khen thưởng nữ', staff: 'tỷ lệ nữ trong biên chế' },
  small_collective: {
    awards: 'Tỷ lệ khen thưởng tập thể nhỏ',
    staff: 'tỷ lệ tập thể nhỏ trong các tập thể của đơn vị',
  },
};

/**
 * One plain-language Vietnamese note per group whose share falls below the threshold, e.g. "Tỷ lệ khen
 * thưởng người lao động trực tiếp (18 %) thấp hơn tỷ lệ của họ trong biên chế (62 %) 44 điểm phần
 * trăm, vượt ngưỡng cảnh báo 10 điểm …".
 */
export function fairnessNotes(rows: FairnessRow[], smallSize: number): string[] {
  const notes: string[] = [];
  for (const item of rows) {
    if (!item.isBelow || item.group === 'leader') continue;
    const subject = noteSubjects[item.group];
    const awardShare = item.awardShare ?? 0;
    const staffShare = item.staffShare ?? 0;
    const gap = Math.round((staffShare - awardShare) * 10) / 10;
    const size = item.group === 'small_collective' ? ` (tập thể có từ ${smallSize} người trở xuống)` : '';
    const advice =
      item.group === 'women'
        ? 'Đề nghị quan tâm khen thưởng cán bộ nữ có thành tích.'
        : 'Đề nghị ưu tiên khen thưởng theo chỉ đạo (ưu tiên tập thể nhỏ, người lao động trực tiếp).';
    notes.push(
      `${subject.awards}${size} (${formatPercent(awardShare)}) thấp hơn ${subject.staff} (${formatPercent(staffShare)}) ` +
        `${formatPercent(gap).replace(' %', '')} điểm phần trăm, vượt ngưỡng cảnh báo ${item.threshold} điểm do cơ quan thường trực đặt. ${advice}`,
    );
  }
  return notes;
}
