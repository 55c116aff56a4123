import { or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../../../contracts/auth.ts';
import type { MovementAction, MovementStatus } from '../../../../contracts/movements.ts';
import { coversUnit, isAdmin, type Principal } from '../../platform/auth/policy.ts';
import { AppError } from '../../platform/http/app-error.ts';

/** Who launches and manages movements (within their grant's subtree). */
export const MANAGE_ROLES: readonly Role[] = ['tdkt_officer'];
/** Every role reads the movements that reach its units. */
export const READ_ROLES: readonly Role[] = ['tdkt_officer', 'unit_head', 'council_member', 'staff'];

/** The facts about a movement the rules look at. */
export interface MovementFacts {
  status: MovementStatus;
  launchingUnitPath: string;
}

/** True when the user manages the launching unit (an officer of it or of a unit above it). */
export const canManageMovement = (principal: Principal, movement: MovementFacts) =>
  coversUnit(principal, MANAGE_ROLES, movement.launchingUnitPath);

/**
 * True when the user sees the movement: managers always; once launched, anyone whose unit lies in
 * the launching unit's subtree, or above it.
 */
export function canViewMovement(principal: Principal, movement: MovementFacts): boolean {
  if (canManageMovement(principal, movement) || isAdmin(principal)) return true;
  if (movement.status === 'draft') return false;
  return principal.scopedGrants.some(
    (grant) =>
      grant.unitPath === null ||
      grant.unitPath.startsWith(movement.launchingUnitPath) ||
      movement.launchingUnitPath.startsWith(grant.unitPath),
  );
}

/** Throws 404 for a movement the user may not see (its existence is not revealed), 403 to manage. */
export function assertViewMovement(principal: Principal, movement: MovementFacts): void {
  if (!canViewMovement(principal, movement)) throw new AppError('NOT_FOUND', 'Không tìm thấy phong trào.');
}
export function assertManageMovement(principal: Principal, movement: MovementFacts): void {
  assertViewMovement(principal, movement);
  if (!canManageMovement(principal, movement)) throw new AppError('OUT_OF_SCOPE');
}

/** SQL form of canViewMovement over `path` (the launching unit's path) and `status`. */
export function visibleMovementCondition(principal: Principal, path: SQL, status: SQL): SQL | undefined {
  if (isAdmin(principal)) return undefined;
  const parts: SQL[] = [];
  for (const grant of principal.scopedGrants) {
    if (grant.unitPath === null) return undefined;
    if (MANAGE_ROLES.includes(grant.role)) parts.push(sql`${path} like ${`${grant.unitPath}%`}`);
    parts.push(
      sql`(${status} <> 'draft' and (${path} like ${`${grant.unitPath}%`} or ${grant.unitPath} like ${path} || '%'))`,
    );
  }
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

/** The actions a user may take on a movement. */
export function movementActions(principal: Principal, movement: MovementFacts): MovementAction[] {
  const actions: MovementAction[] = ['view', 'export'];
  const manages = canManageMovement(principal, movement);
  if (manages && movement.status !== 'closed') actions.push('edit');
  if (manages && movement.status === 'draft') actions.push('launch');
  if (movement.status === 'launched') {
    const below = principal.scopedGrants.some(
      (grant) =>
        MANAGE_ROLES.includes(grant.role) &&
        grant.unitPath?.startsWith(movement.launchingUnitPath) &&
        grant.unitPath !== movement.launchingUnitPath,
    );
    if (below || isAdmin(principal)) actions.push('implement');
    actions.push('register');
  }
  if (manages) actions.push('manage_registrations');
  return actions;
}
