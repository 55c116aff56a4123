import type { AwardCode, Confidence, Rating } from '#contracts/awards.ts';

/**
 * Caps on the share of a unit's people who may hold a rating or a title in a year (awards-research
 * §e, legal-rules §10), as data with the years they apply to and the article they come from. Only
 * caps the docs give with confidence C or S are here; a cap is a warning at appraisal, never a
 * verdict. A year is covered when 31/12 of it lies in [effectiveFrom, effectiveTo].
 */
export interface ShareCap {
  code: string;
  /** What is counted, in Vietnamese, e.g. "Chiến sĩ thi đua cơ sở trên số Lao động tiên tiến". */
  label: string;
  /** Counted in the numerator: people of the unit holding one of these titles, or rated so. */
  numerator: { awards: AwardCode[] } | { ratings: Rating[] };
  /** Counted in the denominator. */
  denominator: { awards: AwardCode[] } | { ratings: Rating[] };
  /** The largest allowed share (0.15 = 15 %); the share is compared without rounding. */
  maxShare: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  article: string;
  confidence: Confidence;
}

export const SHARE_CAPS: readonly ShareCap[] = [
  {
    code: 'cstdcs_of_ldtt',
    label: 'Chiến sĩ thi đua cơ sở trên số Lao động tiên tiến, Chiến sĩ tiên tiến',
    numerator: { awards: ['CSTDCS'] },
    denominator: { awards: ['LDTT', 'CSTT'] },
    maxShare: 0.15,
    // NĐ 91/2017 took effect 01/10/2017 (the shipped rule set's start) and was replaced on 01/01/2024;
    // Luật 2022 and NĐ 98/152 set no national cap (legal-rules §10, S).
    effectiveFrom: '2017-10-01',
    effectiveTo: '2023-12-31',
    article: 'Khoản 3 Điều 9 Nghị định số 91/2017/NĐ-CP',
    confidence: 'C',
  },
  {
    code: 'htxs_of_htt',
    label: 'Hoàn thành xuất sắc nhiệm vụ trên số hoàn thành tốt nhiệm vụ trở lên',
    numerator: { ratings: ['HTXSNV'] },
    denominator: { ratings: ['HTTNV', 'HTXSNV'] },
    maxShare: 0.2,
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    article: 'Nghị định số 335/2025/NĐ-CP về đánh giá, xếp loại chất lượng công chức',
    confidence: 'S',
  },
];

/** True when the cap covers the year (its 31/12 lies in the cap's period). */
export function capCovers(cap: ShareCap, year: number): boolean {
  const end = `${year}-12-31`;
  return cap.effectiveFrom <= end && (cap.effectiveTo === null || end <= cap.effectiveTo);
}
