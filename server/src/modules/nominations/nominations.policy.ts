import { or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '#contracts/auth.ts';
import { type Scope, scopeCondition } from '#server/modules/organisation/index.ts';
import type { units } from '#server/platform/db/schema.ts';

/** Who reads rounds and nominations within their scope: every role. */
export const READ_ROLES: readonly Role[] = ['tdkt_officer', 'unit_head', 'council_member', 'staff'];
/** Who opens rounds and writes nominations for their units: TĐKT officers (admins everywhere). */
export const WRITE_ROLES: readonly Role[] = ['tdkt_officer'];

/** True when the unit at `path` lies in the scope (null = everywhere). */
export const inScope = (scope: Scope, path: string) =>
  scope === null || scope.some((prefix) => path.startsWith(prefix));

/** True when some unit of the scope lies in the subtree of the unit at `path` (a lower level of it). */
export const reachesBelow = (scope: Scope, path: string) =>
  scope === null || scope.some((prefix) => prefix.startsWith(path));

/**
 * SQL: a round received at the unit of `path` is visible to a scope that covers it (the receiving
 * level and above) or that lies within its subtree (the lower levels nominating to it).
 */
export function roundVisibleCondition(scope: Scope, path: SQL | typeof units.path): SQL | undefined {
  if (scope === null) return undefined;
  if (!scope.length) return sql`false`;
  return or(scopeCondition(scope, path), ...scope.map((prefix) => sql`${prefix} like ${path} || '%'`));
}
