import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { persons, units } from '#server/modules/organisation/organisation.schema.ts';
import { timestamps, versioning } from '#server/platform/db/columns.ts';

/**
 * Awards records. Rows never cascade away with a person or a unit: deleting one is refused while
 * it has records (the organisation module never deletes people or units today).
 */

/** A person's yearly rating (xếp loại chất lượng): one per person and year. */
export const personRatings = pgTable(
  'award_person_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    year: integer('year').notNull(),
    rating: text('rating').notNull(),
    score: doublePrecision('score'),
    source: text('source').notNull().default('manual'),
    /** The person's unit, kept by a trigger (lists of a subtree read a unit's records together). */
    personUnitId: uuid('person_unit_id'),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    uniqueIndex('award_person_ratings_key').on(table.personId, table.year),
    // Covering (person and rating after the key): a province's candidates read ~75,000 ratings of a
    // year from the index alone instead of one heap page each.
    index('award_person_ratings_unit_year_idx').on(
      table.personUnitId,
      table.year,
      table.personId,
      table.rating,
    ),
  ],
);

/** A unit's yearly rating (xếp loại tập thể): one per unit and year. */
export const unitRatings = pgTable(
  'award_unit_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    rating: text('rating').notNull(),
    score: doublePrecision('score'),
    source: text('source').notNull().default('manual'),
    ...timestamps,
    ...versioning,
  },
  (table) => [uniqueIndex('award_unit_ratings_key').on(table.unitId, table.year)],
);

/** A discipline decision against a person (or one still pending), over a period. */
export const personDisciplines = pgTable(
  'award_person_disciplines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    level: text('level').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    /** Still being considered (NĐ 152/2025 Điều 4 khoản 4): blocks rewards until decided. */
    pending: boolean('pending').notNull().default(false),
    decisionNumber: text('decision_number'),
    note: text('note'),
    ...timestamps,
    ...versioning,
  },
  (table) => [index('award_person_disciplines_person_idx').on(table.personId)],
);

/**
 * A title or commendation received by a person, a unit or a household (exactly one), for a year of
 * achievement, including those decided before the system existed. A household (hộ gia đình, Điều 20
 * khoản 2) has no row of its own: it is recorded by its name as the decision prints it ("Hộ ông
 * Nguyễn Văn A, thôn Nà Khum") and the unit (commune) it lives in, which decides who may read it.
 */
export const awardsReceived = pgTable(
  'award_received',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').references(() => persons.id),
    unitId: uuid('unit_id').references(() => units.id),
    householdName: text('household_name'),
    householdUnitId: uuid('household_unit_id').references(() => units.id),
    awardCode: text('award_code').notNull(),
    year: integer('year').notNull(),
    rewardType: text('reward_type').notNull().default('thuong_xuyen'),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    /** Who decided, as written on the decision (e.g. "Chủ tịch UBND tỉnh Lai Châu"). */
    decider: text('decider'),
    /** The person's unit for a person's record, kept by a trigger (null for a unit's record). */
    personUnitId: uuid('person_unit_id'),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    check(
      'award_received_one_subject',
      sql`num_nonnulls(${table.personId}, ${table.unitId}, ${table.householdName}) = 1`,
    ),
    check(
      'award_received_household_unit',
      sql`(${table.householdName} is null) = (${table.householdUnitId} is null)`,
    ),
    uniqueIndex('award_received_person_key').on(
      table.personId,
      table.awardCode,
      table.year,
      table.rewardType,
    ),
    uniqueIndex('award_received_unit_key').on(table.unitId, table.awardCode, table.year, table.rewardType),
    uniqueIndex('award_received_household_key').on(
      table.householdUnitId,
      table.householdName,
      table.awardCode,
      table.year,
      table.rewardType,
    ),
    // Covering, like the ratings' index: what a candidates list reads of a unit's titles and awards.
    index('award_received_person_unit_year_idx').on(
      table.personUnitId,
      table.year,
      table.awardCode,
      table.personId,
      table.rewardType,
    ),
    // The statutory statistics read a subtree's records of a statistical year: by the subject's unit
    // (the unit, the person's unit or the household's commune, as statistics/figures.ts joins it).
    index('award_received_subject_unit_date_idx').on(
      sql`coalesce(${table.unitId}, ${table.personUnitId}, ${table.householdUnitId})`,
      table.decisionDate,
    ),
  ],
);

/** An initiative (sáng kiến, đề tài) of a person, recognised at a scope; it may found one award only. */
export const initiatives = pgTable(
  'award_initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    name: text('name').notNull(),
    scope: text('scope').notNull(),
    year: integer('year').notNull(),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    usedForAward: text('used_for_award'),
    usedForYear: integer('used_for_year'),
    /** The person's unit, kept by a trigger (lists of a subtree read a unit's records together). */
    personUnitId: uuid('person_unit_id'),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    index('award_initiatives_person_idx').on(table.personId, table.year),
    index('award_initiatives_unit_year_idx').on(table.personUnitId, table.year),
  ],
);

/** The position class a person counts in on the statistics forms (one row per person). */
export const personPositionClasses = pgTable('award_person_position_classes', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => persons.id),
  positionClass: text('position_class').notNull(),
  ...timestamps,
  ...versioning,
});

/** An administrator's replacement of a shipped rule (one per rule set, award and subject). */
export const ruleOverrides = pgTable(
  'award_rule_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleSet: text('rule_set').notNull(),
    awardCode: text('award_code').notNull(),
    subject: text('subject').notNull(),
    rule: jsonb('rule').notNull(),
    notes: jsonb('notes'),
    reason: text('reason').notNull(),
    ...timestamps,
    ...versioning,
  },
  (table) => [uniqueIndex('award_rule_overrides_key').on(table.ruleSet, table.awardCode, table.subject)],
);

/** Base salary changes an administrator added after the shipped list (lương cơ sở from a date). */
export const baseSalaries = pgTable(
  'award_base_salaries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromDate: date('from_date').notNull(),
    amount: integer('amount').notNull(),
    article: text('article').notNull(),
    ...timestamps,
    ...versioning,
  },
  (table) => [uniqueIndex('award_base_salaries_key').on(table.fromDate)],
);
