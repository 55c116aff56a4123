import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
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
import type { Figures, TieBreakStep } from '#contracts/bloc-scoring.ts';
import type { Proposal, ProposalQuota } from '#contracts/bloc-scoring-meeting.ts';
import { blocs, councils, units } from '#server/modules/organisation/organisation.schema.ts';
import { timestamps, versioning } from '#server/platform/db/columns.ts';
import { users } from '#server/platform/db/platform.schema.ts';
import { storedFiles } from '#server/platform/files/files.schema.ts';

/**
 * A yearly scoring table (bảng tiêu chí chấm điểm) of a council, for one bloc or (bloc null) every
 * bloc of the council that year: draft → open (criteria locked, sheets created) → published (every
 * bloc's ranking published). The criteria tree is edited with the table and shares its version.
 */
export const scoringTables = pgTable(
  'scoring_tables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    blocId: uuid('bloc_id').references(() => blocs.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull().default('draft'),
    tieBreak: jsonb('tie_break').$type<TieBreakStep[]>().notNull().default([]),
    leadingCount: integer('leading_count').notNull().default(1),
    /** The quotas of the meetings' proposals (Cờ thi đua ≤ N or ≤ x % of the bloc's collectives, …). */
    quotas: jsonb('quotas').$type<ProposalQuota[]>().notNull().default([]),
    /** The report indicator a quantitative criterion draws its figure from: indicator code by criterion code. */
    indicatorLinks: jsonb('indicator_links').$type<Record<string, string>>().notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    index('scoring_tables_list_idx').on(table.year, table.id),
    index('scoring_tables_council_idx').on(table.councilId, table.year),
    index('scoring_tables_bloc_idx').on(table.blocId),
    check('scoring_tables_status_check', sql`${table.status} in ('draft', 'open', 'published')`),
    check('scoring_tables_leading_check', sql`${table.leadingCount} >= 1`),
  ],
);

/** One criterion of a table's tree: a group or a leaf of one kind, with its maximum and rule. */
export const scoringCriteria = pgTable(
  'scoring_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tableId: uuid('table_id')
      .notNull()
      .references(() => scoringTables.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => scoringCriteria.id),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    maxPoints: doublePrecision('max_points').notNull(),
    pointsPerItem: doublePrecision('points_per_item'),
    penaltyPerItem: doublePrecision('penalty_per_item'),
    minPoints: doublePrecision('min_points'),
    evidenceRequired: boolean('evidence_required').notNull().default(false),
    createdAt: timestamps.createdAt,
  },
  (table) => [
    uniqueIndex('scoring_criteria_code_key').on(table.tableId, table.code),
    index('scoring_criteria_table_idx').on(table.tableId, table.position),
    check(
      'scoring_criteria_kind_check',
      sql`${table.kind} in ('group', 'quantitative', 'qualitative', 'fixed', 'bonus_penalty')`,
    ),
  ],
);

/** A unit's target (chỉ tiêu giao) on a quantitative criterion. */
export const scoringTargets = pgTable(
  'scoring_targets',
  {
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => scoringCriteria.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    target: doublePrecision('target').notNull(),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.criterionId, table.unitId] }),
    index('scoring_targets_unit_idx').on(table.unitId),
    check('scoring_targets_positive_check', sql`${table.target} > 0`),
  ],
);

/** One member unit's sheet in a table for its bloc, with its review state. */
export const scoringSheets = pgTable(
  'scoring_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tableId: uuid('table_id')
      .notNull()
      .references(() => scoringTables.id),
    blocId: uuid('bloc_id')
      .notNull()
      .references(() => blocs.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status').notNull().default('self_assessment'),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    uniqueIndex('scoring_sheets_key').on(table.tableId, table.blocId, table.unitId),
    index('scoring_sheets_page_idx').on(table.tableId, table.blocId, table.id),
    index('scoring_sheets_unit_idx').on(table.unitId),
    check(
      'scoring_sheets_status_check',
      sql`${table.status} in ('self_assessment', 'submitted', 'reviewed', 'explained', 'final')`,
    ),
  ],
);

/** A sheet's entry for one leaf: the unit's figures, the figures in force after review, the explanation. */
export const scoringEntries = pgTable(
  'scoring_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sheetId: uuid('sheet_id')
      .notNull()
      .references(() => scoringSheets.id),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => scoringCriteria.id),
    selfFigures: jsonb('self_figures').$type<Figures>(),
    figures: jsonb('figures').$type<Figures>(),
    explanation: text('explanation').notNull().default(''),
    ...timestamps,
    ...versioning,
  },
  (table) => [uniqueIndex('scoring_entries_key').on(table.sheetId, table.criterionId)],
);

/** The append-only history of an entry: self, review 1, explanation, review 2, final — who, when, why. */
export const scoringEvents = pgTable(
  'scoring_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => scoringEntries.id),
    stage: text('stage').notNull(),
    figures: jsonb('figures').$type<Figures>(),
    score: doublePrecision('score'),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamps.createdAt,
  },
  (table) => [
    index('scoring_events_entry_idx').on(table.entryId, table.createdAt),
    check(
      'scoring_events_stage_check',
      sql`${table.stage} in ('self', 'review1', 'explanation', 'review2', 'final')`,
    ),
  ],
);

/** An evidence file (minh chứng) of an entry, in the file store. */
export const scoringEvidence = pgTable(
  'scoring_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => scoringEntries.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    fileName: text('file_name').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamps.createdAt,
  },
  (table) => [index('scoring_evidence_entry_idx').on(table.entryId)],
);

/** A bloc's published result in a table: the meeting's votes, note, attendance, proposals and next year's head and deputy; who published it and when. */
export const scoringPublications = pgTable(
  'scoring_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tableId: uuid('table_id')
      .notNull()
      .references(() => scoringTables.id),
    blocId: uuid('bloc_id')
      .notNull()
      .references(() => blocs.id),
    votes: jsonb('votes').$type<Record<string, number>>().notNull().default({}),
    note: text('note').notNull().default(''),
    /** The member units present at the meeting. */
    presentUnitIds: jsonb('present_unit_ids').$type<string[]>().notNull().default([]),
    /** The meeting's proposals: which unit for which award. */
    proposals: jsonb('proposals').$type<Proposal[]>().notNull().default([]),
    nextHeadUnitId: uuid('next_head_unit_id').references(() => units.id),
    nextDeputyUnitId: uuid('next_deputy_unit_id').references(() => units.id),
    /** Next year's bloc, once created from this result. */
    nextBlocId: uuid('next_bloc_id').references(() => blocs.id, { onDelete: 'set null' }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('scoring_publications_key').on(table.tableId, table.blocId)],
);

/** A unit's published place in its bloc: total, rank, whether it leads (read by the Cờ thi đua rule). */
export const scoringResults = pgTable(
  'scoring_results',
  {
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => scoringPublications.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    total: doublePrecision('total').notNull(),
    rank: integer('rank').notNull(),
    isLeading: boolean('is_leading').notNull(),
    decidedBy: jsonb('decided_by').$type<TieBreakStep | null>(),
  },
  (table) => [
    primaryKey({ columns: [table.publicationId, table.unitId] }),
    index('scoring_results_leading_idx').on(table.unitId, table.year).where(sql`${table.isLeading}`),
  ],
);
