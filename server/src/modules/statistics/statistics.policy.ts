import { eq } from 'drizzle-orm';
import type { Role } from '#contracts/auth.ts';
import { inScope, resolveScope } from '#server/modules/organisation/organisation.policy.ts';
import type { Caller } from '#server/modules/organisation/units/units.service.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';

export type { Caller };

/** Who produces and reads the statutory forms: emulation officers and unit heads, within their subtree. */
export const STATISTICS_READ_ROLES: readonly Role[] = ['tdkt_officer', 'unit_head'];
/** Who types the figures the system cannot count: emulation officers, for a unit of their subtree. */
export const STATISTICS_ENTER_ROLES: readonly Role[] = ['tdkt_officer'];

/** The receiving body printed on a root unit's forms. */
export const MINISTRY = 'Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)';

/** Whose forms: a unit of the caller's scope, or the whole system (an administrator's, without unit). */
export interface StatisticsPlace {
  unit: { id: string; name: string; path: string } | null;
  receivingUnit: string;
  canEnter: boolean;
}

/**
 * The place a caller asks the forms of: 404 for an unknown unit, 403 OUT_OF_SCOPE outside their
 * subtree, 400 without a unit unless they see every unit.
 */
export async function placeOf(
  db: Executor,
  caller: Caller,
  unitId: string | undefined,
): Promise<StatisticsPlace> {
  const [readScope, enterScope] = await Promise.all([
    resolveScope(db, caller.principal, STATISTICS_READ_ROLES),
    resolveScope(db, caller.principal, STATISTICS_ENTER_ROLES),
  ]);
  if (!unitId) {
    if (readScope !== null)
      throw new AppError('VALIDATION_FAILED', 'Vui lòng chọn đơn vị lập biểu.', [
        { path: 'unitId', message: 'Vui lòng chọn đơn vị' },
      ]);
    return { unit: null, receivingUnit: MINISTRY, canEnter: false };
  }
  const place = await unitPlace(db, unitId);
  if (!inScope(readScope, place.path)) throw new AppError('OUT_OF_SCOPE');
  return { ...place.value, canEnter: inScope(enterScope, place.path) };
}

/** The place of a unit without a scope check (a job's, checked when it was queued); null = everywhere. */
export async function placeFor(db: Executor, unitId: string | null): Promise<StatisticsPlace> {
  if (!unitId) return { unit: null, receivingUnit: MINISTRY, canEnter: false };
  return { ...(await unitPlace(db, unitId)).value, canEnter: false };
}

async function unitPlace(db: Executor, unitId: string) {
  const [unit] = await db
    .select({ id: units.id, name: units.name, path: units.path, parentId: units.parentId })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  let receivingUnit = MINISTRY;
  if (unit.parentId) {
    const [parent] = await db.select({ name: units.name }).from(units).where(eq(units.id, unit.parentId));
    receivingUnit = parent?.name ?? MINISTRY;
  }
  return {
    path: unit.path,
    value: { unit: { id: unit.id, name: unit.name, path: unit.path }, receivingUnit },
  };
}
