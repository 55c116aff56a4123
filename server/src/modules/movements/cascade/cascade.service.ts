import type { CursorQuery } from '#contracts/common.ts';
import type { CascadeResponse, CascadeRow, ObligationStatus } from '#contracts/movements.ts';
import { coversUnit } from '#server/platform/auth/policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { canManageMovement, READ_ROLES } from '../movements.policy.ts';
import { findUnit } from '../movements.repo.ts';
import { type Caller, facts, getVisibleMovement } from '../movements.service.ts';
import { emptyCounts, obligationStatus } from '../obligations/obligation-status.ts';
import { countCascadeUnits, groupCascade, listCascadeUnits } from './cascade.repo.ts';

const isoToday = () => new Date().toISOString().slice(0, 10);

/**
 * The cascade dashboard of a movement below a unit (default: the launching unit): one keyset page of
 * its direct subordinates (or all of them, for the workbook) with their implementing plan status and
 * their subtree counted by status, and totals per level. The counts come from cascade_counts (kept
 * in the transaction that changes an obligation), so the national level costs what a province does.
 */
export async function getCascade(
  db: Database,
  caller: Caller,
  movementId: string,
  unitId: string | undefined,
  page: Pick<CursorQuery, 'after' | 'before' | 'limit'> | 'all',
  today = isoToday(),
): Promise<CascadeResponse> {
  const movement = await getVisibleMovement(db, caller, movementId);
  const unit = unitId ? await findUnit(db, unitId) : await findUnit(db, movement.movement.launchingUnitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  if (!unit.path.startsWith(movement.unitPath)) {
    throw new AppError('OUT_OF_SCOPE', 'Đơn vị không thuộc phạm vi của phong trào.');
  }
  if (
    !canManageMovement(caller.principal, facts(movement)) &&
    !coversUnit(caller.principal, READ_ROLES, unit.path)
  ) {
    throw new AppError('OUT_OF_SCOPE');
  }
  const rootId = movement.movement.rootMovementId ?? movement.movement.id;
  const [units, groups, listed] = await Promise.all([
    listCascadeUnits(db, rootId, unit.id, page),
    groupCascade(db, rootId, unit.id, today),
    countCascadeUnits(db, rootId, unit.id),
  ]);
  const subtree = new Map<string, Record<ObligationStatus, number>>();
  const levels = new Map<number, Record<ObligationStatus, number>>();
  const totals = emptyCounts();
  for (const group of groups) {
    totals[group.status] += group.n;
    const level = levels.get(group.depth) ?? emptyCounts();
    level[group.status] += group.n;
    levels.set(group.depth, level);
    if (group.depth >= 2) {
      const counts = subtree.get(group.child_id) ?? emptyCounts();
      counts[group.status] += group.n;
      subtree.set(group.child_id, counts);
    }
  }
  const rows: CascadeRow[] = units.rows.map((row) => ({
    unit: { id: row.id, name: row.name, code: row.code, childCount: Number(row.child_count) },
    obligationId: row.obligation_id,
    status: obligationStatus(
      row.state ? { state: row.state, dueOn: row.due_on, issuedOn: row.issued_on } : null,
      today,
    ),
    dueOn: row.due_on,
    issuedAt: row.issued_at ? new Date(row.issued_at).toISOString() : null,
    implementingMovementId: row.implementing_movement_id,
    planNumber: row.plan_number,
    reason: row.reason,
    subtree: subtree.get(row.id) ?? emptyCounts(),
  }));
  const none = listed.none;
  if (none) {
    totals.none += none;
    const first = levels.get(1) ?? emptyCounts();
    first.none += none;
    levels.set(1, first);
  }
  return {
    movementId,
    unit: { id: unit.id, name: unit.name },
    rows,
    next: units.next,
    prev: units.prev,
    total: listed.total,
    levels: [...levels.entries()].sort(([a], [b]) => a - b).map(([depth, counts]) => ({ depth, counts })),
    totals,
  };
}
