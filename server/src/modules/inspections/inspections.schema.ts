import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { InspectionItem } from '#contracts/inspections.ts';
import {
  councilMembers,
  councils,
  persons,
  units,
} from '#server/modules/organisation/organisation.schema.ts';
import { timestamps, versioning } from '#server/platform/db/columns.ts';
import { users } from '#server/platform/db/platform.schema.ts';
import { storedFiles } from '#server/platform/files/files.schema.ts';

/**
 * A council's yearly inspection plan (kế hoạch kiểm tra): its content items (what is checked and how
 * it is assessed) as JSON, dates, and its state draft → approved → done. Team and targets hang off it
 * and change its version, so a stale page sees 409 whichever part changed.
 */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    purpose: text('purpose').notNull().default(''),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    items: jsonb('items').$type<InspectionItem[]>().notNull().default([]),
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    index('inspection_plans_list_idx').on(table.year, table.id),
    index('inspection_plans_council_idx').on(table.councilId, table.year),
    check('inspection_plans_dates_check', sql`${table.endsOn} >= ${table.startsOn}`),
    check('inspection_plans_status_check', sql`${table.status} in ('draft', 'approved', 'done')`),
  ],
);

/** A member of the inspection team (đoàn kiểm tra): a person, their council seat if any, and a role. */
export const inspectionTeamMembers = pgTable(
  'inspection_team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlans.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    councilMemberId: uuid('council_member_id').references(() => councilMembers.id),
    role: text('role').notNull(),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('inspection_team_members_key').on(table.planId, table.personId),
    index('inspection_team_members_person_idx').on(table.personId),
  ],
);

/** A unit the plan inspects, on a day, with the conclusion and recommendations of the notice. */
export const inspectionTargets = pgTable(
  'inspection_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlans.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    inspectOn: date('inspect_on').notNull(),
    conclusion: text('conclusion').notNull().default(''),
    recommendations: text('recommendations').notNull().default(''),
    /** The conclusion notice's register (council, year) and sequence, taken once when issued. */
    noticeCouncilId: uuid('notice_council_id').references(() => councils.id),
    noticeYear: integer('notice_year'),
    noticeSequence: integer('notice_sequence'),
    /** "12/TB-HĐTĐKT", taken at issue; its date is the day of issue. */
    noticeNumber: text('notice_number'),
    noticeDate: date('notice_date'),
    noticeIssuedBy: uuid('notice_issued_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    uniqueIndex('inspection_targets_key').on(table.planId, table.unitId),
    uniqueIndex('inspection_targets_notice_key').on(
      table.noticeCouncilId,
      table.noticeYear,
      table.noticeSequence,
    ),
    index('inspection_targets_page_idx').on(table.planId, table.inspectOn, table.id),
    index('inspection_targets_unit_idx').on(table.unitId),
  ],
);

/** The finding of one content item at one target: text, and a score or a rating when the plan asks. */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => inspectionTargets.id),
    itemId: text('item_id').notNull(),
    text: text('text').notNull(),
    score: real('score'),
    rating: text('rating'),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('inspection_findings_key').on(table.targetId, table.itemId),
    check('inspection_findings_score_check', sql`${table.score} is null or ${table.score} >= 0`),
  ],
);

/** What the inspected unit must fix by a deadline, and the progress it reports (with evidence). */
export const inspectionRemedies = pgTable(
  'inspection_remedies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => inspectionTargets.id),
    text: text('text').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull().default('not_started'),
    note: text('note'),
    evidenceFileId: uuid('evidence_file_id').references(() => storedFiles.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportedBy: uuid('reported_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    index('inspection_remedies_target_idx').on(table.targetId, table.dueOn, table.id),
    index('inspection_remedies_open_idx').on(table.status, table.dueOn),
    check('inspection_remedies_status_check', sql`${table.status} in ('not_started', 'in_progress', 'done')`),
  ],
);

/**
 * The conclusion notice register of a council for a year: the last number taken. Issuing takes the
 * next one with `INSERT … ON CONFLICT DO UPDATE … RETURNING` in the issuing transaction, so two
 * officers issuing at once queue on this row and never share a number; numbers are never reused.
 */
export const inspectionNoticeCounters = pgTable(
  'inspection_notice_counters',
  {
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
    ...timestamps,
  },
  (table) => [primaryKey({ columns: [table.councilId, table.year] })],
);

/**
 * A deadline reminder of a remedy sent to the inspected unit: `due_soon` before the deadline,
 * `overdue` after it; one row per remedy, kind and deadline, so a rerun or a restart never sends it
 * twice, and a moved deadline is reminded afresh.
 */
export const inspectionRemedyReminders = pgTable(
  'inspection_remedy_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    remedyId: uuid('remedy_id')
      .notNull()
      .references(() => inspectionRemedies.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    dueOn: date('due_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('inspection_remedy_reminders_key').on(table.remedyId, table.kind, table.dueOn),
    check('inspection_remedy_reminders_kind_check', sql`${table.kind} in ('due_soon', 'overdue')`),
  ],
);
