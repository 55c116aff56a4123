import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DashboardSettingsBody, DashboardSettingsView } from '#contracts/dashboards.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { dashboardSettings, units } from '#server/platform/db/schema.ts';
import { nextVersion, staleVersionError } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { type Caller, type DashboardUnit, getDashboardUnit } from '../dashboards.policy.ts';

/** The thresholds when no unit on the path set any (seed 002 II.3.b: favour direct workers and small collectives). */
export const DEFAULT_SETTINGS = {
  directWorkerGap: 10,
  womenGap: 10,
  smallCollectiveGap: 10,
  smallCollectiveSize: 30,
} as const;

const SUBJECT = {
  subject: 'Ngưỡng cảnh báo của đơn vị này',
  notFound: 'Không tìm thấy ngưỡng cảnh báo.',
};

/** The thresholds in force for the unit: its own row, else the nearest ancestor's, else the defaults. */
export async function settingsFor(
  db: Executor,
  unit: DashboardUnit,
  canEdit: boolean,
): Promise<DashboardSettingsView> {
  const pathIds = unit.path.split('/').filter(Boolean);
  const rows = await db
    .select({
      unitId: dashboardSettings.unitId,
      unitName: units.name,
      depth: sql<number>`length(${units.path})`,
      directWorkerGap: dashboardSettings.directWorkerGap,
      womenGap: dashboardSettings.womenGap,
      smallCollectiveGap: dashboardSettings.smallCollectiveGap,
      smallCollectiveSize: dashboardSettings.smallCollectiveSize,
      version: dashboardSettings.version,
    })
    .from(dashboardSettings)
    .innerJoin(units, eq(units.id, dashboardSettings.unitId))
    .where(inArray(dashboardSettings.unitId, pathIds.length ? pathIds : [unit.id]));
  const nearest = rows.sort((a, b) => Number(b.depth) - Number(a.depth))[0];
  const own = nearest?.unitId === unit.id;
  return {
    unitId: unit.id,
    directWorkerGap: nearest?.directWorkerGap ?? DEFAULT_SETTINGS.directWorkerGap,
    womenGap: nearest?.womenGap ?? DEFAULT_SETTINGS.womenGap,
    smallCollectiveGap: nearest?.smallCollectiveGap ?? DEFAULT_SETTINGS.smallCollectiveGap,
    smallCollectiveSize: nearest?.smallCollectiveSize ?? DEFAULT_SETTINGS.smallCollectiveSize,
    version: own && nearest ? nearest.version : 0,
    source: !nearest ? 'default' : own ? 'own' : 'inherited',
    sourceUnitName: nearest && !own ? nearest.unitName : null,
    canEdit,
  };
}

/** The unit's thresholds as the caller sees them (403 outside their scope). */
export async function getSettings(db: Database, caller: Caller, unitId: string) {
  const unit = await getDashboardUnit(db, caller, unitId);
  return settingsFor(db, unit, unit.canEdit);
}

const pick = (row: typeof dashboardSettings.$inferSelect) => ({
  unitId: row.unitId,
  directWorkerGap: row.directWorkerGap,
  womenGap: row.womenGap,
  smallCollectiveGap: row.smallCollectiveGap,
  smallCollectiveSize: row.smallCollectiveSize,
});

/**
 * Sets the unit's own thresholds at the version the form loaded (0 = it had none): creates or updates
 * its row, audited `dashboard_settings.update` in the same transaction; 409 when stale.
 */
export async function updateSettings(
  db: Database,
  caller: Caller,
  unitId: string,
  body: DashboardSettingsBody,
): Promise<void> {
  const unit = await getDashboardUnit(db, caller, unitId);
  if (!unit.canEdit) throw new AppError('OUT_OF_SCOPE');
  const { version, ...values } = body;
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(dashboardSettings)
      .where(eq(dashboardSettings.unitId, unitId))
      .for('update');
    let before: ReturnType<typeof pick> | null = null;
    let after: typeof dashboardSettings.$inferSelect | undefined;
    if (!existing) {
      if (version !== 0)
        throw new AppError('CONFLICT', 'Ngưỡng cảnh báo của đơn vị chưa từng được lưu; hãy tải lại trang.');
      [after] = await tx
        .insert(dashboardSettings)
        .values({ unitId, ...values, updatedBy: caller.actor.userId })
        .returning();
    } else {
      before = pick(existing);
      [after] = await tx
        .update(dashboardSettings)
        .set({ ...values, ...nextVersion(dashboardSettings, caller.actor) })
        .where(and(eq(dashboardSettings.id, existing.id), eq(dashboardSettings.version, version)))
        .returning();
    }
    if (!after) throw await staleVersionError(tx, dashboardSettings, existing?.id ?? '', SUBJECT);
    await recordAudit(tx, caller.actor, {
      action: 'dashboard_settings.update',
      entityType: 'dashboard_settings',
      entityId: after.id,
      before,
      after: { ...pick(after), version: after.version },
    });
  });
}
