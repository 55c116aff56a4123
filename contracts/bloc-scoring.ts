import { z } from 'zod';
import { Code, CursorQuery, cursorPageOf, MultilineText, Name, RecordVersion, Text, Uuid } from './common.ts';

/** Bloc scoring (chấm điểm thi đua khối/cụm): scoring tables, self-assessment, review, ranking. */

/** A table is drafted, opened for scoring (its criteria locked), then published bloc by bloc. */
export const ScoringTableStatus = z.enum(['draft', 'open', 'published']);
export type ScoringTableStatus = z.infer<typeof ScoringTableStatus>;
export const scoringTableStatusLabels: Record<ScoringTableStatus, string> = {
  draft: 'Dự thảo',
  open: 'Đang chấm điểm',
  published: 'Đã công bố kết quả',
};

/** The kind of a criterion: a group of criteria, or one of the four kinds of leaf (awards-research §d.3). */
export const CriterionKind = z.enum(['group', 'quantitative', 'qualitative', 'fixed', 'bonus_penalty']);
export type CriterionKind = z.infer<typeof CriterionKind>;
export const criterionKindLabels: Record<CriterionKind, string> = {
  group: 'Nhóm tiêu chí',
  quantitative: 'Định lượng theo chỉ tiêu giao',
  qualitative: 'Định tính (đạt / không đạt)',
  fixed: 'Điểm cố định theo số lượng',
  bonus_penalty: 'Điểm thưởng / trừ',
};

/** One step of the tie-break chain: a named criterion, the women ≥ 70 % preference, the bloc's vote. */
export const TieBreakStep = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('criterion'),
    criterionCode: Code(/^[0-9A-Za-z.]{1,20}$/, 'Mã tiêu chí không hợp lệ'),
  }),
  z.object({ kind: z.literal('women_share') }),
  z.object({ kind: z.literal('vote') }),
]);
export type TieBreakStep = z.infer<typeof TieBreakStep>;

/** A sheet (one member unit's scores in a table) moves self-assessment → submitted → reviewed → explained → final. */
export const SheetStatus = z.enum(['self_assessment', 'submitted', 'reviewed', 'explained', 'final']);
export type SheetStatus = z.infer<typeof SheetStatus>;
export const sheetStatusLabels: Record<SheetStatus, string> = {
  self_assessment: 'Đơn vị đang tự chấm',
  submitted: 'Đã gửi, chờ khối trưởng chấm lần 1',
  reviewed: 'Khối trưởng đã chấm lần 1, chờ đơn vị giải trình',
  explained: 'Đơn vị đã giải trình, chờ chấm lần 2',
  final: 'Đã chốt điểm',
};

/** The stage of one score event in an entry's history. */
export const ScoreStage = z.enum(['self', 'review1', 'explanation', 'review2', 'final']);
export type ScoreStage = z.infer<typeof ScoreStage>;
export const scoreStageLabels: Record<ScoreStage, string> = {
  self: 'Đơn vị tự chấm',
  review1: 'Khối trưởng chấm lần 1',
  explanation: 'Đơn vị giải trình',
  review2: 'Khối trưởng chấm lần 2',
  final: 'Điểm chốt',
};

/** Points: from −1,000 to 1,000 with at most two decimals. */
export const Points = z
  .number()
  .min(-1000, 'Điểm không nhỏ hơn -1.000')
  .max(1000, 'Điểm không lớn hơn 1.000')
  .refine(
    (value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6,
    'Điểm có tối đa hai chữ số thập phân',
  );

const Count = z.number().int('Phải là số nguyên').min(0, 'Không được âm').max(1_000_000, 'Quá lớn');

/** The figures a unit enters for a leaf: by kind, the actual figure, met or not, counted items, bonus and penalty items. */
export const Figures = z.object({
  actual: z.number().min(0, 'Không được âm').max(1e12, 'Quá lớn').nullable().optional(),
  met: z.boolean().nullable().optional(),
  count: Count.nullable().optional(),
  bonusCount: Count.nullable().optional(),
  penaltyCount: Count.nullable().optional(),
});
export type Figures = z.infer<typeof Figures>;

/** One criterion of a table as entered: its place in the tree (by the parent's code), maximum and rule. */
export const CriterionInput = z
  .object({
    code: Code(/^[0-9A-Za-z.]{1,20}$/, 'Mã tiêu chí gồm chữ, số và dấu chấm (tối đa 20 ký tự)'),
    parentCode: Code(/^[0-9A-Za-z.]{1,20}$/, 'Mã tiêu chí không hợp lệ')
      .nullable()
      .default(null),
    title: Text(1000).min(1, 'Vui lòng nhập nội dung tiêu chí'),
    kind: CriterionKind,
    maxPoints: Points,
    pointsPerItem: Points.nullable().default(null),
    penaltyPerItem: Points.nullable().default(null),
    minPoints: Points.nullable().default(null),
    evidenceRequired: z.boolean().default(false),
  })
  .superRefine((value, context) => {
    const fail = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (value.kind !== 'bonus_penalty' && value.maxPoints < 0) fail('maxPoints', 'Điểm tối đa không được âm');
    if (value.kind === 'fixed' && !(value.pointsPerItem && value.pointsPerItem > 0))
      fail('pointsPerItem', 'Nhập số điểm cho mỗi trường hợp');
    if (value.kind === 'bonus_penalty') {
      if (!value.pointsPerItem && !value.penaltyPerItem)
        fail('pointsPerItem', 'Nhập điểm thưởng hoặc điểm trừ cho mỗi trường hợp');
      if ((value.minPoints ?? 0) > value.maxPoints)
        fail('minPoints', 'Điểm thấp nhất không được lớn hơn điểm tối đa');
    }
  });
export type CriterionInput = z.infer<typeof CriterionInput>;

/** A criterion with no points per item, no penalty, no lower bound and no evidence unless `rule` says so. */
export const criterionInput = (
  code: string,
  parentCode: string | null,
  title: string,
  kind: CriterionInput['kind'],
  maxPoints: number,
  rule: Partial<CriterionInput> = {},
): CriterionInput => ({
  code,
  parentCode,
  title,
  kind,
  maxPoints,
  pointsPerItem: null,
  penaltyPerItem: null,
  minPoints: null,
  evidenceRequired: false,
  ...rule,
});

/** At most this many criteria in one table. */
export const CRITERIA_MAX = 300;

export const CriterionView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  title: z.string(),
  kind: CriterionKind,
  maxPoints: z.number(),
  pointsPerItem: z.number().nullable(),
  penaltyPerItem: z.number().nullable(),
  minPoints: z.number().nullable(),
  evidenceRequired: z.boolean(),
  position: z.number().int(),
  depth: z.number().int(),
});
export type CriterionView = z.infer<typeof CriterionView>;

/** What the signed-in user may do with a table; the UI shows only these buttons (`rename`: the name alone, once scoring runs). */
export const ScoringTableAction = z.enum(['edit', 'rename', 'open', 'set_targets', 'publish']);
export type ScoringTableAction = z.infer<typeof ScoringTableAction>;

export const TableBloc = z.object({
  blocId: z.string(),
  name: z.string(),
  headUnitName: z.string().nullable(),
  published: z.boolean(),
});

export const ScoringTableView = z.object({
  id: z.string(),
  councilId: z.string(),
  councilName: z.string(),
  /** The bloc the table scores, or null for every bloc of the council that year. */
  blocId: z.string().nullable(),
  year: z.number().int(),
  name: z.string(),
  status: ScoringTableStatus,
  tieBreak: z.array(TieBreakStep),
  leadingCount: z.number().int(),
  criteria: z.array(CriterionView),
  blocs: z.array(TableBloc),
  actions: z.array(ScoringTableAction),
  version: z.number().int(),
});
export type ScoringTableView = z.infer<typeof ScoringTableView>;

export const ScoringTableItem = ScoringTableView.omit({ criteria: true, blocs: true, actions: true });
export const ScoringTablePage = cursorPageOf(ScoringTableItem);
export const ScoringTableQuery = CursorQuery.extend({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  councilId: Uuid.optional(),
});

export const ScoringTableCreateBody = z.object({
  councilId: Uuid,
  blocId: Uuid.nullable().default(null),
  year: z.number().int().min(1990).max(2100),
  name: Name,
  tieBreak: z
    .array(TieBreakStep)
    .max(10)
    .default([{ kind: 'vote' }]),
  leadingCount: z.number().int().min(1).max(50).default(1),
  criteria: z.array(CriterionInput).max(CRITERIA_MAX).default([]),
});
export type ScoringTableCreateBody = z.infer<typeof ScoringTableCreateBody>;

export const ScoringTableUpdateBody = z
  .object({
    name: Name,
    tieBreak: z.array(TieBreakStep).max(10),
    leadingCount: z.number().int().min(1).max(50),
    /** The whole criteria tree, replacing the stored one. */
    criteria: z.array(CriterionInput).max(CRITERIA_MAX),
  })
  .partial()
  .extend({ version: RecordVersion });
export type ScoringTableUpdateBody = z.infer<typeof ScoringTableUpdateBody>;

/** POST /api/scoring-tables/:id/copy: the table copied into another year (criteria and tie-break, as a draft). */
export const ScoringTableCopyBody = z.object({
  year: z.number().int().min(1990).max(2100),
  /** The bloc of the new table; when left out, the bloc of that year with the source bloc's name (blocs are copied year to year), else every bloc. */
  blocId: Uuid.nullable().optional(),
  name: Name.optional(),
});

export const VersionBody = z.object({ version: RecordVersion });
/** `?version=` of an upload that changes a table. */
export const VersionQuery = z.object({ version: z.coerce.number().pipe(RecordVersion) });

/** PUT /api/scoring-tables/:id/targets: the targets of one unit, per quantitative criterion (null removes). */
export const TargetsBody = z.object({
  unitId: Uuid,
  targets: z
    .array(
      z.object({
        criterionId: Uuid,
        target: z.number().gt(0, 'Chỉ tiêu phải lớn hơn 0').max(1e12).nullable(),
      }),
    )
    .max(CRITERIA_MAX),
  version: RecordVersion,
});
export type TargetsBody = z.infer<typeof TargetsBody>;

/** GET /api/scoring-tables/:id/targets?blocId=: the targets of a bloc's member units. */
export const TargetsQuery = z.object({ blocId: Uuid });
export const TargetsView = z.object({
  blocId: z.string(),
  /** The members the caller may see (a member unit before publication: only its own), in the bloc's order. */
  members: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      targets: z.array(z.object({ criterionId: z.string(), target: z.number() })),
    }),
  ),
});
export type TargetsView = z.infer<typeof TargetsView>;

/* ------------------------------------------------------------------ sheets */

/** What the signed-in user may do with a sheet. */
export const SheetAction = z.enum([
  'self_assess',
  'submit',
  'review',
  'finish_review',
  'explain',
  'finish_explanation',
  'finalize',
]);
export type SheetAction = z.infer<typeof SheetAction>;

export const ScoreEvent = z.object({
  stage: ScoreStage,
  figures: Figures.nullable(),
  score: z.number().nullable(),
  note: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type ScoreEvent = z.infer<typeof ScoreEvent>;

/** One row of a sheet: the criterion, the unit's target, the figures in force, points live and the history. */
export const SheetRow = z.object({
  criterion: CriterionView,
  target: z.number().nullable(),
  entryId: z.string().nullable(),
  /** The entry's version; 0 before anything was entered. */
  entryVersion: z.number().int(),
  selfFigures: Figures.nullable(),
  figures: Figures.nullable(),
  selfScore: z.number().nullable(),
  /** Points in force (the latest review's figures, else the unit's), computed live. */
  score: z.number(),
  /**
   * Quantitative: the best completion ratio of the bloc's other members, so a preview scores an
   * exceeding figure as the server will; null when there is none or the caller may not see others.
   */
  othersBestRatio: z.number().nullable(),
  explanation: z.string(),
  evidence: z.array(z.object({ id: z.string(), fileName: z.string() })),
  /** The latest SHEET_EVENTS_MAX steps of the entry's history, oldest first. */
  events: z.array(ScoreEvent),
  /** True when the entry has older history steps than those listed. */
  moreEvents: z.boolean(),
});

/** How many history steps per criterion a sheet view lists; how many evidence files a criterion holds. */
export const SHEET_EVENTS_MAX = 50;
export const EVIDENCE_PER_CRITERION_MAX = 20;

export const ScoringSheetView = z.object({
  id: z.string(),
  tableId: z.string(),
  tableName: z.string(),
  year: z.number().int(),
  blocId: z.string(),
  blocName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: SheetStatus,
  total: z.number(),
  rows: z.array(SheetRow),
  actions: z.array(SheetAction),
  version: z.number().int(),
});
export type ScoringSheetView = z.infer<typeof ScoringSheetView>;

export const SheetItem = z.object({
  id: z.string(),
  blocId: z.string(),
  blocName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: SheetStatus,
  version: z.number().int(),
});
export const SheetPage = cursorPageOf(SheetItem);
export const SheetQuery = CursorQuery.extend({ blocId: Uuid.optional() });

/** PUT /api/scoring-sheets/:id/entries/:criterionId: figures (self or review) or an explanation, with a note. */
export const EntryBody = z.object({
  figures: Figures.nullable().default(null),
  /** The review's reason, or the unit's explanation; required for a review that changes the figures and for an explanation. */
  note: MultilineText(4000).default(''),
  /** The entry's version as loaded; 0 when nothing was entered yet. */
  version: z.number().int().min(0).max(2_147_483_647),
});
export type EntryBody = z.infer<typeof EntryBody>;

/** POST /api/scoring-sheets/:id/advance: the sheet moves one step (submit, finish a review, finish the explanation, finalize). */
export const AdvanceBody = z.object({ version: RecordVersion });
/** The sheet's version an evidence upload was made against (`?version=`). */
export const SheetVersionQuery = z.object({ version: z.coerce.number().pipe(RecordVersion) });

/* ----------------------------------------------------------------- ranking */

export const RankingRow = z.object({
  unitId: z.string(),
  unitName: z.string(),
  total: z.number(),
  rank: z.number().int(),
  isLeading: z.boolean(),
  /** The tie-break step that placed this unit below the one above with the same total. */
  decidedBy: TieBreakStep.nullable(),
  votes: z.number().int().nullable(),
  sheetStatus: SheetStatus,
});

export const RankingView = z.object({
  tableId: z.string(),
  blocId: z.string(),
  blocName: z.string(),
  /** The table's version, which publishing sends back. */
  tableVersion: z.number().int(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  /** A tie the chain could not break crosses the leading places: the bloc must vote. */
  unresolved: z.boolean(),
  rows: z.array(RankingRow),
});
export type RankingView = z.infer<typeof RankingView>;

/** POST /api/scoring-tables/:id/blocs/:blocId/publish: the meeting's votes (used by the chain's vote step) and the table's version. */
export const PublishBody = z.object({
  votes: z
    .array(z.object({ unitId: Uuid, votes: z.number().int().min(0).max(10_000) }))
    .max(500)
    .default([]),
  note: MultilineText(4000).default(''),
  version: RecordVersion,
});
export type PublishBody = z.infer<typeof PublishBody>;
