import type { ExemplarAction } from '#contracts/exemplars.ts';
import {
  inScope,
  READ_ROLES,
  resolveScope,
  WRITE_ROLES,
} from '#server/modules/organisation/organisation.policy.ts';
import { isAdmin, type Principal } from '#server/platform/auth/policy.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { type ExemplarPlace, exemplarActions, stateMessages } from './exemplar-rules.ts';

export type { Caller } from '#server/modules/organisation/units/units.service.ts';

/** Who reads exemplars: every role, within the subtree of their grants (successions included). */
export const EXEMPLAR_READ_ROLES = READ_ROLES;
/** Who manages exemplars (propose, edit, stages, files, publication): the emulation officers. */
export const EXEMPLAR_MANAGE_ROLES = WRITE_ROLES;

/** True when the user confirms what the unit at `unitPath` proposes: an officer of a unit strictly above it. */
export function confirmsFor(principal: Principal, unitPath: string): boolean {
  return (
    isAdmin(principal) ||
    principal.scopedGrants.some(
      (grant) =>
        EXEMPLAR_MANAGE_ROLES.includes(grant.role) &&
        (grant.unitPath === null || (unitPath.startsWith(grant.unitPath) && unitPath !== grant.unitPath)),
    )
  );
}

/**
 * Who does what with an exemplar: readers within scope read it; the officers of the proposing unit
 * and of the levels above manage it; the levels above confirm or return what the unit proposed.
 */
export async function exemplarAccess(db: Executor, principal: Principal, place: ExemplarPlace) {
  const [readScope, manageScope] = await Promise.all([
    resolveScope(db, principal, EXEMPLAR_READ_ROLES),
    resolveScope(db, principal, EXEMPLAR_MANAGE_ROLES),
  ]);
  const canManage = inScope(manageScope, place.unitPath);
  const canConfirm = confirmsFor(principal, place.unitPath);
  const canRead = canManage || inScope(readScope, place.unitPath);
  return { canRead, canManage, canConfirm, actions: exemplarActions(place, { canManage, canConfirm }) };
}
export type ExemplarAccess = Awaited<ReturnType<typeof exemplarAccess>>;

/**
 * Throws unless the access allows the action: 403 OUT_OF_SCOPE when the user may not read the
 * exemplar or the action is never theirs, 409 when it is theirs but not in the exemplar's state.
 */
export function assertAllowed(access: ExemplarAccess, action: ExemplarAction | 'read'): void {
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  if (action === 'read' || access.actions.includes(action)) return;
  const isTheirs =
    action === 'confirm' || action === 'return'
      ? access.canConfirm
      : action === 'propose'
        ? access.canManage && !access.canConfirm
        : access.canManage;
  if (isTheirs)
    throw new AppError(
      'CONFLICT',
      stateMessages[action] ?? 'Điển hình không ở trạng thái cho phép thao tác này.',
    );
  throw new AppError('OUT_OF_SCOPE');
}
