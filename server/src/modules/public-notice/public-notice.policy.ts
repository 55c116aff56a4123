import type { Role } from '#contracts/auth.ts';
import type { Scope } from '#server/modules/organisation/index.ts';

/** Who reads the notices and comments of their level: its officers, heads and council members. */
export const NOTICE_READ_ROLES: readonly Role[] = ['tdkt_officer', 'unit_head', 'council_member'];
/** Who posts, withdraws and moderates: the TĐKT officers of the receiving level (admins everywhere). */
export const NOTICE_WRITE_ROLES: readonly Role[] = ['tdkt_officer'];

/** True when the unit at `path` lies in the scope (null = everywhere). */
export const inScope = (scope: Scope, path: string) =>
  scope === null || scope.some((prefix) => path.startsWith(prefix));
