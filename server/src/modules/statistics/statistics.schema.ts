import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from '#server/modules/organisation/organisation.schema.ts';
import { timestamps, versioning } from '#server/platform/db/columns.ts';

/**
 * A figure of a statutory form that the system cannot count (an officer types it): one per unit, form,
 * statistical year, row and column. A level's form sums the entries of its subtree.
 */
export const statisticsManualCells = pgTable(
  'statistics_manual_cells',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    formCode: text('form_code').notNull(),
    year: integer('year').notNull(),
    rowCode: text('row_code').notNull(),
    columnCode: text('column_code').notNull(),
    value: integer('value').notNull(),
    note: text('note'),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    uniqueIndex('statistics_manual_cells_key').on(
      table.unitId,
      table.formCode,
      table.year,
      table.rowCode,
      table.columnCode,
    ),
    index('statistics_manual_cells_form_idx').on(table.formCode, table.year),
    check('statistics_manual_cells_value', sql`${table.value} >= 0`),
  ],
);
