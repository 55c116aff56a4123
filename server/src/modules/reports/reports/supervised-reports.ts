import { type SQL, sql } from 'drizzle-orm';
import type { CursorQuery, ListTotal } from '#contracts/common.ts';
import type { SupervisedReport } from '#contracts/reports.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, type KeyKind, readKeysetPage } from '#server/platform/db/keyset.ts';

/**
 * The (unit, year) pairs of the blocs the user supervises as a council member: the bloc's members
 * in the bloc's year (the rule of `supervisesReport`).
 */
const supervisedPairs = (userId: string) => sql`
  select bm.unit_id, b.year from bloc_members bm
  join blocs b on b.id = bm.bloc_id
  join council_members m on m.id = b.supervisor_member_id
  join persons p on p.id = m.person_id
  where p.user_id = ${userId}`;

/** The report `r` of request `q` is of a unit the user supervises, in a year of the request's period. */
const supervisedReport = (userId: string) => sql`exists (
  select 1 from (${supervisedPairs(userId)}) s
  where s.unit_id = r.unit_id
    and s.year between extract(year from q.period_from) and extract(year from q.period_to))`;

const KEY = [sql`r.due_on`, sql`r.id`] as const;
const KINDS: readonly KeyKind[] = ['string', 'uuid'];

interface Row {
  id: string;
  unit_id: string;
  unit_name: string;
  request_id: string;
  title: string;
  request_unit_name: string;
  period_from: string;
  period_to: string;
  due_on: string;
  status: SupervisedReport['status'];
  bucket: SupervisedReport['bucket'];
  submitted_at: string | null;
}

const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;

/**
 * One keyset page of the reports of the units of the blocs the user supervises, latest deadline
 * first. Read per supervised unit (a lateral page of that unit's reports, then the page of those):
 * the work grows with the supervised units' reports (one per request they were asked), never with
 * the whole reports table or the depth of the page.
 */
export async function listSupervisedReports(
  executor: Executor,
  userId: string,
  query: Pick<CursorQuery, 'after' | 'before' | 'limit' | 'exactTotal'>,
): Promise<{ rows: SupervisedReport[]; next: string | null; prev: string | null; total: ListTotal }> {
  const direction = (descending: boolean) => sql.raw(descending ? 'desc' : 'asc');
  const read = async ({
    where,
    descending,
    limit,
  }: {
    where: SQL | undefined;
    descending: boolean;
    limit: number;
  }) =>
    rowsOf(
      await executor.execute(sql`
        select page.*, u.name as unit_name, qu.name as request_unit_name
        from (select distinct unit_id from (${supervisedPairs(userId)}) pairs) s
        cross join lateral (
          select r.id, r.unit_id, r.status, r.bucket, r.due_on::text as due_on,
            to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as submitted_at,
            q.id as request_id, q.title, q.unit_id as request_unit_id,
            q.period_from::text as period_from, q.period_to::text as period_to
          from reports r join report_requests q on q.id = r.request_id
          where r.unit_id = s.unit_id and ${supervisedReport(userId)} ${where ? sql`and ${where}` : sql``}
          order by r.due_on ${direction(descending)}, r.id ${direction(descending)}
          limit ${limit}) page
        join units u on u.id = page.unit_id
        join units qu on qu.id = page.request_unit_id
        order by page.due_on ${direction(descending)}, page.id ${direction(descending)}
        limit ${limit}`),
    );
  const [page, total] = await Promise.all([
    readKeysetPage<Row>({
      query,
      columns: KEY,
      kinds: KINDS,
      order: 'desc',
      read,
      keyOf: (row) => [row.due_on, row.id],
    }),
    countCapped(
      executor,
      sql`select r.id from reports r join report_requests q on q.id = r.request_id
        where r.unit_id in (select unit_id from (${supervisedPairs(userId)}) pairs)
          and ${supervisedReport(userId)}`,
      query.exactTotal === 'true',
    ),
  ]);
  return { ...page, rows: page.rows.map(present), total };
}

const present = (row: Row): SupervisedReport => ({
  id: row.id,
  unit: { id: row.unit_id, name: row.unit_name },
  request: { id: row.request_id, title: row.title, unitName: row.request_unit_name },
  periodFrom: row.period_from,
  periodTo: row.period_to,
  dueOn: row.due_on,
  status: row.status,
  bucket: row.bucket,
  submittedAt: row.submitted_at,
});
