import { inArray, sql } from 'drizzle-orm';
import type { AuditAction } from '#contracts/audit.ts';
import type { NominationStatus } from '#contracts/nominees.ts';
import { type ActorContext, recordAudit } from '#server/platform/audit/audit.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { nominations, nominees } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/** The order nominees move in after the receiving level took the tờ trình (declined ends it too). */
const PROGRESS: readonly NominationStatus[] = ['received', 'appraised', 'in_council', 'posted', 'decided'];

/** States that close a nominee at its level: decided, declined, or forwarded into the upper tờ trình. */
const CLOSED: readonly NominationStatus[] = ['decided', 'declined', 'forwarded'];

/**
 * The state a tờ trình shows once it is past reception: its least advanced open nominee's; when
 * every nominee is closed, `decided` if any was decided, else `forwarded` if any was consolidated
 * upward, otherwise `declined`.
 */
export function nominationStatusOf(statuses: readonly NominationStatus[]): NominationStatus | null {
  const open = statuses.filter((status) => !CLOSED.includes(status));
  if (!statuses.length) return null;
  if (!open.length)
    return statuses.includes('decided')
      ? 'decided'
      : statuses.includes('forwarded')
        ? 'forwarded'
        : 'declined';
  const ranks = open.map((status) => PROGRESS.indexOf(status));
  if (ranks.some((rank) => rank < 0)) return null;
  return PROGRESS[Math.min(...ranks)] ?? null;
}

/** Brings each tờ trình's own status in line with its nominees' (after reception only). */
export async function syncNominationStatus(tx: Executor, nominationIds: readonly string[]) {
  if (!nominationIds.length) return;
  const rows = await tx
    .select({ nominationId: nominees.nominationId, status: nominees.status })
    .from(nominees)
    .where(inArray(nominees.nominationId, [...new Set(nominationIds)]));
  const byNomination = new Map<string, NominationStatus[]>();
  for (const row of rows)
    byNomination.set(row.nominationId, [
      ...(byNomination.get(row.nominationId) ?? []),
      row.status as NominationStatus,
    ]);
  for (const [id, statuses] of byNomination) {
    const status = nominationStatusOf(statuses);
    if (!status) continue;
    await tx
      .update(nominations)
      .set({ status, updatedAt: new Date(), version: sql`${nominations.version} + 1` })
      .where(sql`${nominations.id} = ${id} and ${nominations.status} <> ${status}`);
  }
}

export interface NomineeMove {
  nomineeIds: readonly string[];
  /** States the nominees may be in before the move; any other is a 409 and nothing changes. */
  from: readonly NominationStatus[];
  to: NominationStatus;
  /** Audit action, e.g. `nominee.appraise`, `nominee.to_council`, `nominee.post`. */
  action: AuditAction;
  /** Vietnamese message of the 409 when a nominee is not in a `from` state. */
  refusal: string;
  decisionId?: string;
  reason?: string | null;
}

/**
 * Moves nominees from one stage to the next inside the caller's transaction (rows locked, 409 in
 * Vietnamese when one is missing or in another state), brings their tờ trình's status along, and
 * writes one audit event naming them. Every module that moves nominees (appraisal, council, public
 * notice, decisions) goes through here.
 */
export async function moveNominees(tx: Executor, actor: ActorContext, move: NomineeMove) {
  const ids = [...new Set(move.nomineeIds)];
  if (!ids.length) return [];
  const rows = await tx.select().from(nominees).where(inArray(nominees.id, ids)).for('update');
  if (rows.length !== ids.length || rows.some((row) => !move.from.includes(row.status as NominationStatus)))
    throw new AppError('CONFLICT', move.refusal);
  const updated = await tx
    .update(nominees)
    .set({
      status: move.to,
      ...(move.decisionId ? { decisionId: move.decisionId } : {}),
      updatedAt: new Date(),
      version: sql`${nominees.version} + 1`,
    })
    .where(inArray(nominees.id, ids))
    .returning({ id: nominees.id, nominationId: nominees.nominationId, version: nominees.version });
  await syncNominationStatus(
    tx,
    updated.map((row) => row.nominationId),
  );
  await recordAudit(tx, actor, {
    action: move.action,
    entityType: 'nominee',
    entityId: ids.length === 1 ? (ids[0] ?? null) : null,
    before: rows.map((row) => ({ id: row.id, status: row.status })),
    after: { nomineeIds: ids, status: move.to, ...(move.decisionId ? { decisionId: move.decisionId } : {}) },
    reason: move.reason ?? null,
  });
  return updated;
}
