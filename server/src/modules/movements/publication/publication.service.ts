import { sql } from 'drizzle-orm';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { movements } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { type Caller, getManagedMovement, MOVEMENT } from '../movements.service.ts';

/** Which way a publication move goes. */
export type MovementPublicationMove = 'publish' | 'withdraw';

const refusals: Record<MovementPublicationMove, string> = {
  publish: 'Chỉ công bố được phong trào đã phát động, đang diễn ra và chưa công bố.',
  withdraw: 'Phong trào này không đang được công bố trên cổng công khai.',
};

/**
 * Publishes a launched movement and its plan on the public portal, or withdraws it, at the version
 * loaded (else 409); managers of the launching unit only; audited.
 */
export async function setMovementPublication(
  db: Database,
  caller: Caller,
  id: string,
  move: MovementPublicationMove,
  version: number,
) {
  const row = await getManagedMovement(db, caller, id);
  const { movement } = row;
  const allowed =
    move === 'publish'
      ? movement.status === 'launched' && movement.publishedAt === null
      : movement.publishedAt !== null;
  if (!allowed) throw new AppError('CONFLICT', refusals[move]);
  await db.transaction(async (tx) => {
    const condition =
      move === 'publish'
        ? sql`${movements.status} = 'launched' and ${movements.publishedAt} is null`
        : sql`${movements.publishedAt} is not null`;
    const rows = await tx
      .update(movements)
      .set({ publishedAt: move === 'publish' ? new Date() : null, ...nextVersion(movements, caller.actor) })
      .where(sql`${atVersion(movements, id, version)} and ${condition}`)
      .returning();
    const after = await versionedRow(tx, rows, movements, id, MOVEMENT);
    await recordAudit(tx, caller.actor, {
      action: move === 'publish' ? 'movement.publish' : 'movement.withdraw_publication',
      entityType: 'movement',
      entityId: id,
      before: { publishedAt: movement.publishedAt },
      after: { publishedAt: after.publishedAt },
    });
  });
}
