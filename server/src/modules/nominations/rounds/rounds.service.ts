import { eq } from 'drizzle-orm';
import type { CreateRoundBody, RoundQuery, UpdateRoundBody } from '#contracts/nominations.ts';
import { resolveScope } from '#server/modules/organisation/index.ts';
import { type ActorContext, recordAudit } from '#server/platform/audit/audit.ts';
import type { Principal } from '#server/platform/auth/policy.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { awardRounds, movements, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import {
  inScope,
  READ_ROLES,
  reachesBelow,
  roundVisibleCondition,
  WRITE_ROLES,
} from '../nominations.policy.ts';
import { findRound, listRounds, type RoundWithNames } from './rounds.repo.ts';

/** Who calls a use case: the signed-in user and the request's audit context. */
export interface Caller {
  principal: Principal;
  actor: ActorContext;
}

const ROUND = { subject: 'Đợt khen thưởng này', notFound: 'Không tìm thấy đợt khen thưởng.' };

/** A page of the rounds the caller sees: those of their levels and above them. */
export async function searchRounds(db: Database, caller: Caller, query: RoundQuery) {
  const scope = await resolveScope(db, caller.principal, READ_ROLES);
  return listRounds(db, roundVisibleCondition(scope, units.path), query);
}

/** A round the caller sees (404 when gone, 403 OUT_OF_SCOPE when neither above nor below it). */
export async function getVisibleRound(db: Executor, caller: Caller, id: string): Promise<RoundWithNames> {
  const row = await findRound(db, id);
  if (!row) throw new AppError('NOT_FOUND', ROUND.notFound);
  const scope = await resolveScope(db, caller.principal, READ_ROLES);
  if (!inScope(scope, row.unitPath) && !reachesBelow(scope, row.unitPath)) throw new AppError('OUT_OF_SCOPE');
  return row;
}

/** A round the caller may change: officers of the receiving unit (or above it). */
export async function getWritableRound(db: Executor, caller: Caller, id: string) {
  const row = await getVisibleRound(db, caller, id);
  const scope = await resolveScope(db, caller.principal, WRITE_ROLES);
  if (!inScope(scope, row.unitPath)) throw new AppError('OUT_OF_SCOPE');
  return row;
}

async function assertMovement(db: Executor, movementId: string | null | undefined) {
  if (!movementId) return;
  const [movement] = await db
    .select({ id: movements.id })
    .from(movements)
    .where(eq(movements.id, movementId));
  if (!movement)
    throw new AppError('VALIDATION_FAILED', 'Phong trào không tồn tại.', [
      { path: 'movementId', message: 'Phong trào không tồn tại' },
    ]);
}

/** Opens a round received by a unit the caller is an officer of. */
export async function createRound(db: Database, caller: Caller, input: CreateRoundBody) {
  const [unit] = await db.select({ path: units.path }).from(units).where(eq(units.id, input.receivingUnitId));
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  if (!inScope(await resolveScope(db, caller.principal, WRITE_ROLES), unit.path))
    throw new AppError('OUT_OF_SCOPE');
  await assertMovement(db, input.movementId);
  return db.transaction(async (tx) => {
    const [round] = await tx
      .insert(awardRounds)
      .values({ ...input, createdBy: caller.actor.userId, updatedBy: caller.actor.userId })
      .returning();
    if (!round) throw new Error('insert returned no row');
    await recordAudit(tx, caller.actor, {
      action: 'round.create',
      entityType: 'award_round',
      entityId: round.id,
      after: round,
    });
    return round;
  });
}

/** Changes a round at the version the client loaded (409 when stale). */
export async function updateRound(db: Database, caller: Caller, id: string, input: UpdateRoundBody) {
  const { version, ...changes } = input;
  const { round: before } = await getWritableRound(db, caller, id);
  await assertMovement(db, changes.movementId);
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(awardRounds)
      .set({ ...changes, ...nextVersion(awardRounds, caller.actor) })
      .where(atVersion(awardRounds, id, version))
      .returning();
    const round = await versionedRow(tx, rows, awardRounds, id, ROUND);
    await recordAudit(tx, caller.actor, {
      action: 'round.update',
      entityType: 'award_round',
      entityId: id,
      before,
      after: round,
    });
    return round;
  });
}

/** Deletes a round that holds no nomination yet. */
export async function deleteRound(db: Database, caller: Caller, id: string) {
  await getWritableRound(db, caller, id);
  await db.transaction(async (tx) => {
    const [round] = await tx.delete(awardRounds).where(eq(awardRounds.id, id)).returning();
    if (!round) throw new AppError('NOT_FOUND', ROUND.notFound);
    await recordAudit(tx, caller.actor, {
      action: 'round.delete',
      entityType: 'award_round',
      entityId: id,
      before: round,
    });
  });
}
