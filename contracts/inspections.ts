import { z } from 'zod';
import {
  CursorQuery,
  cursorPageOf,
  endNotBeforeStart,
  IsoDate,
  MultilineText,
  RecordVersion,
  StoredDate,
  Text,
  Uuid,
} from './common.ts';

/** Inspections (kiểm tra) of a council: yearly plan, team, targets, findings, remedies and follow-up. */

/** A plan is drafted, approved (the team goes out, findings are recorded), then done. */
export const InspectionStatus = z.enum(['draft', 'approved', 'done']);
export type InspectionStatus = z.infer<typeof InspectionStatus>;
export const inspectionStatusLabels: Record<InspectionStatus, string> = {
  draft: 'Dự thảo',
  approved: 'Đã phê duyệt',
  done: 'Đã hoàn thành',
};

/** How a content item is assessed: not at all, by a score up to a maximum, or by a rating. */
export const Assessment = z.enum(['none', 'score', 'rating']);
export type Assessment = z.infer<typeof Assessment>;
export const assessmentLabels: Record<Assessment, string> = {
  none: 'Không chấm',
  score: 'Chấm điểm',
  rating: 'Xếp loại',
};

/** The rating of a content item, when the plan rates it. */
export const Rating = z.enum(['good', 'fair', 'pass', 'fail']);
export type Rating = z.infer<typeof Rating>;
export const ratingLabels: Record<Rating, string> = {
  good: 'Tốt',
  fair: 'Khá',
  pass: 'Đạt',
  fail: 'Chưa đạt',
};

/** A member's role in the inspection team (đoàn kiểm tra). */
export const TeamRole = z.enum(['lead', 'member', 'secretary']);
export type TeamRole = z.infer<typeof TeamRole>;
export const teamRoleLabels: Record<TeamRole, string> = {
  lead: 'Trưởng đoàn',
  member: 'Thành viên',
  secretary: 'Thư ký',
};

/** The progress the inspected unit reports on one remedy. */
export const RemedyStatus = z.enum(['not_started', 'in_progress', 'done']);
export type RemedyStatus = z.infer<typeof RemedyStatus>;
export const remedyStatusLabels: Record<RemedyStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Đã khắc phục',
};

/** Highest maximum score a content item may carry. */
export const SCORE_MAX = 1_000;
/** Most content items one plan holds. */
export const ITEMS_MAX = 100;
/** Most people one inspection team holds (the plan's page lists them all). */
export const TEAM_MAX = 30;
/** Most remedies one inspected unit is asked for (its page lists them all). */
export const REMEDIES_MAX = 100;

/** What is checked (nội dung kiểm tra), and whether and how it is assessed. */
const ItemId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'Mã nội dung không hợp lệ');
export const InspectionItem = z
  .object({
    id: ItemId,
    text: Text(2000).min(3, 'Nhập nội dung kiểm tra (ít nhất 3 ký tự)'),
    assessment: Assessment,
    /** The highest score, when the item is scored. */
    maxScore: z.number().int().min(1, 'Điểm tối đa ít nhất là 1').max(SCORE_MAX).nullable(),
  })
  .refine((item) => (item.assessment === 'score') === (item.maxScore !== null), {
    message: 'Nội dung chấm điểm phải có điểm tối đa (và chỉ nội dung chấm điểm)',
    path: ['maxScore'],
  });
export type InspectionItem = z.infer<typeof InspectionItem>;
/** A content item sent by the client: the server gives new items their id. */
export const InspectionItemInput = z
  .object({
    id: ItemId.optional(),
    text: Text(2000).min(3, 'Nhập nội dung kiểm tra (ít nhất 3 ký tự)'),
    assessment: Assessment,
    maxScore: z.number().int().min(1, 'Điểm tối đa ít nhất là 1').max(SCORE_MAX).nullable(),
  })
  .refine((item) => (item.assessment === 'score') === (item.maxScore !== null), {
    message: 'Nội dung chấm điểm phải có điểm tối đa (và chỉ nội dung chấm điểm)',
    path: ['maxScore'],
  });
export type InspectionItemInput = z.infer<typeof InspectionItemInput>;

const Items = z.array(InspectionItemInput).max(ITEMS_MAX, `Tối đa ${ITEMS_MAX} nội dung`);
const Year = z.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');
const Title = Text(300).min(3, 'Nhập tên kế hoạch kiểm tra (ít nhất 3 ký tự)');
const Purpose = MultilineText(5000);

/** POST /api/inspections: a council's yearly inspection plan (draft). */
export const InspectionCreateBody = z
  .strictObject({
    councilId: Uuid,
    year: Year,
    title: Title,
    purpose: Purpose.optional(),
    startsOn: IsoDate,
    endsOn: IsoDate,
    items: Items.default([]),
  })
  .superRefine(endNotBeforeStart('startsOn', 'endsOn', 'Ngày kết thúc không được trước ngày bắt đầu'));
export type InspectionCreateBody = z.infer<typeof InspectionCreateBody>;

/** PATCH /api/inspections/:id: a draft plan's fields at the version loaded. */
export const InspectionUpdateBody = z
  .strictObject({
    title: Title.optional(),
    purpose: Purpose.optional(),
    startsOn: IsoDate.optional(),
    endsOn: IsoDate.optional(),
    items: Items.optional(),
    version: RecordVersion,
  })
  .superRefine(endNotBeforeStart('startsOn', 'endsOn', 'Ngày kết thúc không được trước ngày bắt đầu'));
export type InspectionUpdateBody = z.infer<typeof InspectionUpdateBody>;

/** A state change of a plan (approve, complete) at the version loaded. */
export const VersionBody = z.strictObject({ version: RecordVersion });
export type VersionBody = z.infer<typeof VersionBody>;
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1, 'Phiên bản không hợp lệ') });

/** POST /api/inspections/:id/items/from-movement: the movement plan's collective criteria become items. */
export const ItemsFromMovementBody = z.strictObject({ movementId: Uuid, version: RecordVersion });

/** POST /api/inspections/:id/team: a person (and their council seat, if any) joins the team. */
export const TeamAddBody = z.strictObject({
  personId: Uuid,
  councilMemberId: Uuid.nullable().default(null),
  role: TeamRole,
  version: RecordVersion,
});
export type TeamAddBody = z.infer<typeof TeamAddBody>;

/** POST /api/inspections/:id/targets: a unit to inspect and the day. */
export const TargetAddBody = z.strictObject({ unitId: Uuid, inspectOn: IsoDate, version: RecordVersion });
export type TargetAddBody = z.infer<typeof TargetAddBody>;

/** PATCH /api/inspection-targets/:id: the day, the conclusion and the recommendations. */
export const TargetUpdateBody = z.strictObject({
  inspectOn: IsoDate.optional(),
  conclusion: MultilineText(20_000).optional(),
  recommendations: MultilineText(20_000).optional(),
  version: RecordVersion,
});
export type TargetUpdateBody = z.infer<typeof TargetUpdateBody>;

/** PUT /api/inspection-targets/:id/findings/:itemId: the finding of one content item. */
export const FindingBody = z.strictObject({
  text: MultilineText(10_000).min(2, 'Nhập kết quả kiểm tra'),
  score: z.number().min(0, 'Điểm không được âm').max(SCORE_MAX).nullable().default(null),
  rating: Rating.nullable().default(null),
  version: RecordVersion,
});
export type FindingBody = z.infer<typeof FindingBody>;

/** POST /api/inspection-targets/:id/remedies: what the unit must fix, by when. */
export const RemedyCreateBody = z.strictObject({
  text: MultilineText(5000).min(3, 'Nhập nội dung yêu cầu khắc phục'),
  dueOn: IsoDate,
  version: RecordVersion,
});
export type RemedyCreateBody = z.infer<typeof RemedyCreateBody>;

/** POST /api/inspection-remedies/:id/follow-up: the unit's report on one remedy. */
export const FollowUpBody = z.strictObject({
  status: RemedyStatus,
  note: MultilineText(5000).min(2, 'Nhập kết quả thực hiện'),
  version: RecordVersion,
});
export type FollowUpBody = z.infer<typeof FollowUpBody>;

/** What the signed-in user may do with a plan or a target; the page shows only these buttons. */
export const InspectionAction = z.enum([
  'edit',
  'approve',
  'complete',
  'record',
  'follow_up',
  'issue_notice',
]);
export type InspectionAction = z.infer<typeof InspectionAction>;

export const InspectionListQuery = CursorQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: InspectionStatus.optional(),
});
export type InspectionListQuery = z.infer<typeof InspectionListQuery>;

export const InspectionListItem = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  councilName: z.string(),
  startsOn: StoredDate,
  endsOn: StoredDate,
  status: InspectionStatus,
  targetCount: z.number().int(),
  /** Remedies past their deadline and not reported fixed, over the targets the user sees. */
  overdueCount: z.number().int(),
});
export type InspectionListItem = z.infer<typeof InspectionListItem>;
export const InspectionPage = cursorPageOf(InspectionListItem);
export type InspectionPage = z.infer<typeof InspectionPage>;

export const TeamMember = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  unitName: z.string(),
  councilMemberId: z.string().nullable(),
  role: TeamRole,
});
export type TeamMember = z.infer<typeof TeamMember>;

export const InspectionView = InspectionListItem.extend({
  councilId: z.string(),
  unitName: z.string(),
  purpose: z.string(),
  items: z.array(InspectionItem),
  team: z.array(TeamMember),
  version: z.number().int(),
  /** False when the user sees only their own unit's target (the inspected unit). */
  isFullView: z.boolean(),
  actions: z.array(InspectionAction),
});
export type InspectionView = z.infer<typeof InspectionView>;

export const TargetListItem = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  inspectOn: StoredDate,
  findingCount: z.number().int(),
  remedyCount: z.number().int(),
  openRemedyCount: z.number().int(),
  overdueCount: z.number().int(),
  /** The target's version, for changing its day from the plan's page. */
  version: z.number().int(),
});
export type TargetListItem = z.infer<typeof TargetListItem>;
export const TargetPage = cursorPageOf(TargetListItem);
export type TargetPage = z.infer<typeof TargetPage>;

export const Finding = z.object({
  itemId: z.string(),
  text: z.string(),
  score: z.number().nullable(),
  rating: Rating.nullable(),
});
export type Finding = z.infer<typeof Finding>;

export const Remedy = z.object({
  id: z.string(),
  text: z.string(),
  dueOn: StoredDate,
  status: RemedyStatus,
  note: z.string().nullable(),
  reportedAt: z.string().nullable(),
  isOverdue: z.boolean(),
  evidence: z.object({ fileId: z.string(), fileName: z.string() }).nullable(),
  version: z.number().int(),
});
export type Remedy = z.infer<typeof Remedy>;

export const TargetView = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  planYear: z.number().int(),
  planStatus: InspectionStatus,
  councilName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  inspectOn: StoredDate,
  conclusion: z.string(),
  recommendations: z.string(),
  /** The conclusion notice once issued: its register number ("12/TB-HĐTĐKT") and date. */
  notice: z.object({ number: z.string(), date: StoredDate }).nullable(),
  items: z.array(InspectionItem),
  findings: z.array(Finding),
  remedies: z.array(Remedy),
  version: z.number().int(),
  actions: z.array(InspectionAction),
});
export type TargetView = z.infer<typeof TargetView>;

/** The symbol of a conclusion notice's number in the council's register (NĐ 30: TB = thông báo). */
export const NOTICE_SYMBOL = 'TB-HĐTĐKT';
/** "12/TB-HĐTĐKT" from the register's sequence. */
export const formatNoticeNumber = (sequence: number) => `${sequence}/${NOTICE_SYMBOL}`;
/** Working days before a remedy's deadline from which the unit is reminded. */
export const REMEDY_REMIND_WORKING_DAYS = 3;
