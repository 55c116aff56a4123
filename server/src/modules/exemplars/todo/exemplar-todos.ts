import { sql } from 'drizzle-orm';
import { type ExemplarKind, exemplarKindLabels } from '#contracts/exemplars.ts';
import { grantedUnitIds } from '#server/platform/auth/policy.ts';
import { type SortColumns, sqlTodoProvider, uuidList } from '#server/platform/todo/sql-provider.ts';
import type { TodoRegistry } from '#server/platform/todo/todo-registry.ts';
import { EXEMPLAR_MANAGE_ROLES } from '../exemplars.policy.ts';

interface PendingRow extends SortColumns {
  title: string;
  kind: string;
  unit_id: string;
  unit_name: string;
}

/** Exemplars a direct lower unit proposed, awaiting the confirmation of the officers of the unit above. */
export const confirmTodos = sqlTodoProvider<PendingRow>({
  source: 'exemplars.confirm',
  kind: 'exemplar_confirm',
  select(principal) {
    const unitIds = grantedUnitIds(principal, EXEMPLAR_MANAGE_ROLES);
    if (!unitIds.length) return null;
    return sql`select null::date as sort_due, e.updated_at as sort_at, e.id as sort_id, e.title, e.kind,
        u.id as unit_id, u.name as unit_name
      from exemplars e join units u on u.id = e.unit_id
      where e.status = 'proposed' and u.parent_id in ${uuidList(unitIds)}`;
  },
  toDraft: (row) => ({
    key: row.sort_id,
    kind: 'exemplar_confirm',
    title: `Xác nhận điển hình: ${row.title}`,
    detail: `${exemplarKindLabels[row.kind as ExemplarKind] ?? 'Điển hình'} do ${row.unit_name} đề xuất`,
    unit: { id: row.unit_id, name: row.unit_name },
    dueOn: null,
    link: `/dien-hinh/${row.sort_id}`,
    actionLabel: 'Xem và xác nhận',
  }),
});

/** Registers the exemplars' to-do providers. */
export function registerExemplarTodos(registry: TodoRegistry): void {
  registry.register(confirmTodos);
}
