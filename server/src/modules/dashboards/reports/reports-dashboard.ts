import { sql } from 'drizzle-orm';
import type { ReportsDashboard } from '#contracts/dashboards.ts';
import type { Database } from '#server/platform/db/client.ts';
import { type Caller, getDashboardUnit } from '../dashboards.policy.ts';

const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;
const n = (value: unknown) => Number(value ?? 0);

/** At most this many bloc results are listed (a province's blocs hold a few hundred units). */
export const BLOC_RESULTS_MAX = 2000;

/**
 * The unit's report requests due in the year with their reports per bucket (from report_counts,
 * three rows a request; a pending report past the deadline is missing), and the published bloc
 * rankings of the year for the units of its subtree.
 */
export async function getReportsDashboard(
  db: Database,
  caller: Caller,
  unitId: string,
  year: number,
  today: string,
): Promise<ReportsDashboard> {
  const unit = await getDashboardUnit(db, caller, unitId);
  const [requestRows, blocRows] = await Promise.all([
    db.execute(sql`
      select r.id, r.title, r.due_on::text as due_on,
        coalesce(sum(c.n) filter (where c.bucket = 'on_time'), 0)::int as on_time,
        coalesce(sum(c.n) filter (where c.bucket = 'late'), 0)::int as late,
        coalesce(sum(c.n) filter (where c.bucket = 'pending'), 0)::int as pending
      from report_requests r left join report_counts c on c.request_id = r.id
      where r.unit_id = ${unit.id}::uuid
        and r.due_on >= ${`${year}-01-01`}::date and r.due_on <= ${`${year}-12-31`}::date
      group by r.id
      order by r.due_on, r.title, r.id`),
    db.execute(sql`
      select u.id as unit_id, u.name as unit_name, b.name as bloc_name, s.total, s.rank, s.is_leading
      from units u
      join scoring_results s on s.unit_id = u.id and s.year = ${year}
      join scoring_publications sp on sp.id = s.publication_id
      join blocs b on b.id = sp.bloc_id
      where u.path like ${`${unit.path}%`}
      order by b.name, b.id, s.rank, u.sort_key
      limit ${BLOC_RESULTS_MAX}`),
  ]);
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    requests: rowsOf<Record<string, unknown>>(requestRows).map((row) => {
      const overdue = today > String(row.due_on);
      return {
        id: String(row.id),
        title: String(row.title),
        dueOn: String(row.due_on),
        onTime: n(row.on_time),
        late: n(row.late),
        missing: overdue ? n(row.pending) : 0,
        pending: overdue ? 0 : n(row.pending),
      };
    }),
    blocResults: rowsOf<Record<string, unknown>>(blocRows).map((row) => ({
      unitId: String(row.unit_id),
      unitName: String(row.unit_name),
      blocName: String(row.bloc_name),
      total: Number(row.total),
      rank: n(row.rank),
      isLeading: Boolean(row.is_leading),
    })),
  };
}
