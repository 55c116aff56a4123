import type {
  Report,
  ReportRequest,
  ReportStatus,
  RequestCounts,
  ReportTemplate as TemplateShape,
} from '#contracts/reports.ts';
import { coversUnit, type Principal } from '#server/platform/auth/policy.ts';
import type { reportTemplates } from '#server/platform/db/schema.ts';
import { factsOf } from './reports/reports.service.ts';
import { READ_ROLES, REQUEST_ROLES, reportActions } from './reports.policy.ts';
import type { ReportWithNames, RequestWithUnit } from './reports.repo.ts';

/**
 * A template as the API shows it to the user: one of a unit above the user's subtree is marked
 * `fromAbove` (used, not edited); `edit` for the officers of its unit and above.
 */
export const presentTemplate = (
  row: { template: typeof reportTemplates.$inferSelect; unitName: string; unitPath: string },
  principal: Principal,
): TemplateShape => ({
  id: row.template.id,
  ownerUnit: { id: row.template.ownerUnitId, name: row.unitName },
  name: row.template.name,
  movementId: row.template.movementId,
  sections: row.template.sections,
  indicators: row.template.indicators,
  fromAbove: !coversUnit(principal, READ_ROLES, row.unitPath),
  actions: coversUnit(principal, REQUEST_ROLES, row.unitPath) ? ['edit'] : [],
  version: row.template.version,
});

/** A request as the API shows it, with its dashboard counts and the caller's own report. */
export const presentRequest = (
  row: RequestWithUnit,
  counts: RequestCounts,
  myReportId: string | null,
  sending: ReportRequest['sending'],
  actions: ReportRequest['actions'],
): ReportRequest => ({
  id: row.request.id,
  unit: { id: row.request.unitId, name: row.unitName },
  parentRequestId: row.request.parentRequestId,
  movementId: row.request.movementId,
  kind: row.request.kind as ReportRequest['kind'],
  title: row.request.title,
  periodFrom: row.request.periodFrom,
  periodTo: row.request.periodTo,
  dueOn: row.request.dueOn,
  sections: row.request.sections,
  indicators: row.request.indicators,
  counts,
  myReportId,
  targetCount: row.request.targetCount,
  sending,
  actions,
  version: row.request.version,
});

/** A report as the API shows it, with what this user may do next. */
export const presentReport = (
  row: ReportWithNames,
  principal: Principal,
  extras: { sourceCount: number; files: { id: string; fileName: string }[] },
): Report => ({
  id: row.report.id,
  requestId: row.request.id,
  requestTitle: row.request.title,
  unit: { id: row.report.unitId, name: row.unitName },
  status: row.report.status as ReportStatus,
  bucket: row.report.bucket as Report['bucket'],
  dueOn: row.report.dueOn,
  sections: row.request.sections,
  indicators: row.request.indicators,
  texts: row.report.texts,
  figures: row.report.figures,
  submittedAt: row.report.submittedAt?.toISOString() ?? null,
  returnReason: row.report.returnReason,
  documentNumber: row.report.documentNumber,
  documentDate: row.report.documentDate,
  signerName: row.report.signerName,
  sourceCount: extras.sourceCount,
  files: extras.files,
  actions: reportActions(principal, factsOf(row)),
  version: row.report.version,
});
