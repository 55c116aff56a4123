import { type SQL, sql } from 'drizzle-orm';
import type { CursorQuery, ListTotal } from '#contracts/common.ts';
import type { ObligationStatus } from '#contracts/movements.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { type KeysetPage, readKeysetPage } from '#server/platform/db/keyset.ts';

/** One unit of the dashboard with its own obligation towards the movement chain. */
export interface CascadeUnitRow {
  id: string;
  name: string;
  code: string;
  sort_key: string;
  child_count: number;
  obligation_id: string | null;
  state: 'pending' | 'issued' | 'not_applicable' | null;
  due_on: string | null;
  issued_on: string | null;
  issued_at: Date | string | null;
  implementing_movement_id: string | null;
  plan_number: string | null;
  reason: string | null;
}

/** Counts of obligations below the unit: by the child they fall under, their depth and status. */
export interface CascadeGroup {
  child_id: string;
  depth: number;
  status: ObligationStatus;
  n: number;
}

const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;

/** The dashboard's subordinates: active, or given an obligation in the chain (a unit that ended still answers). */
const subordinateOf = (rootMovementId: string, unitId: string) => sql`u.parent_id = ${unitId}::uuid
  and (u.valid_to is null or u.valid_to >= current_date
    or exists (select 1 from plan_obligations p
      where p.unit_id = u.id and p.root_movement_id = ${rootMovementId}::uuid))`;

/** The subordinates' key: name order (units_parent_sort_idx), then id. */
const KEY = [sql`u.sort_key`, sql`u.id`] as const;

/**
 * The direct subordinates of a unit with their own obligation in the chain, in name order: one
 * keyset page (or all of them for the workbook), with the child counts and obligations of that page only.
 */
export async function listCascadeUnits(
  executor: Executor,
  rootMovementId: string,
  unitId: string,
  query: Pick<CursorQuery, 'after' | 'before' | 'limit'> | 'all',
): Promise<KeysetPage<CascadeUnitRow>> {
  const read = async (key: SQL | undefined, descending: boolean, limit: number | null) =>
    rowsOf<CascadeUnitRow>(
      await executor.execute(sql`
        select u.id, u.name, u.code, u.sort_key,
          (select count(*)::int from units c where c.parent_id = u.id
            and (c.valid_to is null or c.valid_to >= current_date)) as child_count,
          o.id as obligation_id, o.state, o.due_on::text as due_on,
          (o.issued_at at time zone 'UTC')::date::text as issued_on, o.issued_at,
          o.implementing_movement_id, im.plan_number, o.reason
        from (
          select u.* from units u
          where ${subordinateOf(rootMovementId, unitId)} ${key ? sql`and ${key}` : sql``}
          order by ${descending ? sql`u.sort_key desc, u.id desc` : sql`u.sort_key, u.id`}
          ${limit === null ? sql`` : sql`limit ${limit}`}
        ) u
        left join lateral (
          select * from plan_obligations p
          where p.unit_id = u.id and p.root_movement_id = ${rootMovementId}::uuid
          order by p.created_at desc limit 1
        ) o on true
        left join movements im on im.id = o.implementing_movement_id
        order by ${descending ? sql`u.sort_key desc, u.id desc` : sql`u.sort_key, u.id`}`),
    );
  if (query === 'all') return { rows: await read(undefined, false, null), next: null, prev: null };
  return readKeysetPage({
    query,
    columns: KEY,
    kinds: ['string', 'uuid'],
    keyOf: (row) => [row.sort_key, row.id],
    read: ({ where, descending, limit }) => read(where, descending, limit),
  });
}

/**
 * How many subordinates the dashboard lists, and how many of them have no obligation in the chain
 * ("not given"): one pass over the unit's children, whatever the page.
 */
export async function countCascadeUnits(
  executor: Executor,
  rootMovementId: string,
  unitId: string,
): Promise<{ total: ListTotal; none: number }> {
  const [row] = rowsOf<{ total: number; none: number }>(
    await executor.execute(sql`
      select count(*)::int as total,
        count(*) filter (where not exists (select 1 from plan_obligations p
          where p.unit_id = u.id and p.root_movement_id = ${rootMovementId}::uuid))::int as none
      from units u
      where ${subordinateOf(rootMovementId, unitId)}`),
  );
  return { total: { value: Number(row?.total ?? 0), exact: true }, none: Number(row?.none ?? 0) };
}

/**
 * Every obligation of the chain below the unit, grouped by the direct subordinate it falls under,
 * its depth and its status, read from cascade_counts (kept by triggers in the transaction that
 * changes an obligation or moves a unit): a primary-key range of a few hundred rows even for the
 * national level. A pending obligation past its deadline is "missing" as of `today`.
 */
export async function groupCascade(
  executor: Executor,
  rootMovementId: string,
  unitId: string,
  today: string,
): Promise<CascadeGroup[]> {
  return rowsOf<CascadeGroup>(
    await executor.execute(sql`
      select child_id, depth,
        case when bucket = 'pending' and due_on < ${today}::date then 'missing' else bucket end as status,
        sum(n)::int as n
      from cascade_counts
      where root_movement_id = ${rootMovementId}::uuid and ancestor_id = ${unitId}::uuid
      group by 1, 2, 3
      having sum(n) <> 0`),
  ).map((group) => ({ ...group, depth: Number(group.depth), n: Number(group.n) }));
}
