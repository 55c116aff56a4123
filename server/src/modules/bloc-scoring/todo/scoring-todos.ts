import { sql } from 'drizzle-orm';
import { grantedUnitIds } from '#server/platform/auth/policy.ts';
import { type SortColumns, sqlTodoProvider, uuidList } from '#server/platform/todo/sql-provider.ts';
import type { TodoRegistry } from '#server/platform/todo/todo-registry.ts';
import { UNIT_ROLES } from '../bloc-scoring.policy.ts';

interface SheetTodoRow extends SortColumns {
  status: string;
  table_name: string;
  bloc_name: string;
  unit_id: string;
  unit_name: string;
}

/** The sheet page of the web app (a unit's whole scoring sheet). */
export const sheetLink = (sheetId: string) => `/khoi-cum/bang-diem/${sheetId}`;

/** Sheets of an open table whose bloc is not yet published, with their table, bloc and unit. */
const openSheets = sql`select null::date as sort_due, s.updated_at as sort_at, s.id as sort_id, s.status,
    t.name as table_name, b.name as bloc_name, u.id as unit_id, u.name as unit_name
  from scoring_sheets s
  join scoring_tables t on t.id = s.table_id and t.status = 'open'
  join blocs b on b.id = s.bloc_id
  join units u on u.id = s.unit_id
  where not exists (select 1 from scoring_publications p where p.table_id = s.table_id and p.bloc_id = s.bloc_id)`;

/** The user's own unit's sheet waiting for it: the self-assessment, or the explanation after review 1. */
export const selfAssessmentTodos = sqlTodoProvider<SheetTodoRow>({
  source: 'bloc-scoring.self',
  kind: 'bloc_self_assessment',
  select(principal) {
    const unitIds = grantedUnitIds(principal, UNIT_ROLES);
    if (!unitIds.length) return null;
    return sql`${openSheets} and s.status in ('self_assessment', 'reviewed') and s.unit_id in ${uuidList(unitIds)}`;
  },
  toDraft: (row) => ({
    key: row.sort_id,
    kind: 'bloc_self_assessment',
    title:
      row.status === 'reviewed'
        ? `Giải trình kết quả chấm điểm lần 1 của ${row.bloc_name}`
        : `Tự chấm điểm thi đua trong ${row.bloc_name}`,
    detail: row.table_name,
    unit: { id: row.unit_id, name: row.unit_name },
    dueOn: null,
    link: sheetLink(row.sort_id),
    actionLabel: row.status === 'reviewed' ? 'Giải trình' : 'Tự chấm điểm',
  }),
});

/** Sheets of the blocs the user's unit heads waiting for a review (the first, or the second after the explanation). */
export const reviewTodos = sqlTodoProvider<SheetTodoRow>({
  source: 'bloc-scoring.review',
  kind: 'bloc_review',
  select(principal) {
    const unitIds = grantedUnitIds(principal, UNIT_ROLES);
    if (!unitIds.length) return null;
    return sql`${openSheets} and s.status in ('submitted', 'explained')
        and exists (select 1 from bloc_members h where h.bloc_id = s.bloc_id and h.role = 'head'
          and h.unit_id in ${uuidList(unitIds)})`;
  },
  toDraft: (row) => ({
    key: row.sort_id,
    kind: 'bloc_review',
    title: `Chấm điểm ${row.status === 'explained' ? 'lần 2' : 'lần 1'}: ${row.unit_name}`,
    detail: `${row.bloc_name} — ${row.table_name}`,
    unit: { id: row.unit_id, name: row.unit_name },
    dueOn: null,
    link: sheetLink(row.sort_id),
    actionLabel: 'Chấm điểm',
  }),
});

/** Registers the bloc scoring's to-do providers. */
export function registerScoringTodos(registry: TodoRegistry): void {
  registry.register(selfAssessmentTodos);
  registry.register(reviewTodos);
}
