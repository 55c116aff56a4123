import { or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '#contracts/auth.ts';
import type { MovementAction, MovementStatus } from '#contracts/movements.ts';
import { coversUnit, isAdmin, type Principal } from '#server/platform/auth/policy.ts';
import { AppError } from '#server/platform/http/app-error.ts';

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
 * the launching unit's subtree, or above it. `inheritedPaths` are the paths of the units the user's
 * units succeeded (a commune still reads the plans of the district it took over), read-only.
 */
export function canViewMovement(
  principal: Principal,
  movement: MovementFacts,
  inheritedPaths: readonly string[] = [],
): boolean {
  if (canManageMovement(principal, movement) || isAdmin(principal)) return true;
  if (movement.status === 'draft') return false;
  const reaches = (path: string) =>
    path.startsWith(movement.launchingUnitPath) || movement.launchingUnitPath.startsWith(path);
  return (
    principal.scopedGrants.some((grant) => grant.unitPath === null || reaches(grant.unitPath)) ||
    inheritedPaths.some(reaches)
  );
}

/** Throws 404 for a movement the user may not see (its existence is not revealed), 403 to manage. */
export function assertViewMovement(
  principal: Principal,
  movement: MovementFacts,
  inheritedPaths: readonly string[] = [],
): void {
  if (!canViewMovement(principal, movement, inheritedPaths)) {
    throw new AppError('NOT_FOUND', 'Không tìm thấy phong trào.');
  }
}
export function assertManageMovement(principal: Principal, movement: MovementFacts): void {
  assertViewMovement(principal, movement);
  if (!canManageMovement(principal, movement)) throw new AppError('OUT_OF_SCOPE');
}

/** SQL form of canViewMovement over `path` (the launching unit's path) and `status`. */
export function visibleMovementCondition(
  principal: Principal,
  path: SQL,
  status: SQL,
  inheritedPaths: readonly string[] = [],
): SQL | undefined {
  if (isAdmin(principal)) return undefined;
  const parts: SQL[] = [];
  const reaches = (unitPath: string) =>
    sql`(${status} <> 'draft' and (${path} like ${`${unitPath}%`} or ${unitPath} like ${path} || '%'))`;
  for (const grant of principal.scopedGrants) {
    if (grant.unitPath === null) return undefined;
    if (MANAGE_ROLES.includes(grant.role)) parts.push(sql`${path} like ${`${grant.unitPath}%`}`);
    parts.push(reaches(grant.unitPath));
  }
  for (const inherited of inheritedPaths) parts.push(reaches(inherited));
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

/** The actions a user may take on a movement ('publish': publish a launched one, or withdraw it). */
export function movementActions(
  principal: Principal,
  movement: MovementFacts & { published?: boolean },
): MovementAction[] {
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
  if (manages && (movement.status === 'launched' || movement.published)) actions.push('publish');
  return actions;
}
