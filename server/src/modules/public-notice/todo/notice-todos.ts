import { sql } from 'drizzle-orm';
import { grantedUnitIds } from '#server/platform/auth/policy.ts';
import { type SortColumns, sqlTodoProvider, uuidList } from '#server/platform/todo/sql-provider.ts';
import type { TodoRegistry } from '#server/platform/todo/todo-registry.ts';
import { NOTICE_WRITE_ROLES } from '../public-notice.policy.ts';

interface CommentTodoRow extends SortColumns {
  subject_name: string;
  award_name: string;
  unit_id: string;
  unit_name: string;
  notice_id: string;
  author_name: string;
}

/**
 * Comments from the public waiting for an answer on notices of a level the user is a TĐKT officer
 * of; due on the notice's last day (every comment is answered before the decision).
 */
export const commentAnswerTodos = sqlTodoProvider<CommentTodoRow>({
  source: 'public-notice.answer',
  kind: 'public_comment_answer',
  select(principal) {
    const unitIds = grantedUnitIds(principal, NOTICE_WRITE_ROLES);
    if (!unitIds.length) return null;
    return sql`select p.end_date as sort_due, c.created_at as sort_at, c.id as sort_id,
        p.subject_name, p.award_name, u.id as unit_id, u.name as unit_name, p.id as notice_id, c.author_name
      from public_comments c
      join public_notices p on p.id = c.notice_id
      join units u on u.id = p.receiving_unit_id
      where c.answer is null and p.receiving_unit_id in ${uuidList(unitIds)}`;
  },
  toDraft: (row) => ({
    key: row.sort_id,
    kind: 'public_comment_answer',
    title: `Trả lời ý kiến của ${row.author_name} về ${row.subject_name}`,
    detail: `Công khai đề nghị ${row.award_name}`,
    unit: { id: row.unit_id, name: row.unit_name },
    dueOn: row.sort_due,
    link: `/khen-thuong/cong-khai/${row.notice_id}`,
    actionLabel: 'Trả lời',
  }),
});

/** Registers the public notice module's to-do providers. */
export function registerNoticeTodos(registry: TodoRegistry): void {
  registry.register(commentAnswerTodos);
}
