import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** `created_at` and `updated_at`, on every table that records can change in. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * `version` (1 when created, one more at every change, in the same UPDATE that checks it) and
 * `updated_by` (the user who made the last change), on every table a form edits: a stale update is
 * refused with 409 instead of silently overwriting someone else's change.
 */
export const versioning = {
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
};
