import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { CursorQuery } from '#contracts/common.ts';
import type { ReportRequest } from '#contracts/reports.ts';
import type { ActorContext } from '#server/platform/audit/audit.ts';
import type { Principal } from '#server/platform/auth/policy.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, type KeyKind, readKeysetPage } from '#server/platform/db/keyset.ts';
import {
  jobs,
  reportCounts,
  reportFiles,
  reportRequests,
  reportSources,
  reports,
  units,
} from '#server/platform/db/schema.ts';

/** The caller of a use case: principal and audit actor. */
export interface Caller {
  principal: Principal;
  actor: ActorContext;
}

export type RequestRow = typeof reportRequests.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;
export interface RequestWithUnit {
  request: RequestRow;
  unitName: string;
  unitPath: string;
}
export interface ReportWithNames {
  report: ReportRow;
  unitName: string;
  unitPath: string;
  request: RequestRow;
  requestUnitPath: string;
}

/** One unit, or null. */
export async function findUnit(executor: Executor, id: string) {
  const [row] = await executor.select().from(units).where(eq(units.id, id));
  return row ?? null;
}

/** One request with its unit, or null. */
export async function findRequest(executor: Executor, id: string): Promise<RequestWithUnit | null> {
  const [row] = await executor
    .select({ request: reportRequests, unitName: units.name, unitPath: units.path })
    .from(reportRequests)
    .innerJoin(units, eq(units.id, reportRequests.unitId))
    .where(eq(reportRequests.id, id));
  return row ?? null;
}

/** One report with its unit and request, or null. */
export async function findReport(executor: Executor, id: string): Promise<ReportWithNames | null> {
  const [row] = await executor
    .select({
      report: reports,
      unitName: units.name,
      unitPath: units.path,
      request: reportRequests,
      requestUnitPath: sql<string>`(select r.path from units r where r.id = ${reportRequests.unitId})`,
    })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .innerJoin(reportRequests, eq(reportRequests.id, reports.requestId))
    .where(eq(reports.id, id));
  return row ?? null;
}

/** The report of a unit in a request, or null. */
export async function findReportOf(executor: Executor, requestId: string, unitId: string) {
  const [row] = await executor
    .select()
    .from(reports)
    .where(and(eq(reports.requestId, requestId), eq(reports.unitId, unitId)));
  return row ?? null;
}

/** The reports of a request per bucket, as the triggers keep them (a few rows whatever the size). */
export async function readCounts(executor: Executor, requestId: string) {
  const rows = await executor
    .select({ bucket: reportCounts.bucket, n: reportCounts.n })
    .from(reportCounts)
    .where(eq(reportCounts.requestId, requestId));
  const of = (bucket: string) => rows.find((row) => row.bucket === bucket)?.n ?? 0;
  return { pending: of('pending'), onTime: of('on_time'), late: of('late') };
}

/** The number of reports a consolidated report was built from, and its attached files. */
export async function readReportExtras(executor: Executor, reportId: string) {
  const [sources, files] = await Promise.all([
    executor
      .select({ n: sql<number>`count(*)::int` })
      .from(reportSources)
      .where(eq(reportSources.reportId, reportId)),
    executor
      .select({ id: reportFiles.id, fileName: reportFiles.fileName })
      .from(reportFiles)
      .where(eq(reportFiles.reportId, reportId))
      .orderBy(asc(reportFiles.createdAt)),
  ]);
  return { sourceCount: Number(sources[0]?.n ?? 0), files };
}

const REQUEST_KEY = [reportRequests.dueOn, reportRequests.id] as const;
const REQUEST_KINDS: readonly KeyKind[] = ['string', 'uuid'];

/** One keyset page of requests matching the condition, latest deadline first. */
export async function listRequests(
  executor: Executor,
  where: SQL | undefined,
  query: Pick<CursorQuery, 'after' | 'before' | 'limit' | 'exactTotal'>,
) {
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      columns: REQUEST_KEY,
      kinds: REQUEST_KINDS,
      order: 'desc',
      read: ({ where: key, descending, limit }) =>
        executor
          .select({ request: reportRequests, unitName: units.name, unitPath: units.path })
          .from(reportRequests)
          .innerJoin(units, eq(units.id, reportRequests.unitId))
          .where(and(where, key))
          .orderBy(...REQUEST_KEY.map((column) => (descending ? desc(column) : asc(column))))
          .limit(limit),
      keyOf: (row) => [row.request.dueOn, row.request.id],
    }),
    countCapped(
      executor,
      executor
        .select({ id: reportRequests.id })
        .from(reportRequests)
        .innerJoin(units, eq(units.id, reportRequests.unitId))
        .where(where),
      query.exactTotal === 'true',
    ),
  ]);
  return { ...page, total };
}

const REPORT_KEY = [units.sortKey, units.id] as const;
const REPORT_KINDS: readonly KeyKind[] = ['string', 'uuid'];

/** One keyset page of a request's reports (by unit name) matching the condition: the drill-down. */
export async function listReports(
  executor: Executor,
  where: SQL | undefined,
  query: Pick<CursorQuery, 'after' | 'before' | 'limit' | 'exactTotal'>,
) {
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      columns: REPORT_KEY,
      kinds: REPORT_KINDS,
      read: ({ where: key, descending, limit }) =>
        executor
          .select({
            id: reports.id,
            unitId: units.id,
            unitName: units.name,
            unitSortKey: units.sortKey,
            status: reports.status,
            bucket: reports.bucket,
            submittedAt: reports.submittedAt,
          })
          .from(reports)
          .innerJoin(units, eq(units.id, reports.unitId))
          .where(and(where, key))
          .orderBy(...REPORT_KEY.map((column) => (descending ? desc(column) : asc(column))))
          .limit(limit),
      keyOf: (row) => [row.unitSortKey, row.unitId],
    }),
    countCapped(
      executor,
      executor.select({ id: reports.id }).from(reports).where(where),
      query.exactTotal === 'true',
    ),
  ]);
  return { ...page, total };
}

/** Where the job sending a large request is; null when there is none or it is done. */
export async function sendingOf(
  executor: Executor,
  request: { sendJobId: string | null },
): Promise<ReportRequest['sending']> {
  if (!request.sendJobId) return null;
  const [job] = await executor.select().from(jobs).where(eq(jobs.id, request.sendJobId));
  if (!job || job.status === 'done') return null;
  return {
    jobId: job.id,
    status: job.status as 'queued' | 'running' | 'failed',
    progress: job.progress,
    message: job.message ?? (job.status === 'queued' ? 'Đang chờ gửi yêu cầu…' : null),
  };
}
