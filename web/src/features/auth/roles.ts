import { type Grant, type Role, roleLabels, type SessionUser } from '../../../../contracts/auth.ts';

/** True when the user holds the role on at least one unit (or system-wide). */
export function hasRole(user: SessionUser | null | undefined, role: Role): boolean {
  return user?.grants.some((grant) => grant.role === role) ?? false;
}

/** The Vietnamese name of a grant's role. */
export function roleLabel(grant: Grant): string {
  return roleLabels[grant.role] ?? grant.role;
}

/** Where a grant applies: the unit's name, or the whole system for unit-less grants. */
export function grantScope(grant: Grant): string {
  return grant.unitName ?? (grant.unitId ? 'Đơn vị được phân quyền' : 'Toàn hệ thống');
}

/** "Role · Unit" of a grant, as shown in the header and on the home page. */
export function describeGrant(grant: Grant): string {
  return `${roleLabel(grant)} · ${grantScope(grant)}`;
}

/**
 * Only same-site paths are accepted as a place to go after signing in, so a crafted link cannot send
 * the user to another site.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/dang-nhap')) return '/';
  return next;
}
