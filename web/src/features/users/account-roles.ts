import { Role, roleLabels, roleRank, type SessionUser } from '../../../../contracts/auth.ts';

/**
 * The roles the user may grant: every role for an administrator; for a TĐKT officer the roles
 * ranked below theirs (the server checks the unit too).
 */
export function grantableRoles(user: SessionUser | null): Role[] {
  if (!user) return [];
  if (user.grants.some((grant) => grant.role === 'admin')) return [...Role.options];
  const own = Math.max(
    0,
    ...user.grants.filter((g) => g.role === 'tdkt_officer').map((g) => roleRank[g.role]),
  );
  return Role.options.filter((role) => roleRank[role] < own);
}

/** Options of a role picker, in Vietnamese. */
export const roleOptions = (roles: Role[]) => roles.map((role) => ({ value: role, label: roleLabels[role] }));
