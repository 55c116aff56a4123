import { eq } from 'drizzle-orm';
import { notifyUnitOfficers } from '#server/modules/notifications/index.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { nominations } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { NOMINATION } from '../nominations/nominations.service.ts';
import type { Caller } from '../rounds/rounds.service.ts';
import { moveNominees } from '../workflow/nominee-moves.ts';
import { receivedWithOpinions } from './appraisal.repo.ts';
import { getAppraisableNomination } from './appraisal-access.ts';

const MOVED_ON = 'Có đối tượng không còn ở bước thẩm định; tải lại tờ trình để xem trạng thái mới.';

/**
 * "Hoàn tất thẩm định": at the version the user saw, every nominee still at `received` must have an
 * opinion (409 naming how many lack one); those agreed (or proposed another award) move to
 * `appraised`, those not agreed to `declined` with the opinion as the reason, all through
 * moveNominees; the tờ trình's own audit event follows, and the proposing unit is notified.
 */
export async function finishAppraisal(db: Database, caller: Caller, id: string, version: number) {
  const row = await getAppraisableNomination(db, caller, id);
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(nominations)
      .set(nextVersion(nominations, caller.actor))
      .where(atVersion(nominations, id, version))
      .returning();
    await versionedRow(tx, updated, nominations, id, NOMINATION);
    const list = await receivedWithOpinions(tx, id);
    const missing = list.filter((item) => !item.appraisal).length;
    if (missing)
      throw new AppError(
        'CONFLICT',
        `Còn ${missing} đối tượng chưa có ý kiến thẩm định; ghi ý kiến cho từng đối tượng trước khi hoàn tất.`,
      );
    const agreed = list.filter((item) => item.appraisal?.proposal !== 'disagree');
    const declined = list.filter((item) => item.appraisal?.proposal === 'disagree');
    await moveNominees(tx, caller.actor, {
      nomineeIds: agreed.map((item) => item.nominee.id),
      from: ['received'],
      to: 'appraised',
      action: 'nominee.appraise',
      refusal: MOVED_ON,
    });
    for (const item of declined)
      await moveNominees(tx, caller.actor, {
        nomineeIds: [item.nominee.id],
        from: ['received'],
        to: 'declined',
        action: 'nominee.appraise_decline',
        refusal: MOVED_ON,
        reason: item.appraisal?.opinion ?? null,
      });
    const [after] = await tx.select().from(nominations).where(eq(nominations.id, id));
    await recordAudit(tx, caller.actor, {
      action: 'nomination.appraise',
      entityType: 'nomination',
      entityId: id,
      before: { status: row.nomination.status, version },
      after: {
        status: after?.status,
        version: after?.version,
        appraised: agreed.map((item) => item.nominee.id),
        declined: declined.map((item) => item.nominee.id),
      },
    });
    await notifyUnitOfficers(tx, [row.nomination.proposingUnitId], {
      kind: 'nomination_appraised',
      title: `${row.receivingName} đã thẩm định tờ trình`,
      body: `${row.nomination.title}. Đồng ý: ${agreed.length}; không đồng ý: ${declined.length}.`,
      link: `/khen-thuong/to-trinh/${id}`,
      entityType: 'nomination',
      entityId: id,
    });
    return after;
  });
}
