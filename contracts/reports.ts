import { z } from 'zod';
import {
  Code,
  CursorQuery,
  cursorPageOf,
  endNotBeforeStart,
  IsoDate,
  MultilineText,
  Name,
  RecordVersion,
  StoredDate,
  Text,
  Uuid,
} from './common.ts';
import { UnitKind } from './organisation.ts';

/** A key of a section or a code of an indicator: letters, digits, dot, dash, underscore. */
const Key = Code(/^[A-Za-z0-9_.-]{1,40}$/, 'Mã chỉ gồm chữ, số, dấu chấm, gạch (tối đa 40 ký tự)');

/** A narrative section of a report ("Kết quả triển khai"). */
export const ReportSection = z.object({
  key: Key,
  title: Text(300).min(1, 'Vui lòng nhập tên mục'),
  /** What the unit is asked to write, shown under the title. */
  hint: MultilineText(2000).default(''),
});
export type ReportSection = z.infer<typeof ReportSection>;

/** A numeric indicator of a report (code, label, unit of measure). */
export const ReportIndicator = z.object({
  code: Key,
  label: Text(300).min(1, 'Vui lòng nhập tên chỉ tiêu'),
  unit: Text(50).default(''),
});
export type ReportIndicator = z.infer<typeof ReportIndicator>;

/** The text of each section, by section key. */
export const ReportTexts = z.record(Key, MultilineText(100_000));
export type ReportTexts = z.infer<typeof ReportTexts>;
/** The value of each indicator, by indicator code (non-negative, at most 10^12). */
export const ReportFigures = z.record(
  Key,
  z.number().min(0, 'Số liệu không được âm').max(1e12, 'Số liệu quá lớn'),
);
export type ReportFigures = z.infer<typeof ReportFigures>;

const uniqueBy =
  <T>(field: keyof T, message: string) =>
  (items: T[], context: z.RefinementCtx) => {
    const seen = new Set<unknown>();
    items.forEach((item, index) => {
      if (seen.has(item[field]))
        context.addIssue({ code: 'custom', path: [index, field as string], message });
      seen.add(item[field]);
    });
  };
const Sections = z
  .array(ReportSection)
  .min(1, 'Mẫu cần ít nhất một mục')
  .max(50)
  .superRefine(uniqueBy<ReportSection>('key', 'Mã mục bị trùng'));
const Indicators = z
  .array(ReportIndicator)
  .max(100)
  .superRefine(uniqueBy<ReportIndicator>('code', 'Mã chỉ tiêu bị trùng'));

/** Body of POST /api/report-templates. */
export const CreateTemplateBody = z.object({
  ownerUnitId: Uuid,
  name: Name,
  sections: Sections,
  indicators: Indicators,
});
export type CreateTemplateBody = z.infer<typeof CreateTemplateBody>;
/** Body of PUT /api/report-templates/:id. */
export const UpdateTemplateBody = CreateTemplateBody.omit({ ownerUnitId: true }).extend({
  version: RecordVersion,
});
/** Body of POST /api/report-templates/from-movement: the movement's plan gives the sections. */
export const TemplateFromMovementBody = z.object({ movementId: Uuid, ownerUnitId: Uuid });

export const ReportTemplate = z.object({
  id: z.string(),
  ownerUnit: z.object({ id: z.string(), name: z.string() }),
  name: z.string(),
  movementId: z.string().nullable(),
  sections: z.array(ReportSection),
  indicators: z.array(ReportIndicator),
  /** A template of a unit above the caller's ("Mẫu của cấp trên"): read and used, not edited. */
  fromAbove: z.boolean(),
  /** What the caller may do with it: `edit` for the officers of its unit and above. */
  actions: z.array(z.enum(['edit'])),
  version: z.number().int(),
});
export type ReportTemplate = z.infer<typeof ReportTemplate>;
/**
 * The templates of the caller's subtree and of the units above it; `ownerUnitId` keeps one unit's,
 * `forUnitId` those a request of that unit may use (its own and its ancestors').
 */
export const TemplateQuery = CursorQuery.extend({
  ownerUnitId: Uuid.optional(),
  forUnitId: Uuid.optional(),
});
export const TemplatePage = cursorPageOf(ReportTemplate);

/** What a request asks for: a movement's yearly, mid-term (sơ kết) or final (tổng kết) report, or the general yearly TĐKT report. */
export const ReportRequestKind = z.enum([
  'movement_yearly',
  'movement_midterm',
  'movement_final',
  'general_yearly',
]);
export type ReportRequestKind = z.infer<typeof ReportRequestKind>;
export const reportRequestKindLabels: Record<ReportRequestKind, string> = {
  movement_yearly: 'Báo cáo năm của phong trào',
  movement_midterm: 'Báo cáo sơ kết phong trào',
  movement_final: 'Báo cáo tổng kết phong trào',
  general_yearly: 'Báo cáo công tác thi đua, khen thưởng năm',
};

/** Who is asked: the direct subordinate units, or every unit of the chosen kinds in the subtree. */
export const ReportTargets = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('children') }),
  z.object({ mode: z.literal('kinds'), kinds: z.array(UnitKind).min(1, 'Chọn ít nhất một loại đơn vị') }),
]);
export type ReportTargets = z.infer<typeof ReportTargets>;

/** Body of POST /api/report-requests. A cascaded request names its parent and must fall due earlier. */
export const CreateRequestBody = z
  .object({
    unitId: Uuid,
    parentRequestId: Uuid.optional(),
    movementId: Uuid.optional(),
    kind: ReportRequestKind,
    title: Text(500).min(1, 'Vui lòng nhập tên yêu cầu'),
    periodFrom: IsoDate,
    periodTo: IsoDate,
    dueOn: IsoDate,
    templateId: Uuid.optional(),
    targets: ReportTargets,
  })
  .superRefine(endNotBeforeStart('periodFrom', 'periodTo', 'Ngày cuối kỳ không được trước ngày đầu kỳ'))
  .superRefine((body, context) => {
    if (body.kind !== 'general_yearly' && !body.movementId)
      context.addIssue({ code: 'custom', path: ['movementId'], message: 'Chọn phong trào cần báo cáo' });
    if (!body.templateId && !body.parentRequestId)
      context.addIssue({ code: 'custom', path: ['templateId'], message: 'Chọn mẫu báo cáo' });
  });
export type CreateRequestBody = z.infer<typeof CreateRequestBody>;

/** The per-request counts of the dashboard; `missing` are not submitted past the deadline. */
export const RequestCounts = z.object({
  total: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  notSubmitted: z.number().int(),
  missing: z.number().int(),
});
export type RequestCounts = z.infer<typeof RequestCounts>;

export const ReportRequest = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  parentRequestId: z.string().nullable(),
  movementId: z.string().nullable(),
  kind: ReportRequestKind,
  title: z.string(),
  periodFrom: StoredDate,
  periodTo: StoredDate,
  dueOn: StoredDate,
  sections: z.array(ReportSection),
  indicators: z.array(ReportIndicator),
  counts: RequestCounts,
  /** The caller's own report in this request (as a target unit), if any. */
  myReportId: z.string().nullable(),
  /** How many units were asked. */
  targetCount: z.number().int().nullable(),
  /** While a large request is being sent by a job: where it is ("Đang gửi yêu cầu tới 12.345/100.095 đơn vị"). */
  sending: z
    .object({
      jobId: z.string(),
      status: z.enum(['queued', 'running', 'failed']),
      progress: z.number().int(),
      message: z.string().nullable(),
    })
    .nullable(),
  /** What the caller may do: `resend` queues the failed sending job again (the requesting unit's officer). */
  actions: z.array(z.enum(['resend'])),
  version: z.number().int(),
});
export type ReportRequest = z.infer<typeof ReportRequest>;
/** `role=asked` lists requests the caller's units must answer; default: those made in the caller's scope. */
export const RequestQuery = CursorQuery.extend({ role: z.enum(['made', 'asked']).optional() });
export const RequestPage = cursorPageOf(ReportRequest);

export const ReportStatus = z.enum(['draft', 'approved', 'submitted', 'returned', 'accepted']);
export type ReportStatus = z.infer<typeof ReportStatus>;
export const reportStatusLabels: Record<ReportStatus, string> = {
  draft: 'Đang soạn',
  approved: 'Thủ trưởng đã duyệt',
  submitted: 'Đã gửi',
  returned: 'Bị trả lại',
  accepted: 'Đã tiếp nhận',
};
export const ReportBucket = z.enum(['pending', 'on_time', 'late', 'missing']);
export type ReportBucket = z.infer<typeof ReportBucket>;
export const reportBucketLabels: Record<ReportBucket, string> = {
  pending: 'Chưa gửi',
  on_time: 'Gửi đúng hạn',
  late: 'Gửi muộn',
  missing: 'Quá hạn chưa gửi',
};
export const ReportAction = z.enum(['edit', 'approve', 'submit', 'return', 'accept', 'consolidate']);
export type ReportAction = z.infer<typeof ReportAction>;

export const Report = z.object({
  id: z.string(),
  requestId: z.string(),
  requestTitle: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  status: ReportStatus,
  bucket: z.enum(['pending', 'on_time', 'late']),
  dueOn: StoredDate,
  sections: z.array(ReportSection),
  indicators: z.array(ReportIndicator),
  texts: ReportTexts,
  figures: ReportFigures,
  submittedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  documentNumber: z.string().nullable(),
  documentDate: StoredDate.nullable(),
  signerName: z.string().nullable(),
  /** Number of reports this one was consolidated from. */
  sourceCount: z.number().int(),
  files: z.array(z.object({ id: z.string(), fileName: z.string() })),
  actions: z.array(ReportAction),
  version: z.number().int(),
});
export type Report = z.infer<typeof Report>;

/** Body of PUT /api/reports/:id (autosave): the whole content at the version the editor loaded. */
export const SaveReportBody = z.object({
  version: RecordVersion,
  texts: ReportTexts,
  figures: ReportFigures,
  documentNumber: Text(50).nullable().optional(),
  documentDate: IsoDate.nullable().optional(),
  signerName: Text(200).nullable().optional(),
});
export type SaveReportBody = z.infer<typeof SaveReportBody>;
/** Body of a move (approve, submit, accept, consolidate): the version the page shows, else 409. */
export const ReportMoveBody = z.strictObject({ version: RecordVersion });
export const ReturnReportBody = z.object({
  reason: MultilineText(2000).min(1, 'Vui lòng nêu lý do trả lại'),
  version: RecordVersion,
});
/** Most files one report keeps attached (its page lists them all). */
export const REPORT_FILES_MAX = 50;
/** Query of an upload into a report (import, attach): the version the page shows, else 409. */
export const ReportUploadQuery = z.object({ version: z.coerce.number().pipe(RecordVersion) });

/** One row of a request's drill-down list. */
export const ReportListItem = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  status: ReportStatus,
  bucket: z.enum(['pending', 'on_time', 'late']),
  submittedAt: z.string().nullable(),
});
export const ReportListQuery = CursorQuery.extend({ bucket: ReportBucket.optional() });
export const ReportListPage = cursorPageOf(ReportListItem);

/** One report of a unit of a bloc the caller supervises as a council member (read only). */
export const SupervisedReport = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  request: z.object({ id: z.string(), title: z.string(), unitName: z.string() }),
  periodFrom: StoredDate,
  periodTo: StoredDate,
  dueOn: StoredDate,
  status: ReportStatus,
  bucket: z.enum(['pending', 'on_time', 'late']),
  submittedAt: z.string().nullable(),
});
export type SupervisedReport = z.infer<typeof SupervisedReport>;
export const SupervisedReportPage = cursorPageOf(SupervisedReport);

/** The breakdown of a consolidated report: each source unit's figures. */
export const ReportSources = z.object({
  items: z.array(
    z.object({
      reportId: z.string(),
      unit: z.object({ id: z.string(), name: z.string() }),
      figures: ReportFigures,
    }),
  ),
});
