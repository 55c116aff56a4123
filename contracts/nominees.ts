import { z } from 'zod';
import { AwardCode, AwardSubject, RewardType } from './awards.ts';
import {
  CursorQuery,
  cursorPageOf,
  MultilineText,
  Name,
  RecordVersion,
  StoredDate,
  Text,
  Uuid,
} from './common.ts';

/** States of a nomination (tờ trình) and of each of its nominees. */
export const NominationStatus = z.enum([
  'draft',
  'submitted',
  'received',
  'returned',
  'appraised',
  'in_council',
  'posted',
  'decided',
  'declined',
  'forwarded',
]);
export type NominationStatus = z.infer<typeof NominationStatus>;
export const nominationStatusLabels: Record<NominationStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  received: 'Đã tiếp nhận',
  returned: 'Bị trả lại',
  appraised: 'Đã thẩm định',
  in_council: 'Đang xét tại hội đồng',
  posted: 'Đang công khai',
  decided: 'Đã quyết định khen thưởng',
  declined: 'Không khen thưởng',
  forwarded: 'Đã tổng hợp lên cấp trên',
};

/** The level that decides every award of one tờ trình: the President, the Prime Minister, or the receiving level. */
export const DeciderTier = z.enum(['state_president', 'prime_minister', 'receiving_level']);
export type DeciderTier = z.infer<typeof DeciderTier>;
export const deciderTierLabels: Record<DeciderTier, string> = {
  state_president: 'Chủ tịch nước',
  prime_minister: 'Thủ tướng Chính phủ',
  receiving_level: 'Người đứng đầu cấp nhận tờ trình',
};

/** Moves of the workflow a user makes on a tờ trình. */
export const NominationMove = z.enum(['edit', 'submit', 'receive', 'return', 'delete', 'appraise']);
export type NominationMove = z.infer<typeof NominationMove>;

const Year = z.number().int('Năm không hợp lệ').min(1945, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

/** A nominee as proposed: exactly one of person, unit, household name by subject. */
export const NomineeInput = z
  .object({
    subject: AwardSubject,
    personId: Uuid.nullable().optional(),
    unitId: Uuid.nullable().optional(),
    householdName: Text(300).nullable().optional(),
    awardCode: AwardCode,
    rewardType: RewardType,
    periodFrom: Year,
    periodTo: Year,
    achievements: MultilineText(20_000).default(''),
    /** Kept when a consolidated nominee is saved again: the lower level's nominee it came from. */
    sourceNomineeId: Uuid.nullable().optional(),
  })
  .superRefine((input, context) => {
    const need = { individual: 'personId', collective: 'unitId', household: 'householdName' } as const;
    const field = need[input.subject];
    if (!input[field])
      context.addIssue({ code: 'custom', path: [field], message: 'Vui lòng chọn đối tượng đề nghị' });
    if (input.periodFrom > input.periodTo)
      context.addIssue({
        code: 'custom',
        path: ['periodTo'],
        message: 'Năm kết thúc không được trước năm bắt đầu',
      });
  });
export type NomineeInput = z.infer<typeof NomineeInput>;

export const CreateNominationBody = z.object({
  roundId: Uuid,
  proposingUnitId: Uuid,
  title: Name,
  nominees: z.array(NomineeInput).min(1, 'Tờ trình cần ít nhất một đối tượng').max(500),
});
export type CreateNominationBody = z.infer<typeof CreateNominationBody>;

/** A draft or returned tờ trình's title and whole nominee list, replaced at the loaded version. */
export const UpdateNominationBody = z.object({
  title: Name.optional(),
  nominees: z.array(NomineeInput).min(1, 'Tờ trình cần ít nhất một đối tượng').max(500).optional(),
  version: RecordVersion,
});
export type UpdateNominationBody = z.infer<typeof UpdateNominationBody>;

/** A move carries the version the user saw (a double submit is a 409). */
export const MoveBody = z.object({ version: RecordVersion });
export const ReturnNominationBody = z.object({
  version: RecordVersion,
  reason: MultilineText(4000).min(1, 'Vui lòng nhập lý do trả lại'),
});

/** A nominee in another tờ trình, linked by consolidation. */
export const NomineeLink = z.object({
  nomineeId: z.string(),
  nominationId: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
});
export type NomineeLink = z.infer<typeof NomineeLink>;

export const Nominee = z.object({
  id: z.string(),
  subject: AwardSubject,
  person: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  householdName: z.string().nullable(),
  awardCode: AwardCode,
  awardName: z.string(),
  rewardType: RewardType,
  periodFrom: z.number().int(),
  periodTo: z.number().int(),
  achievements: z.string(),
  status: NominationStatus,
  decisionId: z.string().nullable(),
  /** The lower level's nominee this one was consolidated from (its tờ trình and proposing unit). */
  source: NomineeLink.nullable(),
  /**
   * The upper level's copy after consolidation (its tờ trình, the consolidating unit, its state);
   * `canOpen` is false for the lower unit, which does not see the upper level's tờ trình.
   */
  consolidatedInto: NomineeLink.extend({ status: NominationStatus, canOpen: z.boolean() }).nullable(),
});
export type Nominee = z.infer<typeof Nominee>;

export const Nomination = z.object({
  id: z.string(),
  roundId: z.string(),
  roundTitle: z.string(),
  proposingUnit: z.object({ id: z.string(), name: z.string() }),
  receivingUnit: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  deciderTier: DeciderTier,
  status: NominationStatus,
  submittedAt: z.string().nullable(),
  /** Last day the receiving level may return it (5 working days after submission). */
  returnDue: StoredDate.nullable(),
  returnReason: z.string().nullable(),
  /** The dossier holds state-secret content: never exported to the national system. */
  secret: z.boolean(),
  nominees: z.array(Nominee),
  actions: z.array(NominationMove),
  version: z.number().int(),
});
export type Nomination = z.infer<typeof Nomination>;

/** One row of a round's list of tờ trình. */
export const NominationSummary = Nomination.omit({ nominees: true }).extend({
  nomineeCount: z.number().int(),
});
export type NominationSummary = z.infer<typeof NominationSummary>;
export const NominationPage = cursorPageOf(NominationSummary);
export const NominationQuery = CursorQuery;
export type NominationQuery = z.infer<typeof NominationQuery>;
