import type { Database } from '../../platform/db/client.ts';
import { ensureDemoAccounts } from './demo-accounts.ts';
import { ensureDemoUnits } from './demo-units.ts';

export { demoAccounts } from './demo-accounts.ts';

/** Fills an embedded database with demo data on first start; returns the account lines to print, if new. */
export async function seedDemo(
  db: Database,
  options: { dataDir: string; fixedPassword?: string | undefined },
): Promise<string[] | null> {
  const unitIdByCode = await ensureDemoUnits(db);
  return ensureDemoAccounts(db, { ...options, unitIdByCode });
}
