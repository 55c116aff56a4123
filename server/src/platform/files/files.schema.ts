import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Files the system keeps (uploaded dossiers and evidence, generated exports): the bytes live in this
 * row (`storage = 'database'`, the default) or in the configured S3-compatible bucket under `object_key`
 * (`storage = 's3'`), never only on one server's disk, so any server process can serve any file.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storage: text('storage').notNull().default('database'),
    objectKey: text('object_key'),
    data: bytea('data'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('stored_files_created_idx').on(table.createdAt)],
);
