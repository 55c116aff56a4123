import { eq } from 'drizzle-orm';
import type { Role } from '#contracts/auth.ts';
import { inScope, resolveScope, WRITE_ROLES } from '#server/modules/organisation/organisation.policy.ts';
import type { Caller } from '#server/modules/organisation/units/units.service.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';

export type { Caller };

/** Who reads the dashboards: the emulation officers and the heads of units, within their subtree. */
export const DASHBOARD_READ_ROLES: readonly Role[] = ['tdkt_officer', 'unit_head'];
/** Who sets a unit's fairness thresholds: the emulation officers of the unit or above. */
export const DASHBOARD_SETTINGS_ROLES = WRITE_ROLES;

/** The unit a dashboard is about. */
export interface DashboardUnit {
  id: string;
  name: string;
  path: string;
}

/**
 * The unit, once the caller may read its dashboards (404 when it does not exist, 403 OUT_OF_SCOPE
 * when it lies outside the caller's subtree), and whether the caller may change its thresholds.
 */
export async function getDashboardUnit(
  db: Executor,
  caller: Caller,
  unitId: string,
): Promise<DashboardUnit & { canEdit: boolean }> {
  const [unit] = await db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  const [readScope, editScope] = await Promise.all([
    resolveScope(db, caller.principal, DASHBOARD_READ_ROLES),
    resolveScope(db, caller.principal, DASHBOARD_SETTINGS_ROLES),
  ]);
  if (!inScope(readScope, unit.path)) throw new AppError('OUT_OF_SCOPE');
  return { ...unit, canEdit: inScope(editScope, unit.path) };
}
