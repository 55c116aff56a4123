import { sql } from 'drizzle-orm';
import { check, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, versioning } from '#server/platform/db/columns.ts';
import { nominees } from '../nominations.schema.ts';

/**
 * The standing body's appraisal opinion (ý kiến thẩm định) on one nominee: its text and proposal
 * (agree, disagree, or another award), one row per nominee, versioned.
 */
export const nomineeAppraisals = pgTable(
  'nominee_appraisals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nomineeId: uuid('nominee_id')
      .notNull()
      .references(() => nominees.id, { onDelete: 'cascade' }),
    opinion: text('opinion').notNull().default(''),
    proposal: text('proposal').notNull(),
    proposedAwardCode: text('proposed_award_code'),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    uniqueIndex('nominee_appraisals_nominee_key').on(table.nomineeId),
    check(
      'nominee_appraisals_proposal_check',
      sql`(${table.proposal} in ('agree', 'disagree') and ${table.proposedAwardCode} is null)
        or (${table.proposal} = 'other_award' and ${table.proposedAwardCode} is not null)`,
    ),
  ],
);
