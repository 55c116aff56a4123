import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { awardsReceived } from '#server/modules/awards/awards.schema.ts';
import { nominees } from '#server/modules/nominations/nominations.schema.ts';
import { persons, units } from '#server/modules/organisation/organisation.schema.ts';
import { timestamps, versioning } from '#server/platform/db/columns.ts';

/**
 * The decision number register of an issuing unit for a year: the last number taken. Issuing takes
 * the next one with `INSERT … ON CONFLICT DO UPDATE … RETURNING` in the issuing transaction, so two
 * officers issuing at once queue on this row, and a rolled-back issue gives its number back.
 */
export const decisionCounters = pgTable(
  'decision_counters',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
    ...timestamps,
  },
  (table) => [primaryKey({ columns: [table.unitId, table.year] })],
);

/** A commendation decision (quyết định khen thưởng): draft → issued → revoked. */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status').notNull().default('draft'),
    decisionDate: date('decision_date').notNull(),
    /** The register's year (of the decision date) and sequence for the unit, taken at issue. */
    registerYear: integer('register_year'),
    sequence: integer('sequence'),
    /** "123/QĐ-UBND", taken at issue. */
    number: text('number'),
    title: text('title').notNull(),
    /** Authority line under the summary ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"). */
    authority: text('authority').notNull(),
    /** Who decided, as the award records name it ("Chủ tịch UBND tỉnh Lai Châu"). */
    decider: text('decider').notNull(),
    signerName: text('signer_name').notNull(),
    /** Signature title ("CHỦ TỊCH", or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"). */
    signerTitle: text('signer_title').notNull(),
    place: text('place'),
    /** Legal basis paragraphs ("Căn cứ …"), in order. */
    legalBasis: jsonb('legal_basis').$type<string[]>().notNull().default([]),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    revokeReason: text('revoke_reason'),
    /** Set while an issued decision is published on the public portal (cleared on withdrawal and revocation). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    check('decisions_status', sql`${table.status} in ('draft', 'issued', 'revoked')`),
    uniqueIndex('decisions_number_key').on(table.unitId, table.registerYear, table.sequence),
    index('decisions_unit_list_idx').on(table.unitId, table.decisionDate, table.id),
    index('decisions_list_idx').on(table.decisionDate, table.id),
    index('decisions_published_idx')
      .on(table.publishedAt, table.id)
      .where(sql`${table.publishedAt} is not null`),
    check('decisions_published_check', sql`${table.publishedAt} is null or ${table.status} = 'issued'`),
  ],
);

/**
 * A person, a unit or a household (exactly one) a decision rewards, with the award and its cash; a
 * household by its name and the unit it lives in (as on the award record).
 */
export const decisionRecipients = pgTable(
  'decision_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id),
    position: integer('position').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    unitId: uuid('unit_id').references(() => units.id),
    householdName: text('household_name'),
    householdUnitId: uuid('household_unit_id').references(() => units.id),
    awardCode: text('award_code').notNull(),
    rewardType: text('reward_type').notNull().default('thuong_xuyen'),
    year: integer('year').notNull(),
    /** Achievement printed on the certificate ("Đã có thành tích xuất sắc …"). */
    achievement: text('achievement'),
    /** The nominee of a tờ trình this recipient came from; a nominee is on one decision at most. */
    nomineeId: uuid('nominee_id').references(() => nominees.id),
    /** Cash fixed at issue: multiple × base salary in force on the decision date. */
    cashMultiple: doublePrecision('cash_multiple'),
    cashAmount: bigint('cash_amount', { mode: 'number' }),
    /** The award record the issue wrote (removed again by a revocation). */
    awardReceivedId: uuid('award_received_id').references(() => awardsReceived.id),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    check(
      'decision_recipients_one_subject',
      sql`num_nonnulls(${table.personId}, ${table.unitId}, ${table.householdName}) = 1`,
    ),
    check(
      'decision_recipients_household_unit',
      sql`(${table.householdName} is null) = (${table.householdUnitId} is null)`,
    ),
    uniqueIndex('decision_recipients_position_key').on(table.decisionId, table.position),
    uniqueIndex('decision_recipients_person_key').on(table.decisionId, table.personId, table.awardCode),
    uniqueIndex('decision_recipients_unit_key').on(table.decisionId, table.unitId, table.awardCode),
    uniqueIndex('decision_recipients_household_key').on(
      table.decisionId,
      table.householdUnitId,
      table.householdName,
      table.awardCode,
    ),
    index('decision_recipients_person_idx').on(table.personId),
    index('decision_recipients_unit_idx').on(table.unitId),
    uniqueIndex('decision_recipients_nominee_key')
      .on(table.nomineeId)
      .where(sql`${table.nomineeId} is not null`),
  ],
);

/**
 * One line of a unit's reward fund (quỹ thi đua, khen thưởng) for a year: income, a payout to a
 * recipient of a decision (never twice: one per recipient), or other spending.
 */
export const fundEntries = pgTable(
  'fund_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    category: text('category').notNull(),
    entryDate: date('entry_date').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    description: text('description').notNull(),
    decisionId: uuid('decision_id').references(() => decisions.id),
    recipientId: uuid('recipient_id').references(() => decisionRecipients.id),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    check('fund_entries_kind', sql`${table.kind} in ('income', 'payout', 'spending')`),
    check('fund_entries_amount', sql`${table.amount} > 0`),
    check('fund_entries_payout', sql`(${table.kind} = 'payout') = (${table.recipientId} is not null)`),
    uniqueIndex('fund_entries_recipient_key').on(table.recipientId),
    index('fund_entries_ledger_idx').on(table.unitId, table.year, table.entryDate, table.id),
  ],
);
