import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, versioning } from '#server/platform/db/columns.ts';
import { users } from '#server/platform/db/platform.schema.ts';
import { storedFiles } from '#server/platform/files/files.schema.ts';
import { nominations, nominees } from '../nominations.schema.ts';

/**
 * A file of a tờ trình's dossier (hồ sơ): the component it stands for (contracts/nomination-dossier.ts),
 * the whole tờ trình's (`nominee_id` null) or one nominee's; the bytes are in the file store.
 */
export const nominationFiles = pgTable(
  'nomination_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id),
    nomineeId: uuid('nominee_id').references(() => nominees.id),
    component: text('component').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    index('nomination_files_list_idx').on(table.nominationId, table.createdAt, table.id),
    index('nomination_files_nominee_idx').on(table.nomineeId),
    index('nomination_files_file_idx').on(table.fileId),
  ],
);
