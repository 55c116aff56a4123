import type { Database } from '#server/platform/db/client.ts';
import { ensureDemoAccounts } from './demo-accounts.ts';
import { ensureDemoAwards } from './demo-awards.ts';
import { seedDemoBlocScoring } from './demo-bloc-scoring.ts';
import { seedDemoCurrentMovement } from './demo-current-movement.ts';
import { seedDemoDashboards } from './demo-dashboards.ts';
import { seedDemoExemplars } from './demo-exemplars.ts';
import { seedDemoInspections } from './demo-inspections.ts';
import { seedDemoMovements } from './demo-movements.ts';
import { seedDemoRound } from './demo-nominations.ts';
import { ensureDemoBlocYears, ensureDemoCouncil } from './demo-organisation.ts';
import { ensureDemoPeople } from './demo-people.ts';
import { ensureDemoProvinceAwards } from './demo-province-awards.ts';
import { seedDemoPublication } from './demo-publication.ts';
import { seedDemoReports } from './demo-reports.ts';
import { seedDemoRewardFlow } from './demo-reward-flow.ts';
import { ensureDemoUnits } from './demo-units.ts';

export { demoAccounts } from './demo-accounts.ts';
export { featuredDemoPeople } from './demo-awards.ts';

/**
 * Fills an embedded database with demo data on first start (units, accounts, people, the provincial
 * council and its blocs up to the current year, the 2019–2025 movement and a live one dated from today, the 2025 tổng kết round from
 * the tờ trình to the payout, the 2024 scoring of the district cluster published, Lai Châu's fairness thresholds;
 * a decision, the movement and exemplars on the public portal);
 * each step skips what already exists. Returns the account lines to print, if new.
 */
export async function seedDemo(
  db: Database,
  options: { dataDir: string; fixedPassword?: string | undefined },
): Promise<string[] | null> {
  const unitIdByCode = await ensureDemoUnits(db);
  const lines = await ensureDemoAccounts(db, { ...options, unitIdByCode });
  const headOf = await ensureDemoPeople(db, unitIdByCode);
  await ensureDemoCouncil(db, unitIdByCode, headOf);
  await ensureDemoBlocYears(db, unitIdByCode);
  await ensureDemoAwards(db);
  await ensureDemoProvinceAwards(db);
  await seedDemoMovements(db);
  await seedDemoReports(db);
  const today = new Date().toISOString().slice(0, 10);
  await seedDemoCurrentMovement(db, today);
  const round = await seedDemoRound(db, today);
  if (round) await seedDemoRewardFlow(db, round, today);
  await seedDemoInspections(db);
  await seedDemoExemplars(db);
  await seedDemoBlocScoring(db);
  await seedDemoDashboards(db);
  await seedDemoPublication(db);
  return lines;
}
