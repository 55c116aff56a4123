import type { FairnessDashboard } from '#contracts/dashboards.ts';
import type { Database } from '#server/platform/db/client.ts';
import { type Caller, getDashboardUnit } from '../dashboards.policy.ts';
import { settingsFor } from '../settings/settings.service.ts';
import { readFairnessCounts } from './fairness.repo.ts';
import { fairnessNotes, fairnessRows } from './fairness-rules.ts';

/** The fairness of the year's awards in the unit's subtree, with the thresholds in force and the notes. */
export async function getFairness(
  db: Database,
  caller: Caller,
  unitId: string,
  year: number,
): Promise<FairnessDashboard> {
  const unit = await getDashboardUnit(db, caller, unitId);
  const settings = await settingsFor(db, unit, unit.canEdit);
  const counts = await readFairnessCounts(db, unit.path, year, settings.smallCollectiveSize);
  const rows = fairnessRows(counts, settings);
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    settings,
    rows,
    unknownSizeCollectiveAwards: counts.collectiveAwardsUnknown,
    notes: fairnessNotes(rows, settings.smallCollectiveSize),
  };
}
