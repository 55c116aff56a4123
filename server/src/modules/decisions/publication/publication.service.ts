import { sql } from 'drizzle-orm';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { decisions } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { DECISION, getDecisionRow } from '../decisions/decisions.repo.ts';
import { assertCanWrite, type Caller } from '../decisions.policy.ts';

/** Which way a publication move goes. */
export type PublicationMove = 'publish' | 'withdraw';

const refusals: Record<PublicationMove, string> = {
  publish: 'Chỉ công bố được quyết định đã ban hành, chưa bị hủy bỏ và chưa công bố.',
  withdraw: 'Quyết định này không đang được công bố trên cổng công khai.',
};

/**
 * Publishes an issued decision on the public portal (its number, date, signer and the list with
 * name, position, unit and award only), or withdraws it, at the version loaded (else 409); audited.
 */
export async function setDecisionPublication(
  db: Database,
  caller: Caller,
  id: string,
  move: PublicationMove,
  version: number,
) {
  const row = await getDecisionRow(db, id);
  await assertCanWrite(db, caller.principal, row.unit.path);
  const allowed =
    move === 'publish'
      ? row.decision.status === 'issued' && row.decision.publishedAt === null
      : row.decision.publishedAt !== null;
  if (!allowed) throw new AppError('CONFLICT', refusals[move]);
  await db.transaction(async (tx) => {
    const condition =
      move === 'publish'
        ? sql`${decisions.status} = 'issued' and ${decisions.publishedAt} is null`
        : sql`${decisions.publishedAt} is not null`;
    const rows = await tx
      .update(decisions)
      .set({ publishedAt: move === 'publish' ? new Date() : null, ...nextVersion(decisions, caller.actor) })
      .where(sql`${atVersion(decisions, id, version)} and ${condition}`)
      .returning();
    const after = await versionedRow(tx, rows, decisions, id, DECISION);
    await recordAudit(tx, caller.actor, {
      action: move === 'publish' ? 'decision.publish' : 'decision.withdraw_publication',
      entityType: 'decision',
      entityId: id,
      before: { publishedAt: row.decision.publishedAt },
      after: { publishedAt: after.publishedAt },
    });
  });
}
