import { z } from 'zod';
import { AwardCode, AwardYear, RewardType } from './awards.ts';
import {
  CursorQuery,
  cursorPageOf,
  IsoDate,
  MultilineText,
  RecordVersion,
  StoredDate,
  Text,
  Uuid,
} from './common.ts';

/** States of a decision: a draft is edited; issuing takes a number and writes the award records; a revocation reverses them. */
export const DecisionStatus = z.enum(['draft', 'issued', 'revoked']);
export type DecisionStatus = z.infer<typeof DecisionStatus>;
export const decisionStatusLabels: Record<DecisionStatus, string> = {
  draft: 'Dự thảo',
  issued: 'Đã ban hành',
  revoked: 'Đã hủy bỏ',
};

/** Most recipients one decision may carry (a province's year-end list stays well below). */
export const DECISION_RECIPIENTS_MAX = 5_000;
/** Most recipients one request may add. */
export const RECIPIENTS_PER_REQUEST_MAX = 1_000;

const LegalBasis = z.array(MultilineText(2000).min(1, 'Không để trống căn cứ')).max(30, 'Tối đa 30 căn cứ');

/** Fields a draft decision is created with. */
const decisionFields = {
  decisionDate: IsoDate,
  title: Text(500).min(5, 'Trích yếu phải có ít nhất 5 ký tự'),
  authority: Text(300).min(2, 'Nhập thẩm quyền ban hành'),
  decider: Text(300).min(2, 'Nhập người quyết định (ghi vào hồ sơ khen thưởng)'),
  signerName: Text(200).min(2, 'Nhập họ tên người ký'),
  signerTitle: MultilineText(200).min(2, 'Nhập chức vụ người ký'),
  place: Text(100).nullable().optional(),
  legalBasis: LegalBasis.default([]),
};

/** POST /api/decisions: a draft of the issuing unit. */
export const DecisionCreateBody = z.strictObject({ unitId: Uuid, ...decisionFields });
export type DecisionCreateBody = z.infer<typeof DecisionCreateBody>;

/** PATCH /api/decisions/:id: a draft's fields at the version loaded. */
export const DecisionUpdateBody = z.strictObject({
  decisionDate: IsoDate.optional(),
  title: decisionFields.title.optional(),
  authority: decisionFields.authority.optional(),
  decider: decisionFields.decider.optional(),
  signerName: decisionFields.signerName.optional(),
  signerTitle: decisionFields.signerTitle.optional(),
  place: Text(100).nullable().optional(),
  legalBasis: LegalBasis.optional(),
  version: RecordVersion,
});
export type DecisionUpdateBody = z.infer<typeof DecisionUpdateBody>;

/** POST /api/decisions/:id/issue: issue a draft at the version loaded. */
export const DecisionIssueBody = z.strictObject({ version: RecordVersion });
export type DecisionIssueBody = z.infer<typeof DecisionIssueBody>;

/** POST /api/decisions/:id/publish and /withdraw-publication: the portal publication at the version loaded. */
export const DecisionPublicationBody = z.strictObject({ version: RecordVersion });

/** POST /api/decisions/:id/revoke (Luật Thi đua, khen thưởng Điều 93): the reason is required. */
export const DecisionRevokeBody = z.strictObject({
  version: RecordVersion,
  reason: MultilineText(2000).min(5, 'Nêu lý do hủy bỏ (ít nhất 5 ký tự)'),
});
export type DecisionRevokeBody = z.infer<typeof DecisionRevokeBody>;

/**
 * One recipient to add: a person, a unit, or a household (its name with the unit it lives in) —
 * exactly one — with the award, reward type and year of achievement.
 */
export const RecipientInput = z
  .strictObject({
    personId: Uuid.optional(),
    unitId: Uuid.optional(),
    /** "Hộ ông Nguyễn Văn A" as the decision prints it; with `householdUnitId`, the unit it lives in. */
    householdName: Text(300).min(2, 'Nhập tên hộ gia đình').optional(),
    householdUnitId: Uuid.optional(),
    awardCode: AwardCode,
    rewardType: RewardType.default('thuong_xuyen'),
    year: AwardYear,
    achievement: MultilineText(1000).nullable().optional(),
    nomineeId: Uuid.nullable().optional(),
  })
  .superRefine((body, context) => {
    const subjects = [body.personId, body.unitId, body.householdName].filter((value) => value !== undefined);
    if (subjects.length !== 1) {
      context.addIssue({
        code: 'custom',
        path: ['personId'],
        message: 'Chọn một cá nhân, một tập thể hoặc một hộ gia đình',
      });
    }
    if ((body.householdName === undefined) !== (body.householdUnitId === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['householdUnitId'],
        message: 'Hộ gia đình cần tên hộ và đơn vị (xã, phường) nơi hộ cư trú',
      });
    }
  });
export type RecipientInput = z.infer<typeof RecipientInput>;

/** POST /api/decisions/:id/recipients: recipients added to a draft at its version (all or none). */
export const RecipientsAddBody = z.strictObject({
  version: RecordVersion,
  recipients: z
    .array(RecipientInput)
    .min(1, 'Chọn ít nhất một người hoặc tập thể')
    .max(RECIPIENTS_PER_REQUEST_MAX, `Tối đa ${RECIPIENTS_PER_REQUEST_MAX} mục mỗi lần`),
});
export type RecipientsAddBody = z.infer<typeof RecipientsAddBody>;

/** DELETE /api/decisions/:id/recipients/:recipientId?version=: removes one recipient of a draft. */
export const RecipientRemoveQuery = z.object({ version: z.coerce.number().pipe(RecordVersion) });

/** Filters of GET /api/decisions: the issuing unit (its subtree), status, year; newest first. */
export const DecisionListQuery = CursorQuery.extend({
  unitId: Uuid.optional(),
  status: DecisionStatus.optional(),
  year: z.coerce.number().int().min(1900).max(2999).optional(),
});
export type DecisionListQuery = z.infer<typeof DecisionListQuery>;

/** What the caller may do with a decision now. */
export const DecisionActions = z.object({
  edit: z.boolean(),
  issue: z.boolean(),
  revoke: z.boolean(),
  pay: z.boolean(),
  /** Publish the issued decision on the public portal, or withdraw it from there. */
  publish: z.boolean(),
  withdrawPublication: z.boolean(),
});

/** A decision in a list. */
export const DecisionSummary = z.object({
  id: Uuid,
  version: z.number().int(),
  status: DecisionStatus,
  number: z.string().nullable(),
  decisionDate: StoredDate,
  title: z.string(),
  unitId: Uuid,
  unitName: z.string(),
  recipientCount: z.number().int(),
});
export type DecisionSummary = z.infer<typeof DecisionSummary>;
export const DecisionPage = cursorPageOf(DecisionSummary);
export type DecisionPage = z.infer<typeof DecisionPage>;

/** Competence of the issuing unit for one award of the list, on the decision date. */
export const DecisionAuthorityCheck = z.object({
  awardCode: AwardCode,
  awardName: z.string(),
  competent: z.boolean().nullable(),
  article: z.string(),
  message: z.string(),
});

/** One decision with its fields, totals and what the caller may do. */
export const DecisionView = DecisionSummary.extend({
  unitKind: z.string(),
  authority: z.string(),
  decider: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  place: z.string().nullable(),
  legalBasis: z.array(z.string()),
  issuedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** When the decision was published on the public portal; null when it is not published. */
  publishedAt: z.string().nullable(),
  cashTotal: z.number().nullable(),
  /** Recipients that came from a tờ trình (their nominees move to decided at issue). */
  nomineeCount: z.number().int(),
  /** Competence per award of the list (issuing is refused while one is not competent). */
  authorityChecks: z.array(DecisionAuthorityCheck),
  actions: DecisionActions,
});
export type DecisionView = z.infer<typeof DecisionView>;

/** One recipient as listed. */
export const RecipientView = z.object({
  id: Uuid,
  version: z.number().int(),
  position: z.number().int(),
  personId: Uuid.nullable(),
  unitId: Uuid.nullable(),
  householdName: z.string().nullable(),
  householdUnitId: Uuid.nullable(),
  name: z.string(),
  /** Unit of a person, parent of a unit, the unit a household lives in. */
  context: z.string().nullable(),
  awardCode: AwardCode,
  awardName: z.string(),
  rewardType: RewardType,
  year: z.number().int(),
  achievement: z.string().nullable(),
  nomineeId: Uuid.nullable(),
  /** The tờ trình of the nominee this recipient came from. */
  nomination: z.object({ id: Uuid, title: z.string() }).nullable(),
  cashMultiple: z.number().nullable(),
  cashAmount: z.number().nullable(),
  paid: z.boolean(),
});
export type RecipientView = z.infer<typeof RecipientView>;
export const RecipientPage = cursorPageOf(RecipientView);
export type RecipientPage = z.infer<typeof RecipientPage>;

/** A recipient list page's query. */
export const RecipientListQuery = CursorQuery;

/** Which generated file a document job makes. */
export const DecisionDocumentKind = z.enum(['docx', 'pdf', 'certificates']);
export type DecisionDocumentKind = z.infer<typeof DecisionDocumentKind>;
export const DecisionDocumentBody = z.strictObject({ kind: DecisionDocumentKind });

/** "123/QĐ-UBND". */
export const formatDecisionNumber = (sequence: number, symbol: string): string => `${sequence}/QĐ-${symbol}`;
