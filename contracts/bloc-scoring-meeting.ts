import { z } from 'zod';
import { CRITERIA_MAX, PublishBody } from './bloc-scoring.ts';
import { Code, RecordVersion, Uuid } from './common.ts';

/** Bloc scoring: the bloc meeting (quotas, proposals, minutes, next year's bloc) and figures drawn from reports. */
/* ------------------------------------------------ meeting: quotas, proposals, next year's head */

/** The awards a bloc meeting proposes for its units: the Cờ thi đua and the Bằng khen of the province (ministry) and of the Government. */
export const ProposalAward = z.enum(['CO_BO_TINH', 'CO_CP', 'BK_BO_TINH', 'BK_TTG']);
export type ProposalAward = z.infer<typeof ProposalAward>;
export const proposalAwardLabels: Record<ProposalAward, string> = {
  CO_BO_TINH: 'Cờ thi đua của Bộ, ban, ngành, tỉnh',
  CO_CP: 'Cờ thi đua của Chính phủ',
  BK_BO_TINH: 'Bằng khen của Bộ, ban, ngành, tỉnh',
  BK_TTG: 'Bằng khen của Thủ tướng Chính phủ',
};

/** A table's quota for one award: at most a number, and/or at most a share of the bloc's member collectives (the stricter applies). */
export const ProposalQuota = z
  .object({
    award: ProposalAward,
    maxCount: z.number().int().min(0, 'Không được âm').max(500, 'Quá lớn').nullable().default(null),
    maxPercent: z
      .number()
      .gt(0, 'Tỷ lệ phải lớn hơn 0')
      .max(100, 'Tỷ lệ không quá 100%')
      .nullable()
      .default(null),
  })
  .refine((quota) => quota.maxCount !== null || quota.maxPercent !== null, {
    message: 'Nhập số lượng tối đa hoặc tỷ lệ tối đa',
    path: ['maxCount'],
  });
export type ProposalQuota = z.infer<typeof ProposalQuota>;

/** PUT /api/scoring-tables/:id/quotas: the whole list of quotas (one per award), until a bloc is published. */
export const QuotasBody = z.object({
  quotas: z
    .array(ProposalQuota)
    .max(ProposalAward.options.length)
    .refine(
      (list) => new Set(list.map((quota) => quota.award)).size === list.length,
      'Mỗi hình thức chỉ một hạn mức',
    ),
  version: RecordVersion,
});

export const QuotasView = z.object({
  tableId: z.string(),
  quotas: z.array(ProposalQuota),
  /** False once a bloc is published (or the table is): the quotas are then locked. */
  editable: z.boolean(),
  version: z.number().int(),
});
export type QuotasView = z.infer<typeof QuotasView>;

export const Proposal = z.object({ unitId: Uuid, award: ProposalAward });
export type Proposal = z.infer<typeof Proposal>;

/**
 * POST …/publish with the meeting's record: the member units present, the proposals (within the
 * table's quotas; a Cờ only for a leading unit) and next year's head and deputy.
 */
export const PublishMeetingBody = PublishBody.extend({
  presentUnitIds: z.array(Uuid).max(500).default([]),
  proposals: z.array(Proposal).max(500).default([]),
  nextHeadUnitId: Uuid.nullable().default(null),
  nextDeputyUnitId: Uuid.nullable().default(null),
}).refine((body) => !body.nextHeadUnitId || body.nextHeadUnitId !== body.nextDeputyUnitId, {
  message: 'Khối trưởng và khối phó năm sau phải là hai đơn vị khác nhau',
  path: ['nextDeputyUnitId'],
});
export type PublishMeetingBody = z.infer<typeof PublishMeetingBody>;

const UnitRef = z.object({ unitId: z.string(), unitName: z.string() });

/** GET …/blocs/:blocId/meeting: the published meeting's record (empty before publication). */
export const BlocMeetingView = z.object({
  tableId: z.string(),
  blocId: z.string(),
  published: z.boolean(),
  present: z.array(UnitRef),
  proposals: z.array(UnitRef.extend({ award: ProposalAward })),
  /** Each quota with the limit it gives for this bloc's members. */
  quotas: z.array(ProposalQuota.and(z.object({ limit: z.number().int() }))),
  nextHead: UnitRef.nullable(),
  nextDeputy: UnitRef.nullable(),
  /** Next year's bloc once created from this result. */
  nextBlocId: z.string().nullable(),
  /** What the user may do: download the minutes and the proposal, create next year's bloc. */
  actions: z.array(z.enum(['minutes', 'proposal', 'create_next_bloc'])),
});
export type BlocMeetingView = z.infer<typeof BlocMeetingView>;

/** POST …/blocs/:blocId/next-bloc: answered with the new bloc's id and year. */
export const NextBlocView = z.object({ blocId: z.string(), year: z.number().int(), name: z.string() });

/* ------------------------------------------ a criterion's figure from the unit's yearly report */

const IndicatorCode = Code(/^[A-Za-z0-9_.-]{1,40}$/, 'Mã chỉ tiêu báo cáo không hợp lệ');

/** PUT /api/scoring-tables/:id/indicators: which report indicator each quantitative criterion draws its figure from (null removes). */
export const IndicatorLinksBody = z.object({
  links: z
    .array(
      z.object({
        criterionCode: Code(/^[0-9A-Za-z.]{1,20}$/, 'Mã tiêu chí không hợp lệ'),
        indicatorCode: IndicatorCode.nullable(),
      }),
    )
    .max(CRITERIA_MAX),
  version: RecordVersion,
});

export const IndicatorLinksView = z.object({
  tableId: z.string(),
  /** Every quantitative criterion with the indicator it names, if any. */
  links: z.array(
    z.object({
      criterionId: z.string(),
      criterionCode: z.string(),
      title: z.string(),
      indicatorCode: z.string().nullable(),
    }),
  ),
  /** False once the table is published or the user does not manage it. */
  editable: z.boolean(),
  version: z.number().int(),
});
export type IndicatorLinksView = z.infer<typeof IndicatorLinksView>;

/** One criterion's figure found in the unit's submitted or accepted report of the table's year. */
export const ReportFigure = z.object({
  criterionId: z.string(),
  criterionCode: z.string(),
  indicatorCode: z.string(),
  value: z.number(),
  reportId: z.string(),
  reportTitle: z.string(),
  reportStatus: z.enum(['submitted', 'accepted']),
  /** True when the unit has already entered its own figure for the criterion (a pre-fill leaves it). */
  entered: z.boolean(),
});
export type ReportFigure = z.infer<typeof ReportFigure>;

/** GET /api/scoring-sheets/:id/report-figures; POST …/report-figures fills the criteria not yet entered and answers with the sheet. */
export const ReportFiguresView = z.object({ sheetId: z.string(), figures: z.array(ReportFigure) });
export type ReportFiguresView = z.infer<typeof ReportFiguresView>;
