import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import type { CursorQuery } from '#contracts/common.ts';
import {
  type ReportBucket,
  type ReportStatus,
  reportBucketLabels,
  reportStatusLabels,
} from '#contracts/reports.ts';
import { streamXlsx } from '#server/modules/organisation/import-export/spreadsheet.ts';
import type { Database } from '#server/platform/db/client.ts';
import { reports, units } from '#server/platform/db/schema.ts';
import { type Caller, listReports, type RequestWithUnit } from '../reports.repo.ts';
import { getRequestFor, todayInVietnam } from '../requests/requests.service.ts';

/** The condition of a bucket of the drill-down: "missing" is pending past the deadline. */
function bucketCondition(
  request: RequestWithUnit['request'],
  bucket: ReportBucket | undefined,
): SQL | undefined {
  if (!bucket) return undefined;
  if (bucket === 'missing')
    return todayInVietnam() > request.dueOn ? eq(reports.bucket, 'pending') : sql`false`;
  return eq(reports.bucket, bucket);
}

/**
 * One keyset page of a request's reports, optionally of one bucket (the dashboard's drill-down).
 * Only those who read the whole request (its unit in their scope) see every unit's row.
 */
export async function drillDown(
  db: Database,
  caller: Caller,
  id: string,
  query: CursorQuery & { bucket?: ReportBucket },
) {
  const { row } = await getRequestFor(db, caller, id);
  const where = and(eq(reports.requestId, id), bucketCondition(row.request, query.bucket));
  return listReports(db, where, query);
}

const formatDate = (value: Date | null) => {
  if (!value) return '';
  const local = new Date(value.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return local.split('-').reverse().join('/');
};

/**
 * The dashboard as XLSX: every unit asked, its status, when it submitted, on time or late, and its
 * figures, streamed in batches of 1,000 by unit name.
 */
export async function exportRequestXlsx(db: Database, caller: Caller, id: string) {
  const { row } = await getRequestFor(db, caller, id);
  const { request } = row;
  const overdue = todayInVietnam() > request.dueOn;
  async function* batches() {
    let after: [string, string] | null = null;
    for (;;) {
      const batch = await db
        .select({
          unitId: units.id,
          unitName: units.name,
          sortKey: units.sortKey,
          status: reports.status,
          bucket: reports.bucket,
          submittedAt: reports.submittedAt,
          figures: reports.figures,
        })
        .from(reports)
        .innerJoin(units, eq(units.id, reports.unitId))
        .where(
          and(
            eq(reports.requestId, id),
            after
              ? gt(sql`(${units.sortKey}, ${units.id})`, sql`(${after[0]}, ${after[1]}::uuid)`)
              : undefined,
          ),
        )
        .orderBy(asc(units.sortKey), asc(units.id))
        .limit(1000);
      if (!batch.length) return;
      yield batch;
      const last = batch[batch.length - 1] as (typeof batch)[number];
      after = [last.sortKey, last.unitId];
    }
  }
  const stream = await streamXlsx(
    'Tình hình báo cáo',
    [
      'Đơn vị',
      'Trạng thái',
      'Ngày gửi',
      'Tình hình',
      ...request.indicators.map((indicator) => `${indicator.label} (${indicator.unit})`),
    ],
    batches(),
    (item) => [
      item.unitName,
      reportStatusLabels[item.status as ReportStatus],
      formatDate(item.submittedAt),
      item.bucket === 'pending'
        ? reportBucketLabels[overdue ? 'missing' : 'pending']
        : reportBucketLabels[item.bucket as ReportBucket],
      ...request.indicators.map((indicator) => item.figures[indicator.code] ?? ''),
    ],
  );
  return { stream, fileName: `tinh-hinh-bao-cao-${request.dueOn}.xlsx` };
}
