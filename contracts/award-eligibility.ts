import { z } from 'zod';
import { AwardCode, AwardSubject, AwardYear, EligibilityResult, Verdict } from './awards.ts';
import { CursorQuery, cursorPageOf, IsoDate } from './common.ts';

/**
 * The eligibility questions asked of the records of one person or unit, and the candidate lists of a
 * unit's subtree (contracts/awards.ts holds the engine's own input and result).
 */

/** GET /api/persons/:id/eligibility and /api/units/:id/eligibility. */
export const EligibilityQuery = z.object({
  award: AwardCode,
  date: IsoDate.optional(),
  forYear: z.coerce.number().pipe(AwardYear),
});
export type EligibilityQuery = z.infer<typeof EligibilityQuery>;

/** Which candidates a list shows: those who may be proposed (default) or everyone examined. */
export const CandidateShow = z.enum(['candidates', 'all']);
export const CandidatesQuery = CursorQuery.extend({
  award: AwardCode,
  year: z.coerce.number().pipe(AwardYear),
  date: IsoDate.optional(),
  show: CandidateShow.default('candidates'),
});
export type CandidatesQuery = z.infer<typeof CandidatesQuery>;

/** One person or collective examined for an award, with the verdict and its reason. */
export const Candidate = z.object({
  subject: AwardSubject,
  id: z.string(),
  name: z.string(),
  unitName: z.string(),
  verdict: Verdict,
  /** The first unmet (or undecided) check, or the summary when every check is met. */
  reason: z.string(),
  article: z.string(),
});
export type Candidate = z.infer<typeof Candidate>;
export const CandidatePage = cursorPageOf(Candidate).extend({
  /** How many people (or collectives) of the subtree the engine examined to fill this page. */
  examined: z.number().int(),
});
export type CandidatePage = z.infer<typeof CandidatePage>;

/** The eligibility of one subject from their records, with the facts the engine read. */
export const RecordEligibility = EligibilityResult.extend({
  facts: z.unknown(),
});
export type RecordEligibility = z.infer<typeof RecordEligibility>;
