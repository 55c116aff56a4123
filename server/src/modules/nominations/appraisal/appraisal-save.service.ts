import { and, eq } from 'drizzle-orm';
import { awardCatalogue } from '#contracts/award-catalogue.ts';
import type { AwardCode } from '#contracts/awards.ts';
import type { AppraisalOpinion, SaveAppraisalBody } from '#contracts/nomination-appraisal.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { nomineeAppraisals, nominees } from '#server/platform/db/schema.ts';
import { nextVersion, staleVersionError } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { Caller } from '../rounds/rounds.service.ts';
import { presentOpinion, roundDates } from './appraisal.repo.ts';
import { getAppraisableNomination } from './appraisal-access.ts';
import { appraisalDate, nomineeVerdicts } from './appraisal-eligibility.ts';

const OPINION = {
  subject: 'Ý kiến thẩm định này',
  notFound: 'Không tìm thấy ý kiến thẩm định.',
};
const NOT_RECEIVED = 'Đối tượng này không còn ở bước thẩm định; không ghi ý kiến được.';

function assertProposedAward(subject: string, awardCode: string, body: SaveAppraisalBody) {
  if (body.proposal !== 'other_award' || !body.proposedAwardCode) return;
  const fail = (message: string) =>
    new AppError('VALIDATION_FAILED', message, [{ path: 'proposedAwardCode', message }]);
  if (body.proposedAwardCode === awardCode)
    throw fail('Hình thức đề nghị thay thế trùng với hình thức đơn vị đã đề nghị');
  if (!awardCatalogue[body.proposedAwardCode as AwardCode].subjects.includes(subject as never))
    throw fail('Hình thức này không xét tặng cho đối tượng được đề nghị');
}

/**
 * An agreement on a nominee the engine finds not eligible must say why (the opinion): a blank one is
 * refused with the engine's reason, so no "đồng ý" contradicts the verdict silently.
 */
async function assertAgreementExplained(
  db: Database,
  roundId: string,
  nominee: typeof nominees.$inferSelect,
  body: SaveAppraisalBody,
) {
  if (body.proposal !== 'agree' || body.opinion.trim()) return;
  const round = await roundDates(db, roundId);
  const date = appraisalDate(round ?? { year: nominee.periodTo, deadline: null });
  const verdict = (await nomineeVerdicts(db, [nominee], date)).get(nominee.id)?.eligibility;
  if (verdict?.verdict !== 'not_eligible') return;
  const message = `Đối tượng chưa đủ điều kiện theo dữ liệu khen thưởng (${verdict.reason}). Muốn đồng ý, vui lòng ghi rõ căn cứ trong ý kiến thẩm định.`;
  throw new AppError('VALIDATION_FAILED', message, [
    { path: 'opinion', message: 'Vui lòng ghi căn cứ đồng ý' },
  ]);
}

/**
 * Saves the standing body's opinion and proposal on a nominee of a received tờ trình: created on the
 * first save (no version), then changed at the version the user saw (409 when stale); audited.
 */
export async function saveAppraisal(
  db: Database,
  caller: Caller,
  nomineeId: string,
  body: SaveAppraisalBody,
): Promise<AppraisalOpinion> {
  const [nominee] = await db.select().from(nominees).where(eq(nominees.id, nomineeId));
  if (!nominee) throw new AppError('NOT_FOUND', 'Không tìm thấy đối tượng đề nghị.');
  const row = await getAppraisableNomination(db, caller, nominee.nominationId);
  assertProposedAward(nominee.subject, nominee.awardCode, body);
  await assertAgreementExplained(db, row.nomination.roundId, nominee, body);
  const values = {
    opinion: body.opinion,
    proposal: body.proposal,
    proposedAwardCode: body.proposal === 'other_award' ? (body.proposedAwardCode ?? null) : null,
  };
  return db.transaction(async (tx) => {
    // The finish locks the nominees too: an opinion is never saved on a nominee that just moved on.
    const [locked] = await tx.select().from(nominees).where(eq(nominees.id, nomineeId)).for('update');
    if (locked?.status !== 'received') throw new AppError('CONFLICT', NOT_RECEIVED);
    const [before] = await tx
      .select()
      .from(nomineeAppraisals)
      .where(eq(nomineeAppraisals.nomineeId, nomineeId));
    let saved: typeof before;
    if (body.version === undefined) {
      if (before) throw await staleVersionError(tx, nomineeAppraisals, before.id, OPINION);
      [saved] = await tx
        .insert(nomineeAppraisals)
        .values({ nomineeId, ...values, updatedBy: caller.actor.userId })
        .returning();
    } else {
      if (!before) throw new AppError('NOT_FOUND', OPINION.notFound);
      [saved] = await tx
        .update(nomineeAppraisals)
        .set({ ...values, ...nextVersion(nomineeAppraisals, caller.actor) })
        .where(and(eq(nomineeAppraisals.id, before.id), eq(nomineeAppraisals.version, body.version)))
        .returning();
      if (!saved) throw await staleVersionError(tx, nomineeAppraisals, before.id, OPINION);
    }
    if (!saved) throw new Error('insert returned no row');
    await recordAudit(tx, caller.actor, {
      action: 'nominee.appraisal_save',
      entityType: 'nominee',
      entityId: nomineeId,
      before: before ?? null,
      after: saved,
    });
    return presentOpinion(saved);
  });
}
