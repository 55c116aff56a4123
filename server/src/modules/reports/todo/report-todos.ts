import { sql } from 'drizzle-orm';
import { grantedUnitIds } from '#server/platform/auth/policy.ts';
import { type SortColumns, sqlTodoProvider, uuidList } from '#server/platform/todo/sql-provider.ts';
import { FILL_ROLES, REQUEST_ROLES } from '../reports.policy.ts';

interface ReportTodoRow extends SortColumns {
  title: string;
  unit_id: string;
  unit_name: string;
  status: string;
  return_reason: string | null;
}

/** Reports the user's own units must still send: drafts, approved but not sent, and returned ones. */
export const reportDueTodos = sqlTodoProvider<ReportTodoRow>({
  source: 'reports.due',
  kind: 'report_due',
  select(principal) {
    const unitIds = grantedUnitIds(principal, FILL_ROLES);
    if (!unitIds.length) return null;
    return sql`select r.due_on as sort_due, r.created_at as sort_at, r.id as sort_id,
        q.title, u.id as unit_id, u.name as unit_name, r.status, r.return_reason
      from reports r
      join report_requests q on q.id = r.request_id
      join units u on u.id = r.unit_id
      where r.unit_id in ${uuidList(unitIds)} and r.status in ('draft', 'approved', 'returned')`;
  },
  toDraft(row) {
    return {
      key: row.sort_id,
      kind: 'report_due',
      title: row.status === 'returned' ? `Sửa và gửi lại báo cáo: ${row.title}` : `Gửi báo cáo: ${row.title}`,
      detail: row.return_reason ? `Lý do trả lại: ${row.return_reason}` : null,
      unit: { id: row.unit_id, name: row.unit_name },
      dueOn: row.sort_due,
      link: `/bao-cao/${row.sort_id}`,
      actionLabel: row.status === 'approved' ? 'Gửi' : 'Soạn báo cáo',
    };
  },
});

/** Submitted reports waiting for the requesting unit's officers to accept or return. */
export const reportReviewTodos = sqlTodoProvider<ReportTodoRow>({
  source: 'reports.review',
  kind: 'report_review',
  select(principal) {
    const unitIds = grantedUnitIds(principal, REQUEST_ROLES);
    if (!unitIds.length) return null;
    return sql`select null::date as sort_due, r.submitted_at as sort_at, r.id as sort_id,
        q.title, u.id as unit_id, u.name as unit_name, r.status, r.return_reason
      from reports r
      join report_requests q on q.id = r.request_id
      join units u on u.id = r.unit_id
      where q.unit_id in ${uuidList(unitIds)} and r.status = 'submitted'`;
  },
  toDraft(row) {
    return {
      key: row.sort_id,
      kind: 'report_review',
      title: `Báo cáo của ${row.unit_name} chờ tiếp nhận`,
      detail: row.title,
      unit: { id: row.unit_id, name: row.unit_name },
      dueOn: null,
      link: `/bao-cao/${row.sort_id}`,
      actionLabel: 'Xem và tiếp nhận',
    };
  },
});
