import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  date,
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
import type { ReportFigures, ReportIndicator, ReportSection, ReportTexts } from '#contracts/reports.ts';
import { movements } from '#server/modules/movements/movements.schema.ts';
import { units } from '#server/modules/organisation/organisation.schema.ts';
import { timestamps, versioning } from '#server/platform/db/columns.ts';
import { users } from '#server/platform/db/platform.schema.ts';

/** Reusable report templates (mẫu báo cáo) of a unit: narrative sections and numeric indicators. */
export const reportTemplates = pgTable(
  'report_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    /** The movement whose plan the sections were built from, if any. */
    movementId: uuid('movement_id').references(() => movements.id, { onDelete: 'set null' }),
    sections: jsonb('sections').$type<ReportSection[]>().notNull(),
    indicators: jsonb('indicators').$type<ReportIndicator[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioning,
  },
  (table) => [index('report_templates_owner_idx').on(table.ownerUnitId, table.name, table.id)],
);

/**
 * A request (yêu cầu báo cáo) of a unit to the units below it, with the template copied in so a later
 * edit of the template changes no running request. `parent_request_id` links a cascaded request.
 */
export const reportRequests = pgTable(
  'report_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    parentRequestId: uuid('parent_request_id').references((): AnyPgColumn => reportRequests.id),
    movementId: uuid('movement_id').references(() => movements.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    dueOn: date('due_on').notNull(),
    templateId: uuid('template_id').references(() => reportTemplates.id, { onDelete: 'set null' }),
    sections: jsonb('sections').$type<ReportSection[]>().notNull(),
    indicators: jsonb('indicators').$type<ReportIndicator[]>().notNull(),
    /** Who was asked: 'children' or the unit kinds chosen, as given. */
    targets: jsonb('targets').$type<{ mode: string; kinds?: string[] }>().notNull(),
    /** How many units were asked (counted when the request was made). */
    targetCount: integer('target_count'),
    /**
     * The job sending a large request (its reports are created in batches by `reports.send_request`);
     * null when the reports were created with the request. A plain id: jobs are pruned on their own.
     */
    sendJobId: uuid('send_job_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    index('report_requests_unit_idx').on(table.unitId, table.dueOn, table.id),
    index('report_requests_parent_idx').on(table.parentRequestId),
  ],
);

/**
 * One unit's report for a request. `bucket` (pending / on_time / late) is derived from the status and
 * the first submission day, and counted per request by triggers into report_counts.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => reportRequests.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status').notNull().default('draft'),
    texts: jsonb('texts').$type<ReportTexts>().notNull().default({}),
    figures: jsonb('figures').$type<ReportFigures>().notNull().default({}),
    /** Copied from the request so the bucket is a function of the row alone. */
    dueOn: date('due_on').notNull(),
    firstSubmittedOn: date('first_submitted_on'),
    bucket: text('bucket')
      .notNull()
      .generatedAlwaysAs(
        sql`case when status in ('submitted', 'accepted') then case when first_submitted_on <= due_on then 'on_time' else 'late' end else 'pending' end`,
      ),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    returnReason: text('return_reason'),
    /** Number, date and signer of the exported báo cáo (NĐ 30). */
    documentNumber: text('document_number'),
    documentDate: date('document_date'),
    signerName: text('signer_name'),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    uniqueIndex('reports_request_unit_key').on(table.requestId, table.unitId),
    index('reports_request_bucket_idx').on(table.requestId, table.bucket),
    // A unit's reports by deadline: the supervised list reads a page of each supervised unit's reports from it.
    index('reports_unit_due_idx').on(table.unitId, table.dueOn, table.id),
  ],
);

/** The reports a consolidated report was built from (kept when it is sent upward). */
export const reportSources = pgTable(
  'report_sources',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    sourceReportId: uuid('source_report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.reportId, table.sourceReportId] })],
);

/** Files attached to a report, stored through the file store. */
export const reportFiles = pgTable(
  'report_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id').notNull(),
    fileName: text('file_name').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [index('report_files_report_idx').on(table.reportId)],
);

/**
 * Reports of a request per bucket, kept by statement triggers on reports (migration reports) in the
 * transaction that changes them, so a national request's dashboard reads three rows. Derived data.
 */
export const reportCounts = pgTable(
  'report_counts',
  {
    requestId: uuid('request_id').notNull(),
    bucket: text('bucket').notNull(),
    n: integer('n').notNull(),
  },
  (table) => [primaryKey({ columns: [table.requestId, table.bucket] })],
);

/** Reminders sent for a report, once per report and kind (before / after the deadline). */
export const reportReminders = pgTable(
  'report_reminders',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.reportId, table.kind] })],
);
