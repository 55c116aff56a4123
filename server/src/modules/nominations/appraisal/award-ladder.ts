import type { AwardCode } from '#contracts/awards.ts';

/**
 * Awards that reward the same kind of achievement at rising levels: receiving one of a ladder for a
 * period means the same or a lower one of that ladder for the same period rewards the achievement
 * twice (Luật Đ5 k2c). Awards outside every ladder are compared by code only.
 */
const LADDERS: Record<string, readonly (readonly AwardCode[])[]> = {
  individual_title: [['LDTT', 'CSTT'], ['CSTDCS'], ['CSTD_BO_TINH'], ['CSTDTQ']],
  collective_title: [['TTLDTT', 'DVTT'], ['TTLDXS', 'DVQT'], ['CO_BO_TINH'], ['CO_CP']],
  merit: [
    ['GIAY_KHEN'],
    ['BK_BO_TINH'],
    ['BK_TTG'],
    ['HCLD_HANG_BA', 'HC_BVTQ_HANG_BA', 'HC_CHIEN_CONG_HANG_BA', 'HC_QUAN_CONG_HANG_BA'],
    ['HCLD_HANG_NHI', 'HC_BVTQ_HANG_NHI', 'HC_CHIEN_CONG_HANG_NHI', 'HC_QUAN_CONG_HANG_NHI'],
    ['HCLD_HANG_NHAT', 'HC_BVTQ_HANG_NHAT', 'HC_CHIEN_CONG_HANG_NHAT', 'HC_QUAN_CONG_HANG_NHAT'],
    ['HC_DOC_LAP_HANG_BA'],
    ['HC_DOC_LAP_HANG_NHI'],
    ['HC_DOC_LAP_HANG_NHAT'],
    ['HC_HO_CHI_MINH'],
    ['HC_SAO_VANG'],
  ],
};

const RANKS = new Map<string, { ladder: string; rank: number }>(
  Object.entries(LADDERS).flatMap(([ladder, steps]) =>
    steps.flatMap((codes, rank) => codes.map((code) => [code, { ladder, rank }] as const)),
  ),
);

/** True when `other` is the same award as `proposed` or a higher one of its ladder. */
export function isSameOrHigher(proposed: string, other: string): boolean {
  if (proposed === other) return true;
  const a = RANKS.get(proposed);
  const b = RANKS.get(other);
  return !!a && !!b && a.ladder === b.ladder && b.rank >= a.rank;
}
