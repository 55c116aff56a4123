import type { Role, SessionUser } from '#contracts/auth.ts';
import { AppError } from '../http/app-error.ts';

/** A grant as the policy sees it: the role and the materialised path of its unit (null = everywhere). */
export interface ScopedGrant {
  role: Role;
  unitId: string | null;
  unitPath: string | null;
}

/** The signed-in user with what the policy layer needs. */
export interface Principal extends SessionUser {
  scopedGrants: ScopedGrant[];
}

/** True when the user is a system administrator. */
export function isAdmin(principal: Principal): boolean {
  return principal.scopedGrants.some((grant) => grant.role === 'admin');
}

/** True when the user holds one of the roles anywhere. */
export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return isAdmin(principal) || principal.scopedGrants.some((grant) => roles.includes(grant.role));
}

/**
 * True when one of the user's grants with one of the roles covers the unit at `unitPath`
 * (a grant covers its unit's whole subtree; an admin covers everything).
 */
export function coversUnit(principal: Principal, roles: readonly Role[], unitPath: string): boolean {
  return principal.scopedGrants.some(
    (grant) =>
      grant.role === 'admin' ||
      (roles.includes(grant.role) && (grant.unitPath === null || unitPath.startsWith(grant.unitPath))),
  );
}

/** The unit paths whose subtrees a user may reach with the roles; null means everything. */
export function scopePaths(principal: Principal, roles: readonly Role[]): string[] | null {
  if (
    principal.scopedGrants.some(
      (grant) => grant.role === 'admin' || (roles.includes(grant.role) && !grant.unitPath),
    )
  )
    return null;
  return principal.scopedGrants
    .filter((grant) => roles.includes(grant.role) && grant.unitPath)
    .map((grant) => grant.unitPath as string);
}

/** Throws 403 unless the user holds one of the roles. */
export function assertRole(principal: Principal, roles: readonly Role[]): void {
  if (!hasAnyRole(principal, roles)) throw new AppError('FORBIDDEN');
}

/** Throws 403 OUT_OF_SCOPE unless a grant with one of the roles covers the unit. */
export function assertCoversUnit(principal: Principal, roles: readonly Role[], unitPath: string): void {
  if (!coversUnit(principal, roles, unitPath)) throw new AppError('OUT_OF_SCOPE');
}

/**
 * The units the user holds one of the roles on, exactly (not their subtrees): where work addressed
 * to "the unit's officer" or "the unit's head" lands. System-wide grants name no unit.
 */
export function grantedUnitIds(principal: Principal, roles: readonly Role[]): string[] {
  const ids = principal.scopedGrants
    .filter((grant) => grant.unitId && roles.includes(grant.role))
    .map((grant) => grant.unitId as string);
  return [...new Set(ids)];
}
