import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import { reportRequests, reportSources, reports, units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { getReportFor, moveReport } from '../reports/reports.service.ts';
import type { Caller } from '../reports.repo.ts';
import { gatherTexts, sumFigures } from './rollup.ts';

/** Submitted (or accepted) reports answering the requests a unit cascaded from a request. */
async function childReports(db: Database, requestId: string, unitId: string) {
  return db
    .select({
      id: reports.id,
      unitId: units.id,
      unitName: units.name,
      figures: reports.figures,
      texts: reports.texts,
    })
    .from(reports)
    .innerJoin(reportRequests, eq(reportRequests.id, reports.requestId))
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(
      and(
        eq(reportRequests.parentRequestId, requestId),
        eq(reportRequests.unitId, unitId),
        inArray(reports.status, ['submitted', 'accepted']),
      ),
    )
    .orderBy(units.sortKey, units.id);
}

/**
 * Starts a unit's report from its children's: the submitted reports of the requests it cascaded are
 * summed (figures) and gathered under each section (narratives), and linked as its sources. The
 * route passes the version the page shows (the content it replaces), else 409.
 */
export async function consolidateReport(db: Database, caller: Caller, id: string, expectedVersion?: number) {
  const row = await getReportFor(db, caller, id);
  const sources = await childReports(db, row.request.id, row.report.unitId);
  if (!sources.length)
    throw new AppError('CONFLICT', 'Chưa có báo cáo nào của đơn vị cấp dưới đã gửi để tổng hợp.');
  const figures = sumFigures(row.request.indicators, sources);
  const texts = gatherTexts(row.request.sections, sources);
  return moveReport(db, caller, id, 'consolidate', {
    expectedVersion,
    changes: { figures, texts },
    audit: { sources: sources.map((source) => source.id), figures },
    inTransaction: async (tx) => {
      await tx.delete(reportSources).where(eq(reportSources.reportId, id));
      await tx
        .insert(reportSources)
        .values(sources.map((source) => ({ reportId: id, sourceReportId: source.id })));
    },
  });
}

/** The breakdown of a consolidated report: each source unit's figures (one row per child unit). */
export async function reportSourcesOf(db: Database, caller: Caller, id: string) {
  await getReportFor(db, caller, id);
  return sourcesOf(db, id);
}

/** The sources of a report, unchecked (for a job whose caller was checked when it was queued). */
export async function sourcesOf(db: Database, id: string) {
  return db
    .select({ reportId: reports.id, unitId: units.id, unitName: units.name, figures: reports.figures })
    .from(reportSources)
    .innerJoin(reports, eq(reports.id, reportSources.sourceReportId))
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(eq(reportSources.reportId, id))
    .orderBy(units.sortKey, units.id);
}
