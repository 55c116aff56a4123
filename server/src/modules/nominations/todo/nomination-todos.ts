import { sql } from 'drizzle-orm';
import { grantedUnitIds } from '#server/platform/auth/policy.ts';
import { type SortColumns, sqlTodoProvider, uuidList } from '#server/platform/todo/sql-provider.ts';
import type { TodoRegistry } from '#server/platform/todo/todo-registry.ts';
import { WRITE_ROLES } from '../nominations.policy.ts';
import { nominationSendTodos } from '../round-deadlines/round-todos.ts';

interface NominationTodoRow extends SortColumns {
  title: string;
  round_title: string;
  unit_id: string;
  unit_name: string;
  return_reason: string | null;
}

const link = (id: string) => `/khen-thuong/to-trinh/${id}`;

/**
 * Tờ trình sent to a unit the user is a TĐKT officer of, waiting to be received or returned; due on
 * the last day a return is allowed (5 working days after submission).
 */
export const nominationReceiveTodos = sqlTodoProvider<NominationTodoRow>({
  source: 'nominations.receive',
  kind: 'nomination_receive',
  select(principal) {
    const unitIds = grantedUnitIds(principal, WRITE_ROLES);
    if (!unitIds.length) return null;
    return sql`select n.return_due as sort_due, n.submitted_at as sort_at, n.id as sort_id,
        n.title, r.title as round_title, u.id as unit_id, u.name as unit_name, n.return_reason
      from nominations n
      join award_rounds r on r.id = n.round_id
      join units u on u.id = n.proposing_unit_id
      where n.status = 'submitted' and r.receiving_unit_id in ${uuidList(unitIds)}`;
  },
  toDraft: (row) => ({
    key: row.sort_id,
    kind: 'nomination_receive',
    title: `Tiếp nhận tờ trình của ${row.unit_name}`,
    detail: `${row.title} — ${row.round_title}`,
    unit: { id: row.unit_id, name: row.unit_name },
    dueOn: row.sort_due,
    link: link(row.sort_id),
    actionLabel: 'Xem tờ trình',
  }),
});

/**
 * The deadline that applies to a proposing unit `u` in round `r`: the own deadline the receiving
 * level set for the lower unit it belongs to, else the round's.
 */
export const unitDeadlineSql = sql`coalesce((select d.deadline from round_unit_deadlines d
    join units du on du.id = d.unit_id
    where d.round_id = r.id and u.path like du.path || '%' limit 1), r.deadline)`;

/** Tờ trình of the user's units returned for correction; due on the unit's deadline in the round. */
export const nominationFixTodos = sqlTodoProvider<NominationTodoRow>({
  source: 'nominations.fix',
  kind: 'nomination_fix',
  select(principal) {
    const unitIds = grantedUnitIds(principal, WRITE_ROLES);
    if (!unitIds.length) return null;
    return sql`select ${unitDeadlineSql} as sort_due, n.updated_at as sort_at, n.id as sort_id,
        n.title, r.title as round_title, u.id as unit_id, u.name as unit_name, n.return_reason
      from nominations n
      join award_rounds r on r.id = n.round_id
      join units u on u.id = n.proposing_unit_id
      where n.status = 'returned' and n.proposing_unit_id in ${uuidList(unitIds)}`;
  },
  toDraft: (row) => ({
    key: row.sort_id,
    kind: 'nomination_fix',
    title: `Sửa và gửi lại tờ trình: ${row.title}`,
    detail: row.return_reason ? `${row.round_title} — Lý do trả lại: ${row.return_reason}` : row.round_title,
    unit: { id: row.unit_id, name: row.unit_name },
    dueOn: row.sort_due,
    link: link(row.sort_id),
    actionLabel: 'Mở tờ trình',
  }),
});

/** Registers the nominations module's to-do providers. */
export function registerNominationTodos(registry: TodoRegistry): void {
  registry.register(nominationReceiveTodos);
  registry.register(nominationFixTodos);
  registry.register(nominationSendTodos);
}
