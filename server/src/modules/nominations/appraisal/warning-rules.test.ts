import { describe, expect, it } from 'vitest';
import type { Rating } from '#contracts/awards.ts';
import { capCovers, SHARE_CAPS } from './share-caps.ts';
import {
  type AppraisedNominee,
  capKey,
  doubleRewardWarnings,
  initiativeWarnings,
  pendingDisciplineWarnings,
  shareCapWarnings,
} from './warning-rules.ts';

const nominee = (changes: Partial<AppraisedNominee> = {}): AppraisedNominee => ({
  id: 'n1',
  subjectId: 'p1',
  awardCode: 'BK_BO_TINH',
  rewardType: 'thuong_xuyen',
  periodFrom: 2024,
  periodTo: 2025,
  ...changes,
});
const received = (awardCode: string, year: number, rewardType = 'thuong_xuyen') => ({
  subjectId: 'p1',
  awardCode,
  year,
  rewardType,
  decisionNumber: '12/QĐ-UBND',
});
const proposal = (changes: Partial<AppraisedNominee>) => ({
  ...nominee({ id: 'n2', ...changes }),
  nominationId: 'x',
  nominationTitle: 'Tờ trình khác',
  proposingUnitName: 'Sở Nội vụ',
});

describe('the double-reward warning (Luật Đ5 k2c)', () => {
  it('warns for the same or a higher award of the ladder received in a year of the period', () => {
    const warnings = doubleRewardWarnings(
      nominee(),
      [received('BK_BO_TINH', 2025), received('BK_TTG', 2024), received('GIAY_KHEN', 2025)],
      [],
    );
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('Bằng khen của bộ, ban, ngành, tỉnh năm 2025'),
      expect.stringContaining('Thủ tướng'),
    ]);
    expect(warnings[0]).toMatchObject({ kind: 'double_reward', confidence: 'C' });
    expect(warnings[0]?.article).toContain('Điểm c khoản 2 Điều 5');
  });

  it('ignores other years, other reward types, other people and titles of another ladder', () => {
    const records = [
      received('BK_BO_TINH', 2023),
      received('BK_BO_TINH', 2025, 'dot_xuat'),
      { ...received('BK_BO_TINH', 2025), subjectId: 'p2' },
      received('CSTDCS', 2025),
    ];
    expect(doubleRewardWarnings(nominee(), records, [])).toEqual([]);
  });

  it('warns for an overlapping proposal in another open tờ trình, never for the nominee itself', () => {
    const warnings = doubleRewardWarnings(
      nominee(),
      [],
      [
        proposal({ id: 'n1' }),
        proposal({ periodFrom: 2025, periodTo: 2025 }),
        proposal({ periodFrom: 2026, periodTo: 2026 }),
      ],
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('Tờ trình khác');
  });
});

describe('the used-initiative warning', () => {
  const initiative = (usedForAward: string | null, year = 2025, usedForYear: number | null = 2024) => ({
    personId: 'p1',
    name: 'Số hóa hồ sơ',
    year,
    usedForAward,
    usedForYear,
  });

  it('warns when an initiative of the period already founded another award', () => {
    const warnings = initiativeWarnings(nominee(), [initiative('CSTDCS'), initiative(null)]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ kind: 'initiative_used', confidence: 'S' });
    expect(warnings[0]?.message).toContain('Số hóa hồ sơ');
  });

  it('stays quiet for awards that do not rest on initiatives and for initiatives outside the period', () => {
    expect(initiativeWarnings(nominee({ awardCode: 'LDTT' }), [initiative('CSTDCS')])).toEqual([]);
    expect(initiativeWarnings(nominee(), [initiative('CSTDCS', 2020)])).toEqual([]);
  });
});

describe('the share caps (legal-rules §10, awards-research §e)', () => {
  const [cstdcs, htxs] = SHARE_CAPS;
  const subject = (changes: Partial<AppraisedNominee>, ratings: [number, Rating][] = []) => ({
    nominee: nominee(changes),
    unitId: 'u1',
    unitName: 'Xã A',
    ratings: new Map(ratings),
  });

  it('covers each cap only in its years', () => {
    if (!cstdcs || !htxs) throw new Error('caps missing');
    expect(capCovers(cstdcs, 2023)).toBe(true);
    expect(capCovers(cstdcs, 2024)).toBe(false);
    expect(capCovers(htxs, 2025)).toBe(false);
    expect(capCovers(htxs, 2026)).toBe(true);
  });

  it('warns when CSTĐCS exceed 15 % of LĐTT in 2023 (NĐ 91/2017), not at exactly 15 %', () => {
    if (!cstdcs) throw new Error('cap missing');
    const proposed = subject({ awardCode: 'CSTDCS', periodFrom: 2023, periodTo: 2023 });
    const key = capKey({ cap: cstdcs, unitId: 'u1', year: 2023 });
    const over = shareCapWarnings(proposed, new Map([[key, { numerator: 4, denominator: 20 }]]));
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ kind: 'share_cap', confidence: 'C' });
    expect(over[0]?.article).toContain('91/2017');
    expect(over[0]?.message).toContain('4/20');
    expect(shareCapWarnings(proposed, new Map([[key, { numerator: 3, denominator: 20 }]]))).toEqual([]);
    const in2025 = subject({ awardCode: 'CSTDCS', periodFrom: 2025, periodTo: 2025 });
    expect(shareCapWarnings(in2025, new Map([[key, { numerator: 20, denominator: 20 }]]))).toEqual([]);
  });

  it('warns when HTXS exceed 20 % of HTT and above from 2026 (NĐ 335/2025), for a nominee rated HTXS', () => {
    if (!htxs) throw new Error('cap missing');
    const key = capKey({ cap: htxs, unitId: 'u1', year: 2026 });
    const counts = new Map([[key, { numerator: 3, denominator: 10 }]]);
    const rated = subject({ periodFrom: 2026, periodTo: 2026 }, [[2026, 'HTXSNV']]);
    expect(shareCapWarnings(rated, counts)).toEqual([
      expect.objectContaining({
        kind: 'share_cap',
        confidence: 'S',
        message: expect.stringContaining('3/10'),
      }),
    ]);
    const good = subject({ periodFrom: 2026, periodTo: 2026 }, [[2026, 'HTTNV']]);
    expect(shareCapWarnings(good, counts)).toEqual([]);
  });
});

describe('the pending-discipline warning', () => {
  it('warns for a person with a discipline being considered', () => {
    expect(pendingDisciplineWarnings(nominee(), new Set(['p1']))).toEqual([
      expect.objectContaining({ kind: 'pending_discipline', article: expect.stringContaining('Điều 4') }),
    ]);
    expect(pendingDisciplineWarnings(nominee(), new Set(['p2']))).toEqual([]);
  });
});
