import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { movements } from '#server/modules/movements/movements.schema.ts';
import { persons, units } from '#server/modules/organisation/organisation.schema.ts';
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

/**
 * A nomination (tờ trình): a proposing unit's list of nominees sent to a round's receiving level.
 * `decider_tier` is the level that decides every award of it (one tờ trình never mixes deciders);
 * `return_due` is the last day the receiving level may return it (5 working days after submission).
 */
export const nominations = pgTable(
  'nominations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => awardRounds.id),
    proposingUnitId: uuid('proposing_unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    deciderTier: text('decider_tier').notNull(),
    status: text('status').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    returnDue: date('return_due'),
    returnReason: text('return_reason'),
    /** The dossier holds state-secret content (mật): never exported to the national system. */
    secret: boolean('secret').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    index('nominations_round_idx').on(table.roundId, table.createdAt, table.id),
    index('nominations_unit_idx').on(table.proposingUnitId),
    index('nominations_status_idx').on(table.status),
  ],
);

/**
 * A nominee of a nomination: a person, a collective (unit) or a household, with the proposed award,
 * reward type, achievement period and summary. Its status follows the tờ trình until the decision;
 * `decision_id` names the decision (decisions module) that decided or declined it;
 * `source_nominee_id` names the lower level's nominee it was consolidated from (at most one copy each).
 */
export const nominees = pgTable(
  'nominees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id),
    subject: text('subject').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    unitId: uuid('unit_id').references(() => units.id),
    householdName: text('household_name'),
    awardCode: text('award_code').notNull(),
    rewardType: text('reward_type').notNull(),
    periodFrom: integer('period_from').notNull(),
    periodTo: integer('period_to').notNull(),
    achievements: text('achievements').notNull().default(''),
    position: integer('position').notNull().default(0),
    status: text('status').notNull().default('draft'),
    decisionId: uuid('decision_id'),
    sourceNomineeId: uuid('source_nominee_id').references((): AnyPgColumn => nominees.id),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    index('nominees_nomination_idx').on(table.nominationId, table.position, table.id),
    index('nominees_person_idx').on(table.personId),
    index('nominees_unit_idx').on(table.unitId),
    uniqueIndex('nominees_source_key').on(table.sourceNomineeId),
    check(
      'nominees_subject_check',
      sql`(${table.subject} = 'individual' and ${table.personId} is not null and ${table.unitId} is null and ${table.householdName} is null)
        or (${table.subject} = 'collective' and ${table.unitId} is not null and ${table.personId} is null and ${table.householdName} is null)
        or (${table.subject} = 'household' and ${table.householdName} is not null and ${table.personId} is null and ${table.unitId} is null)`,
    ),
    check('nominees_period_check', sql`${table.periodFrom} <= ${table.periodTo}`),
  ],
);

/**
 * A lower unit's own deadline in a round (hạn riêng cho từng cấp dưới), set by the receiving level;
 * a lower unit without one keeps the round's deadline.
 */
export const roundUnitDeadlines = pgTable(
  'round_unit_deadlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => awardRounds.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    deadline: date('deadline').notNull(),
    ...timestamps,
    ...versioning,
  },
  (table) => [uniqueIndex('round_unit_deadlines_key').on(table.roundId, table.unitId)],
);

/**
 * A deadline reminder sent to a lower unit of a round: `due_soon` before the deadline, `overdue`
 * after it; one row per round, unit, kind and deadline, so a rerun or a restart never sends it twice.
 */
export const roundReminders = pgTable(
  'round_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => awardRounds.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    deadline: date('deadline').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('round_reminders_key').on(table.roundId, table.unitId, table.kind, table.deadline)],
);
