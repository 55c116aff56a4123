import { eq } from 'drizzle-orm';
import { updateSettings } from '#server/modules/dashboards/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { dashboardSettings, units } from '#server/platform/db/schema.ts';
import { demoCaller } from './demo-callers.ts';

/**
 * The fairness thresholds Lai Châu's office set (through the service as demo.officer, audited): a
 * strict 2 points for women (NĐ 152 favours them in ties), 10 for direct workers and small
 * collectives, a small collective being 15 people or fewer. Skipped once the province has its own.
 */
export async function seedDemoDashboards(db: Database): Promise<void> {
  const [province] = await db.select({ id: units.id }).from(units).where(eq(units.code, 'LCI'));
  const officer = await demoCaller(db, 'demo.officer');
  if (!province || !officer) return;
  const [existing] = await db
    .select({ id: dashboardSettings.id })
    .from(dashboardSettings)
    .where(eq(dashboardSettings.unitId, province.id));
  if (existing) return;
  await updateSettings(db, officer, province.id, {
    directWorkerGap: 10,
    womenGap: 2,
    smallCollectiveGap: 10,
    smallCollectiveSize: 15,
    version: 0,
  });
}
