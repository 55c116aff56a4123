import type { AuditAction } from '#contracts/audit.ts';
import type { ExemplarAction } from '#contracts/exemplars.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertAllowed, type Caller, exemplarAccess } from './exemplars.policy.ts';
import { bumpExemplar, getExemplarRow, placeOf } from './exemplars.repo.ts';

/** The exemplar, once the policy allows the caller the action on it (403/404/409 otherwise). */
export async function getAllowedExemplar(
  db: Database,
  caller: Caller,
  id: string,
  action: ExemplarAction | 'read',
) {
  const row = await getExemplarRow(db, id);
  assertAllowed(await exemplarAccess(db, caller.principal, placeOf(row)), action);
  return row;
}

/**
 * Removes one part of an exemplar (a file, a replicating unit, an award link) the caller may change,
 * at the exemplar's version (else 404/409), with its audit event; returns the part removed.
 */
export async function removeExemplarPart<Part>(
  db: Database,
  caller: Caller,
  id: string,
  version: number,
  part: {
    action: 'files' | 'replications' | 'awards';
    find: () => Promise<Part | null | undefined>;
    notFound: string;
    remove: (tx: Executor) => Promise<unknown>;
    audit: AuditAction;
    before: (found: Part) => Record<string, unknown>;
  },
): Promise<Part> {
  await getAllowedExemplar(db, caller, id, part.action);
  const found = await part.find();
  if (!found) throw new AppError('NOT_FOUND', part.notFound);
  await db.transaction(async (tx) => {
    await bumpExemplar(tx, caller.actor, id, version);
    await part.remove(tx);
    await recordAudit(tx, caller.actor, {
      action: part.audit,
      entityType: 'exemplar',
      entityId: id,
      before: part.before(found),
    });
  });
  return found;
}
