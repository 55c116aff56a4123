import { z } from 'zod';
import { AwardCode, AwardSubject, RewardType } from './awards.ts';
import { CursorQuery, cursorPageOf, IsoDate, MultilineText, RecordVersion, Text, Uuid } from './common.ts';
import { DecisionCreateBody } from './decisions.ts';
import { NominationStatus } from './nominees.ts';

/** Most nominees one request may put on a decision (or decline). */
export const NOMINEES_PER_REQUEST_MAX = 1_000;

const NomineeIds = z
  .array(Uuid)
  .min(1, 'Chọn ít nhất một đối tượng đề nghị')
  .max(NOMINEES_PER_REQUEST_MAX, `Tối đa ${NOMINEES_PER_REQUEST_MAX} đối tượng mỗi lần`);

/**
 * GET /api/decisions/nominee-candidates: nominees a deciding unit may put on a decision — from the
 * rounds it receives, in a decidable state, not on any decision yet, for awards it is competent for on
 * the date (today when not given); `q` searches names without diacritics.
 */
export const NomineeCandidateQuery = CursorQuery.extend({
  unitId: Uuid,
  decisionDate: IsoDate.optional(),
  q: Text(200).optional(),
  nominationId: Uuid.optional(),
});
export type NomineeCandidateQuery = z.infer<typeof NomineeCandidateQuery>;

/** One nominee the picker offers. */
export const NomineeCandidate = z.object({
  id: Uuid,
  subject: AwardSubject,
  personId: Uuid.nullable(),
  unitId: Uuid.nullable(),
  name: z.string(),
  /** A person's unit, a collective's parent. */
  context: z.string().nullable(),
  awardCode: AwardCode,
  awardName: z.string(),
  rewardType: RewardType,
  periodTo: z.number().int(),
  status: NominationStatus,
  nominationId: Uuid,
  nominationTitle: z.string(),
  proposingUnitName: z.string(),
});
export type NomineeCandidate = z.infer<typeof NomineeCandidate>;
export const NomineeCandidatePage = cursorPageOf(NomineeCandidate);
export type NomineeCandidatePage = z.infer<typeof NomineeCandidatePage>;

/** POST /api/decisions/from-nominees: a draft of the deciding unit with the chosen nominees as its list. */
export const DecisionFromNomineesBody = DecisionCreateBody.extend({ nomineeIds: NomineeIds });
export type DecisionFromNomineesBody = z.infer<typeof DecisionFromNomineesBody>;

/** POST /api/decisions/:id/nominees: more nominees added to a draft at its version. */
export const DecisionNomineesAddBody = z.strictObject({ version: RecordVersion, nomineeIds: NomineeIds });
export type DecisionNomineesAddBody = z.infer<typeof DecisionNomineesAddBody>;

/**
 * POST /api/decisions/:id/decline-nominees: the decider refuses nominees (not rewarded), with the
 * reason; those on the draft leave its list. Declining is final for the nominee.
 */
export const DecisionNomineesDeclineBody = z.strictObject({
  version: RecordVersion,
  nomineeIds: NomineeIds,
  reason: MultilineText(2000).min(5, 'Nêu lý do không khen thưởng (ít nhất 5 ký tự)'),
});
export type DecisionNomineesDeclineBody = z.infer<typeof DecisionNomineesDeclineBody>;

/** POST /api/decisions/:id/recipients/import?version=: the XLSX list added to a draft at its version. */
export const RecipientImportQuery = z.object({ version: z.coerce.number().pipe(RecordVersion) });

/** POST /api/nominations/:id/national-export-jobs: the ZIP for the national dossier system, as a job. */
export const NationalExportBody = z.strictObject({ withPdf: z.boolean().default(true) });

/** PUT /api/nominations/:id/secret: marks the dossier secret (mật) or not, at the tờ trình's version. */
export const NominationSecretBody = z.strictObject({ secret: z.boolean(), version: RecordVersion });
export const NominationSecretReply = z.object({ secret: z.boolean(), version: z.number().int() });
