import { z } from 'zod';
import { AwardCode, Confidence, EligibilityCheck, EligibilityNote, Verdict } from './awards.ts';
import { MultilineText, RecordVersion } from './common.ts';
import { ChecklistItem } from './nomination-dossier.ts';
import { NominationStatus, Nominee } from './nominees.ts';

/**
 * Appraisal (thẩm định, Luật Đ13 k5) of a received tờ trình by the receiving level's standing body:
 * per nominee the eligibility verdict, warnings, the dossier checklist and the body's opinion.
 */

/** What the standing body proposes for a nominee. */
export const AppraisalProposal = z.enum(['agree', 'disagree', 'other_award']);
export type AppraisalProposal = z.infer<typeof AppraisalProposal>;
export const appraisalProposalLabels: Record<AppraisalProposal, string> = {
  agree: 'Đồng ý',
  disagree: 'Không đồng ý',
  other_award: 'Đề nghị hình thức khác',
};

/** Kinds of warning the appraisal raises (never a verdict: the standing body weighs them). */
export const AppraisalWarningKind = z.enum([
  'double_reward',
  'initiative_used',
  'share_cap',
  'pending_discipline',
]);
export type AppraisalWarningKind = z.infer<typeof AppraisalWarningKind>;
export const appraisalWarningLabels: Record<AppraisalWarningKind, string> = {
  double_reward: 'Khen thưởng trùng thành tích',
  initiative_used: 'Sáng kiến đã dùng',
  share_cap: 'Vượt tỷ lệ',
  pending_discipline: 'Đang xem xét kỷ luật',
};

/** One warning on a nominee, with the article it rests on and that article's confidence mark. */
export const AppraisalWarning = z.object({
  kind: AppraisalWarningKind,
  message: z.string(),
  article: z.string(),
  confidence: Confidence,
});
export type AppraisalWarning = z.infer<typeof AppraisalWarning>;

/** The standing body's saved opinion on a nominee. */
export const AppraisalOpinion = z.object({
  opinion: z.string(),
  proposal: AppraisalProposal,
  /** The award the body proposes instead (proposal `other_award` only). */
  proposedAwardCode: AwardCode.nullable(),
  proposedAwardName: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type AppraisalOpinion = z.infer<typeof AppraisalOpinion>;

/** The eligibility engine's verdict for the proposed award on the appraisal date. */
export const AppraisalEligibility = z.object({
  verdict: Verdict,
  ruleSetName: z.string(),
  date: z.string(),
  forYear: z.number().int(),
  /** The first failing (or undecidable) check, as one line. */
  reason: z.string(),
  checks: z.array(EligibilityCheck),
  warnings: z.array(z.string()),
  notes: z.array(EligibilityNote),
});
export type AppraisalEligibility = z.infer<typeof AppraisalEligibility>;

/** One nominee as the standing body appraises it. */
export const NomineeAppraisal = z.object({
  nominee: Nominee,
  /** null for a household, or when no rule set covers the date (with the reason in `eligibilityError`). */
  eligibility: AppraisalEligibility.nullable(),
  eligibilityError: z.string().nullable(),
  warnings: z.array(AppraisalWarning),
  /** What the award's dossier needs under the rule set in force, each component present or missing. */
  dossierChecklist: z.array(ChecklistItem).nullable(),
  opinion: AppraisalOpinion.nullable(),
});
export type NomineeAppraisal = z.infer<typeof NomineeAppraisal>;

/** The appraisal view of one tờ trình. */
export const NominationAppraisal = z.object({
  id: z.string(),
  title: z.string(),
  roundTitle: z.string(),
  proposingUnit: z.object({ id: z.string(), name: z.string() }),
  receivingUnit: z.object({ id: z.string(), name: z.string() }),
  status: NominationStatus,
  version: z.number().int(),
  /** The decision date the verdicts are computed on (the round's). */
  date: z.string(),
  /** True when the caller may save opinions and finish (receiving officers, tờ trình received). */
  canAppraise: z.boolean(),
  nominees: z.array(NomineeAppraisal),
});
export type NominationAppraisal = z.infer<typeof NominationAppraisal>;

/** Saves the opinion on one nominee; `version` is the opinion's version, absent for the first save. */
export const SaveAppraisalBody = z
  .object({
    opinion: MultilineText(4000),
    proposal: AppraisalProposal,
    proposedAwardCode: AwardCode.nullable().optional(),
    version: RecordVersion.optional(),
  })
  .superRefine((body, context) => {
    if (body.proposal === 'other_award' && !body.proposedAwardCode)
      context.addIssue({
        code: 'custom',
        path: ['proposedAwardCode'],
        message: 'Vui lòng chọn hình thức đề nghị thay thế',
      });
    if (body.proposal === 'disagree' && !body.opinion)
      context.addIssue({ code: 'custom', path: ['opinion'], message: 'Vui lòng ghi lý do không đồng ý' });
  });
export type SaveAppraisalBody = z.infer<typeof SaveAppraisalBody>;

/** Finishes the appraisal of the tờ trình at the version shown. */
export const FinishAppraisalBody = z.object({ version: RecordVersion });
