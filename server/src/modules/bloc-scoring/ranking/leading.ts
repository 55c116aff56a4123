import { sql } from 'drizzle-orm';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import type { Executor } from '#server/platform/db/client.ts';

/** The units among `unitIds` that lead a bloc in `year` by a published ranking (one indexed query). */
export async function leadingUnitIds(
  db: Executor,
  unitIds: readonly string[],
  year: number,
): Promise<Set<string>> {
  if (!unitIds.length) return new Set();
  const rows = await selectRows<{ unitId: string }>(
    db,
    sql`select distinct unit_id as "unitId" from scoring_results
      where is_leading and year = ${year} and unit_id = any(${`{${unitIds.join(',')}}`}::uuid[])`,
  );
  return new Set(rows.map((row) => row.unitId));
}
