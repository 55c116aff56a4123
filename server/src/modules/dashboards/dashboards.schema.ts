import { sql } from 'drizzle-orm';
import { check, integer, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from '#server/modules/organisation/organisation.schema.ts';
import { timestamps, versioning } from '#server/platform/db/columns.ts';

/**
 * The fairness thresholds an office sets for a unit (at most one row per unit); units below without
 * their own row use the nearest unit above's. Points are percentage points.
 */
export const dashboardSettings = pgTable(
  'dashboard_settings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    directWorkerGap: integer('direct_worker_gap').notNull(),
    womenGap: integer('women_gap').notNull(),
    smallCollectiveGap: integer('small_collective_gap').notNull(),
    smallCollectiveSize: integer('small_collective_size').notNull(),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    uniqueIndex('dashboard_settings_unit_key').on(table.unitId),
    check(
      'dashboard_settings_ranges',
      sql`${table.directWorkerGap} between 0 and 100 and ${table.womenGap} between 0 and 100
        and ${table.smallCollectiveGap} between 0 and 100 and ${table.smallCollectiveSize} between 1 and 10000`,
    ),
  ],
);
