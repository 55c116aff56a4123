import { sql } from 'drizzle-orm';
import { type SortColumns, sqlTodoProvider } from '#server/platform/todo/sql-provider.ts';
import type { TodoRegistry } from '#server/platform/todo/todo-registry.ts';

interface SessionTodoRow extends SortColumns {
  title: string;
  council_name: string;
  unit_id: string;
  unit_name: string;
}

const link = (id: string) => `/khen-thuong/phien-hop/${id}`;
const due = sql`(s.closes_at at time zone 'Asia/Ho_Chi_Minh')::date`;

/** The user's own seats at open sessions (present), with a nominee they have neither voted on nor been recused from. */
export const ballotPendingTodos = sqlTodoProvider<SessionTodoRow>({
  source: 'council-sessions.ballot',
  kind: 'ballot_pending',
  select: (principal) => sql`select ${due} as sort_due, s.closes_at as sort_at, s.id as sort_id,
      s.title, c.name as council_name, u.id as unit_id, u.name as unit_name
    from persons p
    join council_members cm on cm.person_id = p.id
    join council_session_members m on m.member_id = cm.id and m.attendance = 'present'
    join council_sessions s on s.id = m.session_id and s.status = 'open' and s.closes_at > now()
    join councils c on c.id = s.council_id
    join units u on u.id = c.unit_id
    where p.user_id = ${principal.id}
      and exists (select 1 from council_agenda_items a where a.session_id = s.id
        and not exists (select 1 from ballot_receipts b where b.session_id = s.id and b.nominee_id = a.nominee_id and b.member_id = m.member_id)
        and not exists (select 1 from council_recusals x where x.session_id = s.id and x.nominee_id = a.nominee_id and x.member_id = m.member_id))`,
  toDraft: (row) => ({
    key: row.sort_id,
    kind: 'ballot_pending',
    title: `Bỏ phiếu kín: ${row.title}`,
    detail: row.council_name,
    unit: { id: row.unit_id, name: row.unit_name },
    dueOn: row.sort_due,
    link: `${link(row.sort_id)}/phieu-bau`,
    actionLabel: 'Mở phiếu bầu',
  }),
});

/** Open sessions the user is the secretary of: to close after the vote (or they close at their time). */
export const sessionCloseTodos = sqlTodoProvider<SessionTodoRow>({
  source: 'council-sessions.close',
  kind: 'session_close',
  select: (principal) => sql`select ${due} as sort_due, s.closes_at as sort_at, s.id as sort_id,
      s.title, c.name as council_name, u.id as unit_id, u.name as unit_name
    from persons p
    join council_members cm on cm.person_id = p.id
    join council_sessions s on s.secretary_member_id = cm.id and s.status = 'open'
    join councils c on c.id = s.council_id
    join units u on u.id = c.unit_id
    where p.user_id = ${principal.id}`,
  toDraft: (row) => ({
    key: row.sort_id,
    kind: 'session_close',
    title: `Kết thúc phiên họp và kiểm phiếu: ${row.title}`,
    detail: row.council_name,
    unit: { id: row.unit_id, name: row.unit_name },
    dueOn: row.sort_due,
    link: link(row.sort_id),
    actionLabel: 'Mở phiên họp',
  }),
});

/** Registers the council sessions' to-do providers. */
export function registerSessionTodos(registry: TodoRegistry): void {
  registry.register(ballotPendingTodos);
  registry.register(sessionCloseTodos);
}
