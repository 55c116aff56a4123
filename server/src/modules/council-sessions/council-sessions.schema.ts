import { sql } from 'drizzle-orm';
import {
  check,
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
import { nominees } from '#server/modules/nominations/nominations.schema.ts';
import { councilMembers, councils } from '#server/modules/organisation/organisation.schema.ts';
import { timestamps, versioning } from '#server/platform/db/columns.ts';
import { users } from '#server/platform/db/platform.schema.ts';

/**
 * A session of a council (phiên họp Hội đồng TĐKT): date, place, closing time of the ballot, chair
 * and secretary (members of the council). Open until the chair closes it or `closes_at` passes.
 */
export const councilSessions = pgTable(
  'council_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    title: text('title').notNull(),
    meetingDate: date('meeting_date').notNull(),
    place: text('place').notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    chairMemberId: uuid('chair_member_id')
      .notNull()
      .references(() => councilMembers.id),
    secretaryMemberId: uuid('secretary_member_id')
      .notNull()
      .references(() => councilMembers.id),
    status: text('status').notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    index('council_sessions_list_idx').on(table.meetingDate, table.id),
    index('council_sessions_council_idx').on(table.councilId, table.meetingDate, table.id),
    index('council_sessions_open_idx').on(table.status, table.closesAt),
  ],
);

/** The members of a session (frozen at creation from the council's members in term) and their attendance. */
export const councilSessionMembers = pgTable(
  'council_session_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => councilMembers.id),
    attendance: text('attendance').notNull().default('present'),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    uniqueIndex('council_session_members_key').on(table.sessionId, table.memberId),
    index('council_session_members_member_idx').on(table.memberId),
  ],
);

/**
 * A nominee on a session's agenda, the written votes of absent members the secretary recorded, and
 * the tally stored at close (`result`, `tally`: what the public notice and decision parts read).
 */
export const councilAgendaItems = pgTable(
  'council_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id),
    nomineeId: uuid('nominee_id')
      .notNull()
      .references(() => nominees.id),
    position: integer('position').notNull(),
    writtenAgree: integer('written_agree').notNull().default(0),
    writtenDisagree: integer('written_disagree').notNull().default(0),
    result: text('result'),
    tally: jsonb('tally'),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    uniqueIndex('council_agenda_items_key').on(table.sessionId, table.nomineeId),
    index('council_agenda_items_page_idx').on(table.sessionId, table.position, table.id),
    index('council_agenda_items_nominee_idx').on(table.nomineeId),
    check(
      'council_agenda_items_written_check',
      sql`${table.writtenAgree} >= 0 and ${table.writtenDisagree} >= 0`,
    ),
  ],
);

/** A member recused from a nominee: the member is the nominee (automatic) or declared a conflict. */
export const councilRecusals = pgTable(
  'council_recusals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => councilMembers.id),
    nomineeId: uuid('nominee_id')
      .notNull()
      .references(() => nominees.id),
    reason: text('reason').notNull(),
    note: text('note'),
    ...timestamps,
  },
  (table) => [uniqueIndex('council_recusals_key').on(table.sessionId, table.nomineeId, table.memberId)],
);

/**
 * That member M voted in session S on nominee N — and nothing else: no choice, no time, no
 * sequence. With `ballot_counts` it keeps the ballot secret: nothing joins a choice to a voter.
 */
export const ballotReceipts = pgTable(
  'ballot_receipts',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id),
    nomineeId: uuid('nominee_id')
      .notNull()
      .references(() => nominees.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => councilMembers.id),
  },
  (table) => [
    primaryKey({ columns: [table.sessionId, table.nomineeId, table.memberId] }),
    index('ballot_receipts_member_idx').on(table.memberId, table.sessionId),
  ],
);

/**
 * The electronic votes of an agenda item as two counters, raised in place by each ballot: no voter,
 * no timestamp, no row per ballot whose order could be matched to the receipts.
 */
export const ballotCounts = pgTable(
  'ballot_counts',
  {
    agendaItemId: uuid('agenda_item_id')
      .primaryKey()
      .references(() => councilAgendaItems.id),
    agree: integer('agree').notNull().default(0),
    disagree: integer('disagree').notNull().default(0),
  },
  (table) => [check('ballot_counts_check', sql`${table.agree} >= 0 and ${table.disagree} >= 0`)],
);
