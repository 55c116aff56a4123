import { describe, expect, it } from 'vitest';
import type { DashboardSettingsView } from '#contracts/dashboards.ts';
import type { FairnessCounts } from './fairness.repo.ts';
import { fairnessNotes, fairnessRows, percent } from './fairness-rules.ts';

const settings: DashboardSettingsView = {
  unitId: '00000000-0000-4000-8000-000000000000',
  directWorkerGap: 10,
  womenGap: 10,
  smallCollectiveGap: 10,
  smallCollectiveSize: 30,
  version: 0,
  source: 'default',
  sourceUnitName: null,
  canEdit: true,
};
const counts: FairnessCounts = {
  staff: 100,
  staffDirect: 62,
  staffLeader: 15,
  staffWomen: 50,
  units: 10,
  smallUnits: 6,
  individualAwards: 50,
  awardsDirect: 9,
  awardsLeader: 30,
  awardsWomen: 21,
  collectiveAwards: 12,
  collectiveAwardsSmall: 6,
  collectiveAwardsUnknown: 2,
};

describe('fairness rules', () => {
  it('rounds shares to one decimal and has none without a base', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
  });

  it('flags a share more than the threshold below the staff share, never the leaders', () => {
    const rows = fairnessRows(counts, settings);
    expect(rows.map((row) => [row.group, row.awardShare, row.staffShare, row.isBelow])).toEqual([
      ['direct_worker', 18, 62, true],
      ['leader', 60, 15, false],
      ['women', 42, 50, false],
      ['small_collective', 60, 60, false],
    ]);
    expect(fairnessRows(counts, { ...settings, womenGap: 7 })[2]?.isBelow).toBe(true);
    expect(fairnessRows(counts, { ...settings, womenGap: 8 })[2]?.isBelow).toBe(false);
  });

  it('says it in plain Vietnamese', () => {
    const notes = fairnessNotes(fairnessRows(counts, settings), 30);
    expect(notes).toEqual([
      'Tỷ lệ khen thưởng người lao động trực tiếp (18 %) thấp hơn tỷ lệ của họ trong biên chế (62 %) 44 điểm phần trăm, ' +
        'vượt ngưỡng cảnh báo 10 điểm do cơ quan thường trực đặt. Đề nghị ưu tiên khen thưởng theo chỉ đạo (ưu tiên tập thể nhỏ, người lao động trực tiếp).',
    ]);
    const small = fairnessNotes(fairnessRows({ ...counts, collectiveAwardsSmall: 1 }, settings), 30);
    expect(small[1]).toContain('Tỷ lệ khen thưởng tập thể nhỏ (tập thể có từ 30 người trở xuống) (10 %)');
  });
});
