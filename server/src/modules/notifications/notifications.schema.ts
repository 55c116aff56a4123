import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '#server/platform/db/platform.schema.ts';

/** In-app notifications (thông báo) of one user; `dedupe_key` makes reminders idempotent. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    dedupeKey: text('dedupe_key'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The keyset-paged list, newest first: one range scan per page.
    index('notifications_user_idx').on(table.userId, table.createdAt, table.id),
    uniqueIndex('notifications_user_dedupe_key').on(table.userId, table.dedupeKey),
  ],
);
