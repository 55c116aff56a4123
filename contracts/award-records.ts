import { z } from 'zod';
import { AwardCode, AwardYear, InitiativeScope, Rating, RewardType } from './awards.ts';
import { endNotBeforeStart, IsoDate, RecordVersion, StoredDate, Text, Uuid } from './common.ts';

/**
 * Awards records per person and unit (ratings, discipline, titles and awards received, initiatives,
 * the statistics position class). The eligibility questions asked of them and the candidate lists are
 * in award-eligibility.ts; the catalogue, rule overrides and base salaries in award-admin.ts.
 */

/** The position class a person counts in on the MoHA statistics forms (biểu 0602, 0603). */
export const PositionClass = z.enum([
  'central_provincial_leader',
  'department_leader',
  'entrepreneur',
  'other_leader',
  'direct_worker',
]);
export type PositionClass = z.infer<typeof PositionClass>;
export const positionClassLabels: Record<PositionClass, string> = {
  central_provincial_leader: 'Lãnh đạo cấp bộ, tỉnh trở lên',
  department_leader: 'Lãnh đạo cấp vụ, sở',
  entrepreneur: 'Doanh nhân',
  other_leader: 'Lãnh đạo khác từ phó phòng trở lên',
  direct_worker: 'Trực tiếp lao động, công tác',
};

/** Where a rating came from. */
export const RatingSource = z.enum(['manual', 'import', 'hr', 'demo', 'generated']);
export type RatingSource = z.infer<typeof RatingSource>;
export const ratingSourceLabels: Record<RatingSource, string> = {
  manual: 'Nhập trực tiếp',
  import: 'Nhập từ tệp',
  hr: 'Từ kết quả đánh giá, xếp loại của cơ quan quản lý',
  demo: 'Dữ liệu mẫu',
  generated: 'Dữ liệu sinh tự động',
};

/** Discipline levels a decision records (no "none"). */
export const DisciplineDecisionLevel = z.enum(['reprimand', 'warning', 'higher']);
export type DisciplineDecisionLevel = z.infer<typeof DisciplineDecisionLevel>;

/** The kinds of record, as they appear in the URLs. */
export const RecordKind = z.enum([
  'person-ratings',
  'unit-ratings',
  'disciplines',
  'received',
  'initiatives',
]);
export type RecordKind = z.infer<typeof RecordKind>;
export const recordKindLabels: Record<RecordKind, string> = {
  'person-ratings': 'Xếp loại cá nhân hằng năm',
  'unit-ratings': 'Xếp loại tập thể hằng năm',
  disciplines: 'Kỷ luật',
  received: 'Danh hiệu, hình thức khen thưởng đã nhận',
  initiatives: 'Sáng kiến',
};

const Score = z.number().min(0, 'Điểm không được âm').max(1000, 'Điểm tối đa 1000');
const DecisionNumber = Text(100);
const Decider = Text(300);

const ratingFields = {
  year: AwardYear,
  rating: Rating,
  score: Score.nullable().optional(),
  source: RatingSource.default('manual'),
};
export const PersonRatingBody = z.strictObject({ personId: Uuid, ...ratingFields });
export type PersonRatingBody = z.infer<typeof PersonRatingBody>;
export const UnitRatingBody = z.strictObject({ unitId: Uuid, ...ratingFields });
export type UnitRatingBody = z.infer<typeof UnitRatingBody>;
export const RatingUpdateBody = z.strictObject({
  rating: Rating.optional(),
  score: Score.nullable().optional(),
  source: RatingSource.optional(),
  version: RecordVersion,
});
export type RatingUpdateBody = z.infer<typeof RatingUpdateBody>;

const disciplineFields = {
  level: DisciplineDecisionLevel,
  fromDate: IsoDate,
  toDate: IsoDate.nullable().optional(),
  pending: z.boolean().default(false),
  decisionNumber: DecisionNumber.nullable().optional(),
  note: Text(500).nullable().optional(),
};
export const DisciplineBody = z
  .strictObject({ personId: Uuid, ...disciplineFields })
  .superRefine(endNotBeforeStart('fromDate', 'toDate', 'Ngày kết thúc không được trước ngày bắt đầu'));
export type DisciplineBody = z.infer<typeof DisciplineBody>;
export const DisciplineUpdateBody = z
  .strictObject({
    level: DisciplineDecisionLevel.optional(),
    fromDate: IsoDate.optional(),
    toDate: IsoDate.nullable().optional(),
    pending: z.boolean().optional(),
    decisionNumber: DecisionNumber.nullable().optional(),
    note: Text(500).nullable().optional(),
    version: RecordVersion,
  })
  .superRefine(endNotBeforeStart('fromDate', 'toDate', 'Ngày kết thúc không được trước ngày bắt đầu'));
export type DisciplineUpdateBody = z.infer<typeof DisciplineUpdateBody>;

const receivedFields = {
  awardCode: AwardCode,
  year: AwardYear,
  rewardType: RewardType.default('thuong_xuyen'),
  decisionNumber: DecisionNumber.nullable().optional(),
  decisionDate: IsoDate.nullable().optional(),
  decider: Decider.nullable().optional(),
};
/** A title or award received: by a person or by a unit (exactly one). */
export const ReceivedBody = z
  .strictObject({ personId: Uuid.optional(), unitId: Uuid.optional(), ...receivedFields })
  .superRefine((body, context) => {
    if ((body.personId === undefined) === (body.unitId === undefined)) {
      context.addIssue({ code: 'custom', path: ['personId'], message: 'Chọn một cá nhân hoặc một tập thể' });
    }
  });
export type ReceivedBody = z.infer<typeof ReceivedBody>;
export const ReceivedUpdateBody = z.strictObject({
  awardCode: AwardCode.optional(),
  year: AwardYear.optional(),
  rewardType: RewardType.optional(),
  decisionNumber: DecisionNumber.nullable().optional(),
  decisionDate: IsoDate.nullable().optional(),
  decider: Decider.nullable().optional(),
  version: RecordVersion,
});
export type ReceivedUpdateBody = z.infer<typeof ReceivedUpdateBody>;

const initiativeFields = {
  name: Text(500).min(2, 'Tên sáng kiến phải có ít nhất 2 ký tự'),
  scope: InitiativeScope,
  year: AwardYear,
  decisionNumber: DecisionNumber.nullable().optional(),
  decisionDate: IsoDate.nullable().optional(),
  usedForAward: AwardCode.nullable().optional(),
  usedForYear: AwardYear.nullable().optional(),
};
const usedTogether = (
  body: { usedForAward?: string | null; usedForYear?: number | null },
  context: z.RefinementCtx,
) => {
  if (body.usedForAward === undefined && body.usedForYear === undefined) return;
  if (((body.usedForAward ?? null) === null) !== ((body.usedForYear ?? null) === null)) {
    context.addIssue({
      code: 'custom',
      path: ['usedForYear'],
      message: 'Ghi cả danh hiệu đã dùng sáng kiến và năm của danh hiệu đó',
    });
  }
};
export const InitiativeBody = z
  .strictObject({ personId: Uuid, ...initiativeFields })
  .superRefine(usedTogether);
export type InitiativeBody = z.infer<typeof InitiativeBody>;
export const InitiativeUpdateBody = z
  .strictObject({
    name: initiativeFields.name.optional(),
    scope: InitiativeScope.optional(),
    year: AwardYear.optional(),
    decisionNumber: DecisionNumber.nullable().optional(),
    decisionDate: IsoDate.nullable().optional(),
    usedForAward: AwardCode.nullable().optional(),
    usedForYear: AwardYear.nullable().optional(),
    version: RecordVersion,
  })
  .superRefine(usedTogether);
export type InitiativeUpdateBody = z.infer<typeof InitiativeUpdateBody>;

export const PositionClassBody = z.strictObject({
  positionClass: PositionClass,
  /** The version loaded; absent when the person has no class yet. */
  version: RecordVersion.optional(),
});
export type PositionClassBody = z.infer<typeof PositionClassBody>;

const versioned = { id: z.string(), version: z.number().int() };
export const RatingView = z.object({
  ...versioned,
  year: z.number().int(),
  rating: Rating,
  score: z.number().nullable(),
  source: RatingSource,
});
export type RatingView = z.infer<typeof RatingView>;
export const DisciplineView = z.object({
  ...versioned,
  level: DisciplineDecisionLevel,
  fromDate: StoredDate,
  toDate: StoredDate.nullable(),
  pending: z.boolean(),
  decisionNumber: z.string().nullable(),
  note: z.string().nullable(),
});
export type DisciplineView = z.infer<typeof DisciplineView>;
export const ReceivedView = z.object({
  ...versioned,
  awardCode: AwardCode,
  awardName: z.string(),
  year: z.number().int(),
  rewardType: RewardType,
  decisionNumber: z.string().nullable(),
  decisionDate: StoredDate.nullable(),
  decider: z.string().nullable(),
});
export type ReceivedView = z.infer<typeof ReceivedView>;
export const InitiativeView = z.object({
  ...versioned,
  name: z.string(),
  scope: InitiativeScope,
  year: z.number().int(),
  decisionNumber: z.string().nullable(),
  decisionDate: StoredDate.nullable(),
  usedForAward: AwardCode.nullable(),
  usedForYear: z.number().int().nullable(),
});
export type InitiativeView = z.infer<typeof InitiativeView>;

/** Everything recorded for a person, newest year first. */
export const PersonAwardRecords = z.object({
  personId: z.string(),
  canEdit: z.boolean(),
  ratings: z.array(RatingView),
  disciplines: z.array(DisciplineView),
  received: z.array(ReceivedView),
  initiatives: z.array(InitiativeView),
  positionClass: z.object({ value: PositionClass, version: z.number().int() }).nullable(),
});
export type PersonAwardRecords = z.infer<typeof PersonAwardRecords>;

/** Everything recorded for a unit, newest year first. */
export const UnitAwardRecords = z.object({
  unitId: z.string(),
  canEdit: z.boolean(),
  ratings: z.array(RatingView),
  received: z.array(ReceivedView),
});
export type UnitAwardRecords = z.infer<typeof UnitAwardRecords>;

/** A created or changed record: its id and version. */
export const RecordRef = z.object({ id: z.string(), version: z.number().int() });
export type RecordRef = z.infer<typeof RecordRef>;

export const RecordKindParams = z.object({ kind: RecordKind });
export const RecordExportQuery = z.object({
  unitId: Uuid.optional(),
  year: z.coerce.number().pipe(AwardYear).optional(),
});
export type RecordExportQuery = z.infer<typeof RecordExportQuery>;
