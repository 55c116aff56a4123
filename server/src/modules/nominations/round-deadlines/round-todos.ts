import { sql } from 'drizzle-orm';
import { grantedUnitIds } from '#server/platform/auth/policy.ts';
import { type SortColumns, sqlTodoProvider, uuidList } from '#server/platform/todo/sql-provider.ts';
import { WRITE_ROLES } from '../nominations.policy.ts';

interface SendTodoRow extends SortColumns {
  round_id: string;
  round_title: string;
  receiving_name: string;
  unit_id: string;
  unit_name: string;
  own: boolean;
}

/** Days after a missed deadline the item stays on the list. */
const KEEP_OVERDUE_DAYS = 30;

/**
 * Rounds a lower unit the user is a TĐKT officer of has not sent its tờ trình to yet, due on the
 * unit's own deadline (else the round's); rounds without any deadline are left out.
 */
export const nominationSendTodos = sqlTodoProvider<SendTodoRow>({
  source: 'nominations.send',
  kind: 'nomination_send',
  select(principal, today) {
    const unitIds = grantedUnitIds(principal, WRITE_ROLES);
    if (!unitIds.length) return null;
    return sql`select coalesce(d.deadline, r.deadline) as sort_due, r.created_at as sort_at,
        r.id::text || ':' || c.id::text as sort_id, r.id as round_id, r.title as round_title,
        ru.name as receiving_name, c.id as unit_id, c.name as unit_name, d.deadline is not null as own
      from award_rounds r
      join units ru on ru.id = r.receiving_unit_id
      join units c on c.parent_id = r.receiving_unit_id and c.id in ${uuidList(unitIds)}
      left join round_unit_deadlines d on d.round_id = r.id and d.unit_id = c.id
      where coalesce(d.deadline, r.deadline) >= ${today}::date - ${KEEP_OVERDUE_DAYS}::int
        and not exists (select 1 from nominations n join units pu on pu.id = n.proposing_unit_id
          where n.round_id = r.id and n.status not in ('draft', 'returned') and pu.path like c.path || '%')`;
  },
  toDraft: (row) => ({
    key: row.sort_id,
    kind: 'nomination_send',
    title: `Gửi tờ trình cho đợt “${row.round_title}”`,
    detail: `${row.receiving_name} nhận tờ trình${row.own ? ' — hạn riêng của đơn vị' : ''}`,
    unit: { id: row.unit_id, name: row.unit_name },
    dueOn: row.sort_due,
    link: `/khen-thuong/dot/${row.round_id}`,
    actionLabel: 'Mở đợt khen thưởng',
  }),
});
