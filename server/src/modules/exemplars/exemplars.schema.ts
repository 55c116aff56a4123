import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { awardsReceived } from '#server/modules/awards/awards.schema.ts';
import { movements } from '#server/modules/movements/movements.schema.ts';
import { persons, units } from '#server/modules/organisation/organisation.schema.ts';
import { timestamps, versioning } from '#server/platform/db/columns.ts';
import { users } from '#server/platform/db/platform.schema.ts';
import { storedFiles } from '#server/platform/files/files.schema.ts';

/**
 * An exemplary model (điển hình tiên tiến, gương người tốt việc tốt, mô hình hay, cách làm mới): a
 * person, a collective or a model proposed by a unit, confirmed by the level above, carried through
 * its four stages, and published for the portal when chosen. `search_terms` (diacritic-free word
 * prefixes of the title and the subject's name) is kept by a trigger.
 */
export const exemplars = pgTable(
  'exemplars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    subjectUnitId: uuid('subject_unit_id').references(() => units.id),
    movementId: uuid('movement_id').references(() => movements.id),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    subjectName: text('subject_name'),
    stage: text('stage').notNull().default('discover'),
    status: text('status').notNull().default('proposed'),
    returnReason: text('return_reason'),
    discoveredOn: date('discovered_on').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    isPublished: boolean('is_published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    searchTerms: text('search_terms').array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    index('exemplars_list_idx').on(table.discoveredOn, table.id),
    index('exemplars_unit_idx').on(table.unitId, table.discoveredOn, table.id),
    index('exemplars_movement_idx').on(table.movementId, table.discoveredOn, table.id),
    index('exemplars_pending_idx').on(table.unitId, table.createdAt).where(sql`${table.status} = 'proposed'`),
    index('exemplars_published_idx').on(table.publishedAt, table.id).where(sql`${table.isPublished}`),
    index('exemplars_search_terms_idx').using('gin', table.searchTerms),
    check(
      'exemplars_kind_check',
      sql`${table.kind} in ('advanced', 'good_deed', 'good_model', 'new_practice')`,
    ),
    check('exemplars_subject_check', sql`${table.subject} in ('person', 'collective', 'model')`),
    check('exemplars_stage_check', sql`${table.stage} in ('discover', 'nurture', 'sum_up', 'replicate')`),
    check('exemplars_status_check', sql`${table.status} in ('proposed', 'confirmed', 'returned')`),
    check(
      'exemplars_subject_ref_check',
      sql`(${table.subject} = 'person') = (${table.personId} is not null)
        and (${table.subject} = 'collective') = (${table.subjectUnitId} is not null)`,
    ),
    check('exemplars_published_check', sql`not ${table.isPublished} or ${table.status} = 'confirmed'`),
  ],
);

/** A move of an exemplar into a stage (the first row is its discovery), with its day and note. */
export const exemplarStageMoves = pgTable(
  'exemplar_stage_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    exemplarId: uuid('exemplar_id')
      .notNull()
      .references(() => exemplars.id),
    stage: text('stage').notNull(),
    movedOn: date('moved_on').notNull(),
    note: text('note').notNull().default(''),
    movedBy: uuid('moved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('exemplar_stage_moves_key').on(table.exemplarId, table.stage)],
);

/** A photo or document of an exemplar; the bytes are in the file store. */
export const exemplarFiles = pgTable(
  'exemplar_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    exemplarId: uuid('exemplar_id')
      .notNull()
      .references(() => exemplars.id),
    kind: text('kind').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [
    index('exemplar_files_list_idx').on(table.exemplarId, table.createdAt, table.id),
    index('exemplar_files_file_idx').on(table.fileId),
    check('exemplar_files_kind_check', sql`${table.kind} in ('photo', 'document')`),
  ],
);

/** A unit that replicated (nhân rộng) the example, on a day. */
export const exemplarReplications = pgTable(
  'exemplar_replications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    exemplarId: uuid('exemplar_id')
      .notNull()
      .references(() => exemplars.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    replicatedOn: date('replicated_on').notNull(),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('exemplar_replications_key').on(table.exemplarId, table.unitId),
    index('exemplar_replications_unit_idx').on(table.unitId),
  ],
);

/** An award record (lịch sử khen thưởng, e.g. a decision's recipient) the example led to. */
export const exemplarAwards = pgTable(
  'exemplar_awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    exemplarId: uuid('exemplar_id')
      .notNull()
      .references(() => exemplars.id),
    awardReceivedId: uuid('award_received_id')
      .notNull()
      .references(() => awardsReceived.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('exemplar_awards_key').on(table.exemplarId, table.awardReceivedId),
    index('exemplar_awards_award_idx').on(table.awardReceivedId),
  ],
);
