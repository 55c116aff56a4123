import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { nominees } from '#server/modules/nominations/nominations.schema.ts';
import { units } from '#server/modules/organisation/organisation.schema.ts';
import { timestamps, versioning } from '#server/platform/db/columns.ts';
import { users } from '#server/platform/db/platform.schema.ts';

/**
 * A public notice (công khai, lấy ý kiến) of one nominee: posted by the receiving level's office for
 * the working days its award requires. The public page shows only the snapshot taken at posting
 * (name, position, unit, award, achievements) and the notice text; `previous_status` is the stage the
 * nominee returns to when the notice is withdrawn.
 */
export const publicNotices = pgTable(
  'public_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nomineeId: uuid('nominee_id')
      .notNull()
      .references(() => nominees.id),
    receivingUnitId: uuid('receiving_unit_id')
      .notNull()
      .references(() => units.id),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    workingDays: integer('working_days').notNull(),
    article: text('article').notNull(),
    noticeText: text('notice_text').notNull(),
    subjectName: text('subject_name').notNull(),
    position: text('position'),
    unitName: text('unit_name'),
    awardName: text('award_name').notNull(),
    achievements: text('achievements').notNull(),
    previousStatus: text('previous_status').notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    // The lists' keyset order: latest end first, then id.
    index('public_notices_list_idx').on(sql`${table.endDate} desc`, sql`${table.id} desc`),
    index('public_notices_unit_idx').on(table.receivingUnitId),
    // One notice in force per nominee (a withdrawn one may be followed by a new one).
    uniqueIndex('public_notices_nominee_active_key')
      .on(table.nomineeId)
      .where(sql`${table.withdrawnAt} is null`),
  ],
);

/**
 * A comment from the public on a notice: held for moderation (`status` pending) until the office
 * publishes or hides it; the office answers each one. `address_hash` (keyed hash of the sender's
 * address) counts the rate limit; `form_nonce` makes a form sent twice one comment.
 */
export const publicComments = pgTable(
  'public_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => publicNotices.id),
    authorName: text('author_name').notNull(),
    contact: text('contact'),
    body: text('body').notNull(),
    status: text('status').notNull().default('pending'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    addressHash: text('address_hash').notNull(),
    formNonce: text('form_nonce').notNull(),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    index('public_comments_notice_idx').on(table.noticeId, table.createdAt, table.id),
    index('public_comments_address_idx').on(table.addressHash, table.createdAt),
    uniqueIndex('public_comments_nonce_key').on(table.formNonce),
  ],
);
