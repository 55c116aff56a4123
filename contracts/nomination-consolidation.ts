import { z } from 'zod';
import { AwardCode, AwardSubject, RewardType } from './awards.ts';
import { CursorQuery, cursorPageOf, RecordVersion, Uuid } from './common.ts';
import { NominationStatus } from './nominees.ts';

/**
 * POST /api/nominations/:id/consolidate: lower levels' received nominees added to the upper level's
 * own tờ trình (draft or returned) at the version the user saw, each at most once.
 */
export const ConsolidateBody = z.object({
  nomineeIds: z
    .array(Uuid)
    .min(1, 'Vui lòng chọn ít nhất một đối tượng')
    .max(200, 'Mỗi lần tổng hợp tối đa 200 đối tượng'),
  version: RecordVersion,
});
export type ConsolidateBody = z.infer<typeof ConsolidateBody>;

/** A nominee of a lower level's tờ trình the unit received that it may consolidate upward. */
export const ConsolidationCandidate = z.object({
  id: z.string(),
  nominationId: z.string(),
  nominationTitle: z.string(),
  proposingUnit: z.object({ id: z.string(), name: z.string() }),
  subject: AwardSubject,
  /** The person's, collective's or household's name. */
  name: z.string(),
  awardCode: AwardCode,
  awardName: z.string(),
  rewardType: RewardType,
  periodFrom: z.number().int(),
  periodTo: z.number().int(),
  status: NominationStatus,
});
export type ConsolidationCandidate = z.infer<typeof ConsolidationCandidate>;

/** GET /api/nominations/:id/consolidation-candidates: keyset-paged, by proposing unit and tờ trình. */
export const ConsolidationCandidateQuery = CursorQuery;
export const ConsolidationCandidatePage = cursorPageOf(ConsolidationCandidate);
export type ConsolidationCandidatePage = z.infer<typeof ConsolidationCandidatePage>;
