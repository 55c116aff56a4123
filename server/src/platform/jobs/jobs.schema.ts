import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { storedFiles } from '../files/files.schema.ts';

/**
 * Long work (PDF conversion, big imports, national reports) as rows any server process may pick up:
 * `queued` → `running` (leased to one process until `lease_until`; a lease that runs out, as after a
 * crash or restart, lets another process take the job again) → `done` | `failed`.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('queued'),
    /** 0–100, with a Vietnamese line saying what is happening. */
    progress: integer('progress').notNull().default(0),
    message: text('message'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    resultFileId: uuid('result_file_id').references(() => storedFiles.id),
    result: jsonb('result'),
    error: text('error'),
    workerId: text('worker_id'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    index('jobs_waiting_idx').on(table.status, table.createdAt),
    index('jobs_created_by_idx').on(table.createdBy, table.createdAt),
  ],
);
