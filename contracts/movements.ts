import { z } from 'zod';
import {
  Cursor,
  CursorQuery,
  cursorPageOf,
  DocumentText,
  ErrorResponse,
  endNotBeforeStart,
  IsoDate,
  ListTotal,
  MultilineText,
  RecordVersion,
  Text,
  Uuid,
} from './common.ts';
import { AwardPlan, LineRange, Milestone, ParsedDocument, UnclassifiedLine } from './documents.ts';

const Year = z.number().int().min(1945, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

/** Regular (thường xuyên) or thematic (chuyên đề) movement. */
export const MovementKind = z.enum(['regular', 'thematic']);
export type MovementKind = z.infer<typeof MovementKind>;
export const movementKindLabels: Record<MovementKind, string> = {
  regular: 'Thường xuyên',
  thematic: 'Chuyên đề',
};

/** Life of a movement: a draft plan, launched (visible to the subtree), closed after the final review. */
export const MovementStatus = z.enum(['draft', 'launched', 'closed']);
export type MovementStatus = z.infer<typeof MovementStatus>;
export const movementStatusLabels: Record<MovementStatus, string> = {
  draft: 'Dự thảo',
  launched: 'Đã phát động',
  closed: 'Đã tổng kết',
};

/** One criterion (tiêu chuẩn / tiêu chí) of a tree, with optional points. */
export interface CriterionNode {
  /** Stable id inside the plan, so edits can name the node. */
  id: string;
  label: string | null;
  text: string;
  /** Points of a scoring table, when the plan gives them. */
  points: number | null;
  /** Source lines when imported, null when typed. */
  lines: [number, number] | null;
  children: CriterionNode[];
}
export const CriterionNode: z.ZodType<CriterionNode> = z
  .lazy(() =>
    z.object({
      id: Text(100),
      label: DocumentText(200).nullable(),
      text: DocumentText(),
      points: z.number().nullable(),
      lines: z.tuple([z.number().int(), z.number().int()]).nullable(),
      children: z.array(CriterionNode),
    }),
  )
  .meta({ id: 'CriterionNode' });

/** Criteria trees for collectives (tập thể) and individuals (cá nhân). */
export const CriteriaTrees = z.object({
  collective: z.array(CriterionNode),
  individual: z.array(CriterionNode),
});
export type CriteriaTrees = z.infer<typeof CriteriaTrees>;

/** Who must do what, by when, once or every year (tổ chức thực hiện). */
export const PlanAssignment = z.object({
  assignee: DocumentText(),
  tasks: z.array(DocumentText()),
  deadline: DocumentText(500).nullable(),
  recurrence: z.enum(['once', 'yearly']),
});
export type PlanAssignment = z.infer<typeof PlanAssignment>;

/** Who takes part: kinds of units and kinds of people. */
export const Participants = z.object({ units: z.array(DocumentText()), people: z.array(DocumentText()) });
export type Participants = z.infer<typeof Participants>;

/**
 * The content of one plan version: the document model (header, body sections, signature — what is
 * rendered and compared) and the editable structured parts derived from it.
 */
export const PlanContent = z.object({
  document: ParsedDocument,
  purposes: z.array(DocumentText()),
  requirements: z.array(DocumentText()),
  participants: Participants,
  criteria: CriteriaTrees,
  /**
   * Source lines of the body nodes that hold each criteria list ("a) Đối với tập thể:"), so an edited
   * tree is written back in place when the document is rendered; null when the plan had none.
   */
  criteriaAnchors: z.object({ collective: LineRange.nullable(), individual: LineRange.nullable() }),
  awards: z.array(AwardPlan),
  milestones: z.array(Milestone),
  assignments: z.array(PlanAssignment),
  funding: DocumentText().nullable(),
});
export type PlanContent = z.infer<typeof PlanContent>;

/** What a user may do with a movement; the web shows exactly these buttons. */
export const MovementAction = z.enum([
  'view',
  'edit',
  'launch',
  'implement',
  'register',
  'manage_registrations',
  'export',
  'publish',
]);
export type MovementAction = z.infer<typeof MovementAction>;

const UnitRef = z.object({ id: z.string(), name: z.string() });

/** A movement in lists. */
export const MovementListItem = z.object({
  id: z.string(),
  name: z.string(),
  theme: z.string().nullable(),
  kind: MovementKind,
  status: MovementStatus,
  periodFrom: z.number().int(),
  periodTo: z.number().int(),
  launchingUnit: UnitRef,
  parentMovementId: z.string().nullable(),
  planNumber: z.string().nullable(),
  launchedAt: z.string().nullable(),
  planDeadline: z.string().nullable(),
  currentVersion: z.number().int(),
  /** When the movement and its plan were published on the public portal; null when not published. */
  publishedAt: z.string().nullable(),
  actions: z.array(MovementAction),
  /**
   * The record's version (its fields and its current plan together), not the plan's version number:
   * every edit sends it back and is refused (409) when it is stale.
   */
  version: z.number().int(),
});
export type MovementListItem = z.infer<typeof MovementListItem>;
export const MovementPage = cursorPageOf(MovementListItem);

/** A movement with its current plan, its source text (imports) and the legal bases found in the system. */
export const MovementDetail = MovementListItem.extend({
  parentMovement: z.object({ id: z.string(), name: z.string() }).nullable(),
  plan: PlanContent,
  sourceText: z.string().nullable(),
  unclassified: z.array(UnclassifiedLine),
  /** Legal-basis references that match a plan number stored in the system. */
  linkedPlans: z.array(z.object({ number: z.string(), movementId: z.string(), name: z.string() })),
});
export type MovementDetail = z.infer<typeof MovementDetail>;

/** Movements in scope, newest period first, keyset-paged. */
export const MovementQuery = CursorQuery.extend({
  q: Text(200).optional(),
  status: MovementStatus.optional(),
});
export type MovementQuery = z.infer<typeof MovementQuery>;

const movementFields = {
  name: Text(500).min(3, 'Tên phong trào quá ngắn'),
  theme: Text(500).nullable().optional(),
  kind: MovementKind.default('thematic'),
  periodFrom: Year,
  periodTo: Year,
};

/** A movement's period may not end before it starts. */
export const PERIOD_ORDER_MESSAGE = 'Năm kết thúc không được trước năm bắt đầu';
const periodInOrder = endNotBeforeStart('periodFrom', 'periodTo', PERIOD_ORDER_MESSAGE);

/** Body of POST /api/movements (create by hand, optionally implementing a parent movement). */
export const CreateMovementBody = z
  .object({
    ...movementFields,
    launchingUnitId: Uuid,
    parentMovementId: Uuid.nullable().optional(),
  })
  .superRefine(periodInOrder);
export type CreateMovementBody = z.infer<typeof CreateMovementBody>;

/** Body of PATCH /api/movements/:id. */
export const UpdateMovementBody = z
  .object({
    name: movementFields.name.optional(),
    theme: movementFields.theme,
    kind: MovementKind.optional(),
    periodFrom: Year.optional(),
    periodTo: Year.optional(),
    /** The version of the movement the form loaded. */
    version: RecordVersion,
  })
  .superRefine(periodInOrder);
export type UpdateMovementBody = z.infer<typeof UpdateMovementBody>;

/** Body of POST /api/movements/:id/copy and /implement: the unit that will own the new draft. */
export const CopyMovementBody = z.object({ launchingUnitId: Uuid });
export type CopyMovementBody = z.infer<typeof CopyMovementBody>;

/** What does not fit a plan about to be launched or imported; each needs the user's confirmation. */
export const LaunchWarningCode = z.enum([
  'issuer_mismatch',
  'place_mismatch',
  'period_over',
  'same_number',
  'same_name',
]);
export type LaunchWarningCode = z.infer<typeof LaunchWarningCode>;

/** Body of POST /api/movements/:id/launch. */
export const LaunchMovementBody = z.object({
  /** Deadline for subordinate units to issue their implementing plans. */
  planDeadline: IsoDate.optional(),
  /** The warnings the user saw and confirmed (GET …/launch-check); a warning not listed refuses the launch. */
  confirmedWarnings: z.array(LaunchWarningCode).max(10).optional(),
});
export type LaunchMovementBody = z.infer<typeof LaunchMovementBody>;

/** POST /api/movements/:id/publish and /withdraw-publication: the portal publication at the version loaded. */
export const MovementPublicationBody = z.strictObject({ version: RecordVersion });

/** One edit of a criteria tree, with the version of the movement it was made on. */
export const CriteriaEdit = z.discriminatedUnion('op', [
  z.object({
    version: RecordVersion,
    op: z.literal('add'),
    tree: z.enum(['collective', 'individual']),
    parentId: Text(100).nullable(),
    text: MultilineText(2000).min(1, 'Vui lòng nhập nội dung tiêu chí'),
    points: z.number().nullable().optional(),
    index: z.number().int().min(0).optional(),
  }),
  z.object({
    version: RecordVersion,
    op: z.literal('move'),
    tree: z.enum(['collective', 'individual']),
    id: Text(100),
    parentId: Text(100).nullable(),
    index: z.number().int().min(0),
  }),
  z.object({
    version: RecordVersion,
    op: z.literal('delete'),
    tree: z.enum(['collective', 'individual']),
    id: Text(100),
  }),
  z.object({
    version: RecordVersion,
    op: z.literal('reword'),
    tree: z.enum(['collective', 'individual']),
    id: Text(100),
    text: MultilineText(2000).min(1, 'Vui lòng nhập nội dung tiêu chí').optional(),
    points: z.number().nullable().optional(),
  }),
]);
export type CriteriaEdit = z.infer<typeof CriteriaEdit>;

/** Where an unclassified line goes: into a field, under a body section, or away (with the movement's version). */
export const PlaceLineBody = z.discriminatedUnion('action', [
  z.object({ version: RecordVersion, action: z.literal('drop') }),
  z.object({
    version: RecordVersion,
    action: z.literal('place'),
    target: z.enum(['title', 'funding', 'legal_basis', 'purpose', 'requirement', 'section']),
    /** Index of the top-level body section, for target = section (appended at the end when absent). */
    sectionIndex: z.number().int().min(0).optional(),
  }),
]);
export type PlaceLineBody = z.infer<typeof PlaceLineBody>;

/** Body of PUT /api/movements/:id/plan: the whole plan and the version of the movement it was edited on. */
export const SavePlanBody = PlanContent.extend({ version: RecordVersion });
export type SavePlanBody = z.infer<typeof SavePlanBody>;

/** A stored plan version. */
export const PlanVersion = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  isCurrent: z.boolean(),
  plan: PlanContent,
});
export type PlanVersion = z.infer<typeof PlanVersion>;
export const PlanVersionList = z.object({
  items: z.array(PlanVersion.omit({ plan: true }).extend({ number: z.string().nullable() })),
});

/** Status of a unit's implementing plan on the cascade dashboard. */
export const ObligationStatus = z.enum(['on_time', 'late', 'pending', 'missing', 'not_applicable', 'none']);
export type ObligationStatus = z.infer<typeof ObligationStatus>;
export const obligationStatusLabels: Record<ObligationStatus, string> = {
  on_time: 'Đã ban hành đúng hạn',
  late: 'Ban hành muộn',
  pending: 'Chưa ban hành (còn hạn)',
  missing: 'Chưa ban hành (quá hạn)',
  not_applicable: 'Không áp dụng',
  none: 'Chưa được giao',
};

export const StatusCounts = z.record(ObligationStatus, z.number().int());
export type StatusCounts = z.infer<typeof StatusCounts>;

/** One row of the cascade dashboard: a unit, its own plan status and its subtree by status. */
export const CascadeRow = z.object({
  unit: z.object({ id: z.string(), name: z.string(), code: z.string(), childCount: z.number().int() }),
  obligationId: z.string().nullable(),
  status: ObligationStatus,
  dueOn: z.string().nullable(),
  issuedAt: z.string().nullable(),
  implementingMovementId: z.string().nullable(),
  planNumber: z.string().nullable(),
  reason: z.string().nullable(),
  subtree: StatusCounts,
});
export type CascadeRow = z.infer<typeof CascadeRow>;

/** The dashboard below a unit; its direct subordinates are keyset-paged in name order. */
export const CascadeQuery = CursorQuery.extend({ unitId: Uuid.optional() });
/** The workbook has every direct subordinate, so it takes the unit only. */
export const CascadeExportQuery = z.object({ unitId: Uuid.optional() });
export const CascadeResponse = z.object({
  movementId: z.string(),
  unit: UnitRef,
  /** One page of the unit's direct subordinates (every one in the workbook). */
  rows: z.array(CascadeRow),
  next: Cursor.nullable(),
  prev: Cursor.nullable(),
  /** How many direct subordinates the dashboard lists. */
  total: ListTotal,
  /** Counts by status per depth below the unit (1 = the rows' own level). */
  levels: z.array(z.object({ depth: z.number().int(), counts: StatusCounts })),
  totals: StatusCounts,
});
export type CascadeResponse = z.infer<typeof CascadeResponse>;

/** One obligation of a unit in the caller's scope towards a movement: issue an implementing plan. */
export const MyObligation = z.object({
  obligationId: z.string(),
  unit: UnitRef,
  /** Deadline of the implementing plan (YYYY-MM-DD). */
  dueOn: z.string().nullable(),
  /** on_time or late once issued, pending or missing before, or not_applicable. */
  status: ObligationStatus,
  issuedAt: z.string().nullable(),
  /** The unit's implementing movement, once issued. */
  implementingMovementId: z.string().nullable(),
  planNumber: z.string().nullable(),
  /** The unit's implementing plan still in draft (not issued yet), so nobody starts a second one. */
  draftMovementId: z.string().nullable(),
  /** Why a higher level marked it not applicable. */
  reason: z.string().nullable(),
});
export type MyObligation = z.infer<typeof MyObligation>;
/** The obligations of the caller's units (following successions) towards one movement. */
export const MyObligationList = z.object({ movementId: z.string(), items: z.array(MyObligation) });
export type MyObligationList = z.infer<typeof MyObligationList>;

export const NotApplicableBody = z.object({
  reason: MultilineText(1000).min(3, 'Vui lòng nêu lý do'),
});

export const MovementExportQuery = z.object({ format: z.enum(['docx', 'pdf']).default('docx') });
export const DraftPlanQuery = z.object({ unitId: Uuid });
export const DiffQuery = z.object({ againstMovementId: Uuid.optional() });

export const LaunchWarning = z.object({ code: LaunchWarningCode, message: z.string() });
export type LaunchWarning = z.infer<typeof LaunchWarning>;

/** GET /api/movements/:id/launch-check: what blocks issuing (missing header fields) and what to confirm. */
export const LaunchCheck = z.object({
  /** Vietnamese names of the fields an implementing plan must have before it is issued. */
  missing: z.array(z.string()),
  warnings: z.array(LaunchWarning),
});
export type LaunchCheck = z.infer<typeof LaunchCheck>;

/** 409 LAUNCH_WARNINGS: the launch or import waits for the user to confirm these warnings. */
export const LaunchWarningsReply = ErrorResponse.extend({ warnings: z.array(LaunchWarning).optional() });
export type LaunchWarningsReply = z.infer<typeof LaunchWarningsReply>;

// Registrations, milestones and assignments, and the plan document's edits, live in their own files;
// re-exported for one import path.
export * from './movement-tracking.ts';
export * from './plan-document-edit.ts';
