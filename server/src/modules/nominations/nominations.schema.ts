import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { movements } from '#server/modules/movements/movements.schema.ts';
import { units } from '#server/modules/organisation/organisation.schema.ts';
import { timestamps, versioning } from '#server/platform/db/columns.ts';
import { users } from '#server/platform/db/platform.schema.ts';

/**
 * The holiday table of working-day counts: days off (lễ, Tết, nghỉ bù; kind `holiday`) and weekend
 * days worked instead (làm bù; kind `working_day`), one row per date; seeded with the public
 * holidays of 2019–2035 and edited by an administrator.
 */
export const publicHolidays = pgTable(
  'public_holidays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    date: date('date').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('holiday'),
    ...timestamps,
    ...versioning,
  },
  (table) => [uniqueIndex('public_holidays_date_key').on(table.date)],
);

/**
 * A round of commendation (đợt khen thưởng): annual, sơ kết, tổng kết, đột xuất or chuyên đề, run
 * by a receiving (deciding) unit, optionally for a movement; lower units send their nominations
 * before `deadline`.
 */
export const awardRounds = pgTable(
  'award_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    receivingUnitId: uuid('receiving_unit_id')
      .notNull()
      .references(() => units.id),
    movementId: uuid('movement_id').references(() => movements.id),
    deadline: date('deadline'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    // The list's keyset order: newest year first, then title and id.
    index('award_rounds_list_idx').on(sql`(-${table.year})`, table.title, table.id),
    index('award_rounds_unit_idx').on(table.receivingUnitId),
    index('award_rounds_movement_idx').on(table.movementId),
  ],
);
