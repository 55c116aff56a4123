import { sql } from 'drizzle-orm';
import { grantedUnitIds } from '#server/platform/auth/policy.ts';
import { type SortColumns, sqlTodoProvider, uuidList } from '#server/platform/todo/sql-provider.ts';
import type { TodoRegistry } from '#server/platform/todo/todo-registry.ts';
import { FOLLOW_UP_ROLES } from '../inspections.policy.ts';

interface RemedyTodoRow extends SortColumns {
  text: string;
  target_id: string;
  plan_title: string;
  unit_id: string;
  unit_name: string;
}

const link = (targetId: string) => `/kiem-tra/doi-tuong/${targetId}`;
const short = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

/** Remedies of the user's own unit (officer or head) not yet reported fixed, due on their deadline. */
export const remedyTodos = sqlTodoProvider<RemedyTodoRow>({
  source: 'inspections.remedy',
  kind: 'inspection_remedy',
  select(principal) {
    const unitIds = grantedUnitIds(principal, FOLLOW_UP_ROLES);
    if (!unitIds.length) return null;
    return sql`select r.due_on as sort_due, r.created_at as sort_at, r.id as sort_id, r.text,
        t.id as target_id, p.title as plan_title, u.id as unit_id, u.name as unit_name
      from inspection_remedies r
      join inspection_targets t on t.id = r.target_id
      join inspection_plans p on p.id = t.plan_id and p.status <> 'draft'
      join units u on u.id = t.unit_id
      where r.status <> 'done' and t.unit_id in ${uuidList(unitIds)}`;
  },
  toDraft: (row) => ({
    key: row.sort_id,
    kind: 'inspection_remedy',
    title: `Khắc phục sau kiểm tra: ${short(row.text)}`,
    detail: row.plan_title,
    unit: { id: row.unit_id, name: row.unit_name },
    dueOn: row.sort_due,
    link: link(row.target_id),
    actionLabel: 'Báo cáo khắc phục',
  }),
});

/** Overdue remedies of the plans of a council whose unit or standing body the user is an officer of. */
export const overdueTodos = sqlTodoProvider<RemedyTodoRow>({
  source: 'inspections.overdue',
  kind: 'inspection_overdue',
  select(principal, today) {
    const unitIds = grantedUnitIds(principal, ['tdkt_officer']);
    if (!unitIds.length) return null;
    return sql`select r.due_on as sort_due, r.created_at as sort_at, r.id as sort_id, r.text,
        t.id as target_id, p.title as plan_title, u.id as unit_id, u.name as unit_name
      from inspection_remedies r
      join inspection_targets t on t.id = r.target_id
      join inspection_plans p on p.id = t.plan_id and p.status <> 'draft'
      join councils c on c.id = p.council_id
      join units u on u.id = t.unit_id
      where r.status <> 'done' and r.due_on < ${today}
        and (c.unit_id in ${uuidList(unitIds)} or c.standing_unit_id in ${uuidList(unitIds)})`;
  },
  toDraft: (row) => ({
    key: row.sort_id,
    kind: 'inspection_overdue',
    title: `Đôn đốc ${row.unit_name} khắc phục: ${short(row.text)}`,
    detail: row.plan_title,
    unit: { id: row.unit_id, name: row.unit_name },
    dueOn: row.sort_due,
    link: link(row.target_id),
    actionLabel: 'Xem kết quả kiểm tra',
  }),
});

/** Registers the inspections' to-do providers. */
export function registerInspectionTodos(registry: TodoRegistry): void {
  registry.register(remedyTodos);
  registry.register(overdueTodos);
}
