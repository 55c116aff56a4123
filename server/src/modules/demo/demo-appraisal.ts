import { asc, eq } from 'drizzle-orm';
import type { AppraisalEligibility, SaveAppraisalBody } from '#contracts/nomination-appraisal.ts';
import {
  appraisalDate,
  type Caller,
  finishAppraisal,
  moveNomination,
  nomineeVerdicts,
  saveAppraisal,
} from '#server/modules/nominations/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { awardRounds, nominations, nominees } from '#server/platform/db/schema.ts';

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

/** The opinion the engine's verdict supports: agree when eligible, else disagree with its reason. */
export function engineOpinion(eligibility: AppraisalEligibility | null): Omit<SaveAppraisalBody, 'version'> {
  if (eligibility?.verdict === 'eligible')
    return { opinion: 'Đủ điều kiện, tiêu chuẩn theo quy định; hồ sơ đầy đủ.', proposal: 'agree' };
  return {
    opinion: `Không đủ điều kiện: ${eligibility?.reason ?? 'chưa đủ dữ liệu để xác định điều kiện'}`,
    proposal: 'disagree',
  };
}

/**
 * The standing body appraises a received tờ trình: an opinion per nominee (as the engine's verdict
 * supports, unless `opinionOf` says otherwise), then "Hoàn tất thẩm định" — those agreed move to appraised, the others declined.
 */
export async function appraise(
  db: Database,
  province: Caller,
  nominationId: string,
  opinionOf?: (nominee: Nominee) => Omit<SaveAppraisalBody, 'version'> | undefined,
) {
  const rows = await nomineesOf(db, nominationId);
  const [round] = await db
    .select({ year: awardRounds.year, deadline: awardRounds.deadline })
    .from(nominations)
    .innerJoin(awardRounds, eq(awardRounds.id, nominations.roundId))
    .where(eq(nominations.id, nominationId));
  const verdicts = round ? await nomineeVerdicts(db, rows, appraisalDate(round)) : new Map();
  for (const nominee of rows)
    await saveAppraisal(
      db,
      province,
      nominee.id,
      opinionOf?.(nominee) ?? engineOpinion(verdicts.get(nominee.id)?.eligibility ?? null),
    );
  await finishAppraisal(db, province, nominationId, await versionOf(db, nominationId));
}
