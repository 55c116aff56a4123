import { type Role, roleRank } from '#contracts/auth.ts';
import { isAdmin, type Principal } from '#server/platform/auth/policy.ts';

/** The only role besides the administrator that manages accounts (on its own subtree). */
export const ACCOUNT_MANAGER_ROLES: Role[] = ['admin', 'tdkt_officer'];

/** A grant of an account as the policy judges it: the role and the granted unit's path (null = everywhere). */
export interface AccountGrant {
  role: Role;
  unitPath: string | null;
}

/**
 * True when the principal may give (or take away) `role` on the unit at `unitPath`: an administrator
 * anything; a TĐKT officer only roles ranked below theirs, on a unit their officer grant covers.
 */
export function mayGrant(principal: Principal, role: Role, unitPath: string | null): boolean {
  if (isAdmin(principal)) return true;
  if (unitPath === null) return false;
  return principal.scopedGrants.some(
    (grant) =>
      grant.role === 'tdkt_officer' &&
      roleRank[role] < roleRank[grant.role] &&
      (grant.unitPath === null || unitPath.startsWith(grant.unitPath)),
  );
}

/**
 * True when the principal may change the account (grant, revoke, disable, reset its password, link
 * a person): an administrator any account; an officer another account that holds at least one role
 * and only roles the officer could grant.
 */
export function mayManage(principal: Principal, account: { id: string; grants: AccountGrant[] }): boolean {
  if (isAdmin(principal)) return true;
  if (account.id === principal.id || account.grants.length === 0) return false;
  return account.grants.every((grant) => mayGrant(principal, grant.role, grant.unitPath));
}

/** The unit paths whose accounts the principal lists; null means every account (administrator). */
export function accountScope(principal: Principal): string[] | null {
  if (isAdmin(principal)) return null;
  const officer = principal.scopedGrants.filter((grant) => grant.role === 'tdkt_officer');
  if (officer.some((grant) => grant.unitPath === null)) return null;
  return officer.map((grant) => grant.unitPath as string);
}
