import { sql } from 'drizzle-orm';
import { grantedUnitIds } from '#server/platform/auth/policy.ts';
import { type SortColumns, sqlTodoProvider, uuidList } from '#server/platform/todo/sql-provider.ts';
import { WRITE_ROLES } from '../nominations.policy.ts';

interface AppraisalTodoRow extends SortColumns {
  title: string;
  round_title: string;
  unit_id: string;
  unit_name: string;
}

/**
 * Tờ trình received by a unit the user is a TĐKT officer of and not yet appraised ("Tờ trình chờ
 * thẩm định"); due on the round's deadline (no national time limit for a province's appraisal).
 */
export const nominationAppraiseTodos = sqlTodoProvider<AppraisalTodoRow>({
  source: 'nominations.appraise',
  kind: 'nomination_appraise',
  select(principal) {
    const unitIds = grantedUnitIds(principal, WRITE_ROLES);
    if (!unitIds.length) return null;
    return sql`select r.deadline as sort_due, n.updated_at as sort_at, n.id as sort_id,
        n.title, r.title as round_title, u.id as unit_id, u.name as unit_name
      from nominations n
      join award_rounds r on r.id = n.round_id
      join units u on u.id = n.proposing_unit_id
      where n.status = 'received' and r.receiving_unit_id in ${uuidList(unitIds)}`;
  },
  toDraft: (row) => ({
    key: row.sort_id,
    kind: 'nomination_appraise',
    title: `Thẩm định tờ trình của ${row.unit_name}`,
    detail: `${row.title} — ${row.round_title}`,
    unit: { id: row.unit_id, name: row.unit_name },
    dueOn: row.sort_due,
    link: `/khen-thuong/to-trinh/${row.sort_id}/tham-dinh`,
    actionLabel: 'Thẩm định',
  }),
});
