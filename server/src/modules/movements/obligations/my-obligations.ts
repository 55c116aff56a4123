import { sql } from 'drizzle-orm';
import type { MyObligationList } from '#contracts/movements.ts';
import { resolveScope, type Scope, scopeCondition } from '#server/modules/organisation/index.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { READ_ROLES } from '../movements.policy.ts';
import { type Caller, getVisibleMovement } from '../movements.service.ts';
import { obligationStatus } from './obligation-status.ts';

const isoToday = () => new Date().toISOString().slice(0, 10);

interface MyObligationRow {
  id: string;
  unit_id: string;
  unit_name: string;
  state: 'pending' | 'issued' | 'not_applicable';
  due_on: string | null;
  issued_on: string | null;
  issued_at: Date | string | null;
  implementing_movement_id: string | null;
  plan_number: string | null;
  draft_movement_id: string | null;
  reason: string | null;
}

/** The obligations of a movement whose unit lies in the scope, with the unit's draft answer if any. */
async function listObligationsInScope(executor: Executor, movementId: string, scope: Scope) {
  const inScope = scopeCondition(scope, sql`u.path`) ?? sql`true`;
  const result = await executor.execute(sql`
    select o.id, o.unit_id, u.name as unit_name, o.state, o.due_on::text as due_on,
      (o.issued_at at time zone 'UTC')::date::text as issued_on, o.issued_at,
      o.implementing_movement_id, im.plan_number, o.reason,
      (select d.id from movements d
        where d.parent_movement_id = o.movement_id and d.launching_unit_id = o.unit_id and d.status = 'draft'
        order by d.created_at desc limit 1) as draft_movement_id
    from plan_obligations o
    join units u on u.id = o.unit_id
    left join movements im on im.id = o.implementing_movement_id
    where o.movement_id = ${movementId}::uuid and ${inScope}
    order by u.sort_key, u.id`);
  return (result as unknown as { rows: MyObligationRow[] }).rows;
}

/**
 * "My unit's obligation": what the units in the caller's scope owe this movement (the scope follows
 * successions backwards, so a commune sees the answer of the district it took over). A lower unit's
 * officer reads it without the launching unit's dashboard; an unrelated user gets an empty list.
 */
export async function listMyObligations(
  db: Database,
  caller: Caller,
  movementId: string,
  today = isoToday(),
): Promise<MyObligationList> {
  const movement = await getVisibleMovement(db, caller, movementId);
  const scope = await resolveScope(db, caller.principal, READ_ROLES);
  const rows = await listObligationsInScope(db, movement.movement.id, scope);
  return {
    movementId,
    items: rows.map((row) => ({
      obligationId: row.id,
      unit: { id: row.unit_id, name: row.unit_name },
      dueOn: row.due_on,
      status: obligationStatus({ state: row.state, dueOn: row.due_on, issuedOn: row.issued_on }, today),
      issuedAt: row.issued_at ? new Date(row.issued_at).toISOString() : null,
      implementingMovementId: row.implementing_movement_id,
      planNumber: row.plan_number,
      draftMovementId: row.draft_movement_id,
      reason: row.reason,
    })),
  };
}
