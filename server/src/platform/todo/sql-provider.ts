import { type SQL, sql } from 'drizzle-orm';
import type { TodoKind } from '#contracts/todo.ts';
import type { Principal } from '../auth/policy.ts';
import type { Executor } from '../db/client.ts';
import type { TodoDraft } from './todo-order.ts';
import type { TodoProvider } from './todo-registry.ts';

/** Counts stop here: "at least 1000" is all a home page needs to say, and it keeps the count O(1000). */
export const TODO_COUNT_CAP = 1000;

/** The columns every provider query outputs for ordering, beside its own. */
export interface SortColumns {
  /** Deadline (date) or null. */
  sort_due: string | null;
  /** Second key among equal deadlines (e.g. when a registration was submitted), or null. */
  sort_at: string | Date | null;
  /** A unique id, so the order is total. */
  sort_id: string;
}

/** A provider of one kind of item answered by one SQL query. */
export interface SqlTodoSource<Row extends SortColumns> {
  source: string;
  kind: TodoKind;
  /**
   * The user's items as one SELECT (no ORDER BY, no LIMIT) that outputs `sort_due`, `sort_at` and
   * `sort_id`, written so that ordering by them with a LIMIT walks an index; null when the user's
   * roles give them nothing of this kind.
   */
  select(principal: Principal, today: string): SQL | null;
  toDraft(row: Row, principal: Principal): TodoDraft;
}

const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;

/** The provider for one SQL-backed kind: the first `limit` rows by deadline, and a capped count. */
export function sqlTodoProvider<Row extends SortColumns>(spec: SqlTodoSource<Row>): TodoProvider {
  return {
    source: spec.source,
    async list(db, principal, { today, limit }) {
      const select = spec.select(principal, today);
      if (!select) return [];
      const rows = rowsOf<Row>(
        await db.execute(sql`select * from (${select}) t
          order by t.sort_due asc nulls last, t.sort_at asc nulls last, t.sort_id
          limit ${limit}`),
      );
      return rows.map((row) => spec.toDraft(row, principal));
    },
    async count(db, principal, { today }) {
      const select = spec.select(principal, today);
      if (!select) return {};
      const value = await countCapped(db, select);
      return { [spec.kind]: value };
    },
  };
}

/** How many rows the query gives, counting no further than TODO_COUNT_CAP. */
export async function countCapped(executor: Executor, select: SQL) {
  const [row] = rowsOf<{ n: number | string }>(
    await executor.execute(
      sql`select count(*)::int as n from (select 1 from (${select}) s limit ${TODO_COUNT_CAP}) t`,
    ),
  );
  const count = Number(row?.n ?? 0);
  return { count, isCapped: count >= TODO_COUNT_CAP };
}

/** A list of ids as SQL (`(id1, id2, …)` cast to uuid), for `in` conditions; never empty. */
export function uuidList(ids: readonly string[]): SQL {
  if (!ids.length) throw new Error('uuidList needs at least one id');
  return sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}
