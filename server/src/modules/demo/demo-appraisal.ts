import { asc, eq } from 'drizzle-orm';
import type { SaveAppraisalBody } from '#contracts/nomination-appraisal.ts';
import {
  type Caller,
  finishAppraisal,
  moveNomination,
  saveAppraisal,
} from '#server/modules/nominations/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { nominations, nominees } from '#server/platform/db/schema.ts';

type Nominee = typeof nominees.$inferSelect;

/** The nominees of a tờ trình, in the order they were entered. */
export const nomineesOf = (db: Database, nominationId: string) =>
  db
    .select()
    .from(nominees)
    .where(eq(nominees.nominationId, nominationId))
    .orderBy(asc(nominees.position), asc(nominees.id));

async function versionOf(db: Database, nominationId: string) {
  const [row] = await db
    .select({ version: nominations.version })
    .from(nominations)
    .where(eq(nominations.id, nominationId));
  if (!row) throw new Error('demo tờ trình not found');
  return row.version;
}

/** The province receives a tờ trình sent to it (at the version it has now). */
export async function receive(db: Database, province: Caller, nominationId: string) {
  return moveNomination(db, province, nominationId, 'receive', {
    version: await versionOf(db, nominationId),
  });
}

/**
 * The standing body appraises a received tờ trình: an opinion per nominee (agree unless `opinionOf`
 * says otherwise), then "Hoàn tất thẩm định" — those agreed move to appraised, the others declined.
 */
export async function appraise(
  db: Database,
  province: Caller,
  nominationId: string,
  opinionOf: (nominee: Nominee) => Omit<SaveAppraisalBody, 'version'> = () => ({
    opinion: 'Đủ điều kiện, tiêu chuẩn theo quy định; hồ sơ đầy đủ.',
    proposal: 'agree',
  }),
) {
  for (const nominee of await nomineesOf(db, nominationId))
    await saveAppraisal(db, province, nominee.id, opinionOf(nominee));
  await finishAppraisal(db, province, nominationId, await versionOf(db, nominationId));
}
