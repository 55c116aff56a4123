import { type AwardCode, awardName, type Rating } from '#contracts/awards.ts';
import type { AppraisalWarning } from '#contracts/nomination-appraisal.ts';
import { isSameOrHigher } from './award-ladder.ts';
import { capCovers, SHARE_CAPS, type ShareCap } from './share-caps.ts';

/** The part of a nominee the warning rules read; `subjectId` is the person's or the unit's id. */
export interface AppraisedNominee {
  id: string;
  subjectId: string | null;
  awardCode: string;
  rewardType: string;
  periodFrom: number;
  periodTo: number;
}

/** A title or award already received (award records). */
export interface ReceivedAward {
  subjectId: string;
  awardCode: string;
  year: number;
  rewardType: string;
  decisionNumber: string | null;
}

/** A nominee of an open tờ trình (sent and not yet closed), this one's own included. */
export interface OpenProposal extends AppraisedNominee {
  nominationId: string;
  nominationTitle: string;
  proposingUnitName: string;
}

/** A recognised initiative of a person and the award it already founded, if any. */
export interface InitiativeRecord {
  personId: string;
  name: string;
  year: number;
  usedForAward: string | null;
  usedForYear: number | null;
}

const LAW = 'Luật Thi đua, khen thưởng số 06/2022/QH15';
const DOUBLE = { article: `Điểm c khoản 2 Điều 5 ${LAW}`, confidence: 'C' } as const;
const INITIATIVE = {
  article: 'Điểm c mục III.5 Công văn số 5007/BNV-TĐKT năm 2023 của Bộ Nội vụ',
  confidence: 'S',
} as const;
const PENDING = { article: 'Khoản 4 Điều 4 Nghị định số 152/2025/NĐ-CP', confidence: 'C' } as const;

/** Awards whose criteria rest on initiatives (legal-rules §2a): a used one cannot found them again. */
const INITIATIVE_AWARDS = new Set(['CSTDCS', 'CSTD_BO_TINH', 'CSTDTQ', 'BK_BO_TINH', 'BK_TTG']);

const nameOf = (code: string) => awardName(code as AwardCode) || code;
const period = (from: number, to: number) => (from === to ? `năm ${from}` : `giai đoạn ${from}–${to}`);

/**
 * Luật Đ5 k2c: the same award or a higher one of its ladder, of the same reward type, for a year of
 * the nominee's period already in the award records, or proposed for an overlapping period by another
 * nominee of an open tờ trình.
 */
export function doubleRewardWarnings(
  nominee: AppraisedNominee,
  received: readonly ReceivedAward[],
  proposals: readonly OpenProposal[],
): AppraisalWarning[] {
  if (!nominee.subjectId) return [];
  const matches = (other: { awardCode: string; rewardType: string }) =>
    other.rewardType === nominee.rewardType && isSameOrHigher(nominee.awardCode, other.awardCode);
  const fromRecords = received
    .filter(
      (award) =>
        award.subjectId === nominee.subjectId &&
        award.year >= nominee.periodFrom &&
        award.year <= nominee.periodTo &&
        matches(award),
    )
    .map((award) => ({
      kind: 'double_reward' as const,
      message: `Đã được tặng ${nameOf(award.awardCode)} năm ${award.year}${
        award.decisionNumber ? ` (Quyết định số ${award.decisionNumber})` : ''
      }: thành tích của ${period(nominee.periodFrom, nominee.periodTo)} có thể đã được khen thưởng.`,
      ...DOUBLE,
    }));
  const fromProposals = proposals
    .filter(
      (other) =>
        other.id !== nominee.id &&
        other.subjectId === nominee.subjectId &&
        other.periodFrom <= nominee.periodTo &&
        nominee.periodFrom <= other.periodTo &&
        matches(other),
    )
    .map((other) => ({
      kind: 'double_reward' as const,
      message: `Đang được đề nghị ${nameOf(other.awardCode)} ${period(other.periodFrom, other.periodTo)} trong tờ trình "${other.nominationTitle}" của ${other.proposingUnitName}.`,
      ...DOUBLE,
    }));
  return [...fromRecords, ...fromProposals];
}

/** An initiative of the period already used for another award, when the proposed award rests on one. */
export function initiativeWarnings(
  nominee: AppraisedNominee,
  initiatives: readonly InitiativeRecord[],
): AppraisalWarning[] {
  if (!nominee.subjectId || !INITIATIVE_AWARDS.has(nominee.awardCode)) return [];
  return initiatives
    .filter(
      (initiative) =>
        initiative.personId === nominee.subjectId &&
        initiative.year >= nominee.periodFrom &&
        initiative.year <= nominee.periodTo &&
        initiative.usedForAward !== null &&
        !(initiative.usedForAward === nominee.awardCode && initiative.usedForYear === nominee.periodTo),
    )
    .map((initiative) => ({
      kind: 'initiative_used' as const,
      message: `Sáng kiến "${initiative.name}" (${initiative.year}) đã dùng làm căn cứ tặng ${nameOf(
        initiative.usedForAward ?? '',
      )}${initiative.usedForYear ? ` năm ${initiative.usedForYear}` : ''}; mỗi sáng kiến chỉ được dùng một lần.`,
      ...INITIATIVE,
    }));
}

/** A unit's count for one cap and year: people in the numerator and in the denominator. */
export interface ShareCount {
  numerator: number;
  denominator: number;
}

/** What the cap rules read of one individual nominee: their unit and their ratings by year. */
export interface CapSubject {
  nominee: AppraisedNominee;
  unitId: string;
  unitName: string;
  ratings: ReadonlyMap<number, Rating>;
}

/** One count a cap needs: the cap, the unit and the year. */
export interface CapCount {
  cap: ShareCap;
  unitId: string;
  year: number;
}

export const capKey = (count: Pick<CapCount, 'unitId' | 'year'> & { cap: { code: string } }) =>
  `${count.cap.code}:${count.unitId}:${count.year}`;

/**
 * The unit counts the caps need for a nominee: a title cap for the year of achievement when the
 * nominee is proposed that title; a rating cap for each year of the period the nominee holds that rating.
 */
export function capCountsFor(subject: CapSubject, caps: readonly ShareCap[] = SHARE_CAPS): CapCount[] {
  const { nominee, unitId } = subject;
  return caps.flatMap((cap) => {
    if ('awards' in cap.numerator) {
      const year = nominee.periodTo;
      return cap.numerator.awards.includes(nominee.awardCode as AwardCode) && capCovers(cap, year)
        ? [{ cap, unitId, year }]
        : [];
    }
    const ratings = cap.numerator.ratings;
    const years: number[] = [];
    for (let year = nominee.periodFrom; year <= nominee.periodTo; year += 1) {
      const rating = subject.ratings.get(year);
      if (rating && ratings.includes(rating) && capCovers(cap, year)) years.push(year);
    }
    return years.map((year) => ({ cap, unitId, year }));
  });
}

/** A warning for every cap the nominee's unit exceeds (numerator above maxShare × denominator). */
export function shareCapWarnings(
  subject: CapSubject,
  counts: ReadonlyMap<string, ShareCount>,
  caps: readonly ShareCap[] = SHARE_CAPS,
): AppraisalWarning[] {
  return capCountsFor(subject, caps).flatMap((needed) => {
    const count = counts.get(capKey(needed));
    if (!count || count.numerator <= needed.cap.maxShare * count.denominator) return [];
    const percent = count.denominator ? Math.round((count.numerator / count.denominator) * 1000) / 10 : 100;
    return [
      {
        kind: 'share_cap' as const,
        message: `Tỷ lệ ${needed.cap.label} của ${subject.unitName} năm ${needed.year} là ${count.numerator}/${count.denominator} (${percent.toLocaleString('vi-VN')}%), vượt mức ${needed.cap.maxShare * 100}%.`,
        article: needed.cap.article,
        confidence: needed.cap.confidence,
      },
    ];
  });
}

/** A discipline still being considered against the person (it blocks rewards until decided). */
export function pendingDisciplineWarnings(nominee: AppraisedNominee, pending: ReadonlySet<string>) {
  if (!nominee.subjectId || !pending.has(nominee.subjectId)) return [];
  return [
    {
      kind: 'pending_discipline' as const,
      message: 'Đang trong thời gian xem xét kỷ luật: chưa khen thưởng cho đến khi có kết luận.',
      ...PENDING,
    },
  ];
}
