import { sql } from 'drizzle-orm';
import type { ObligationStatus } from '../../../../contracts/movements.ts';
import type { Executor } from '../../platform/db/client.ts';

/** One unit of the dashboard with its own obligation towards the movement chain. */
export interface CascadeUnitRow {
  id: string;
  name: string;
  code: string;
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

/** The dashboard status, the same rule as obligationStatus() in obligation-status.ts. */
const statusSql = (today: string) => sql`case
  when o.state = 'not_applicable' then 'not_applicable'
  when o.state = 'issued' then
    case when o.due_on is not null and (o.issued_at at time zone 'UTC')::date > o.due_on then 'late' else 'on_time' end
  when o.due_on is not null and o.due_on < ${today}::date then 'missing'
  else 'pending' end`;

/**
 * The direct subordinates of a unit that are active or were given an obligation (a district that
 * ended in 2025 still answers for 2019), with their own obligation in the chain, in name order.
 */
export async function listCascadeUnits(executor: Executor, rootMovementId: string, unitId: string) {
  return rowsOf<CascadeUnitRow>(
    await executor.execute(sql`
      select u.id, u.name, u.code,
        (select count(*)::int from units c where c.parent_id = u.id
          and (c.valid_to is null or c.valid_to >= current_date)) as child_count,
        o.id as obligation_id, o.state, o.due_on::text as due_on,
        (o.issued_at at time zone 'UTC')::date::text as issued_on, o.issued_at,
        o.implementing_movement_id, im.plan_number, o.reason
      from units u
      left join lateral (
        select * from plan_obligations p
        where p.unit_id = u.id and p.root_movement_id = ${rootMovementId}::uuid
        order by p.created_at desc limit 1
      ) o on true
      left join movements im on im.id = o.implementing_movement_id
      where u.parent_id = ${unitId}::uuid
        and (u.valid_to is null or u.valid_to >= current_date or o.id is not null)
      order by u.sort_key, u.id`),
  );
}

/**
 * Every obligation of the chain below the unit, grouped in one pass by the direct subordinate it
 * falls under (the path segment after the unit's own path), its depth and its status.
 * One set-based query: the obligations of the chain joined to their units by id, filtered by path prefix.
 */
export async function groupCascade(
  executor: Executor,
  rootMovementId: string,
  unitPath: string,
  today: string,
): Promise<CascadeGroup[]> {
  const slashes = unitPath.split('/').length - 1;
  return rowsOf<CascadeGroup>(
    await executor.execute(sql`
      select split_part(substr(u.path, ${unitPath.length + 1}), '/', 1) as child_id,
        (length(u.path) - length(replace(u.path, '/', '')) - ${slashes})::int as depth,
        ${statusSql(today)} as status,
        count(*)::int as n
      from plan_obligations o
      join units u on u.id = o.unit_id
      where o.root_movement_id = ${rootMovementId}::uuid
        and u.path like ${`${unitPath}%`} and u.path <> ${unitPath}
      group by 1, 2, 3`),
  ).map((group) => ({ ...group, depth: Number(group.depth), n: Number(group.n) }));
}

type CascadeRead = Promise<[CascadeUnitRow[], CascadeGroup[]]>;
/** Dashboard reads under way, per database: identical requests arriving meanwhile share them. */
const inFlight = new WeakMap<object, Map<string, CascadeRead>>();

/**
 * The dashboard of a unit, read once for every identical request that arrives while it is being
 * read (a national dashboard opened by many officers at once costs one read, not one each). Nothing
 * is kept afterwards, so a request never sees data older than a read already under way.
 */
export function readCascadeShared(
  executor: Executor,
  rootMovementId: string,
  unitId: string,
  unitPath: string,
  today: string,
): CascadeRead {
  let reads = inFlight.get(executor);
  if (!reads) {
    reads = new Map();
    inFlight.set(executor, reads);
  }
  const key = `${rootMovementId}|${unitId}|${today}`;
  const pending = reads.get(key);
  if (pending) return pending;
  const read = readCascade(executor, rootMovementId, unitId, unitPath, today).finally(() =>
    reads.delete(key),
  );
  reads.set(key, read);
  return read;
}

/**
 * Both dashboard queries in one read-only transaction with JIT off: on 100,000 units PostgreSQL
 * would spend half a second compiling expressions for queries that run in tens of milliseconds.
 */
export async function readCascade(
  executor: Executor,
  rootMovementId: string,
  unitId: string,
  unitPath: string,
  today: string,
): Promise<[CascadeUnitRow[], CascadeGroup[]]> {
  return executor.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    const units = await listCascadeUnits(tx, rootMovementId, unitId);
    const groups = await groupCascade(tx, rootMovementId, unitPath, today);
    return [units, groups];
  });
}
