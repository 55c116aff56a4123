import { inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '#contracts/auth.ts';
import type { Principal } from '#server/platform/auth/policy.ts';
import { isAdmin, scopePaths } from '#server/platform/auth/policy.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { predecessorPaths } from './units/units.repo.ts';

/** Who may read units, councils and blocs (within their scope): every role. */
export const READ_ROLES: readonly Role[] = ['tdkt_officer', 'unit_head', 'council_member', 'staff'];
/** Who may read people of their scope; staff members see only their own record. */
export const PERSON_READ_ROLES: readonly Role[] = ['tdkt_officer', 'unit_head', 'council_member'];
/** Who may change organisation data (and see sensitive fields) within their scope; admins everywhere. */
export const WRITE_ROLES: readonly Role[] = ['tdkt_officer'];

/**
 * The unit paths a user reaches with the roles (null = everywhere): the subtrees of their grants,
 * plus the subtrees of every unit those units succeeded (a commune officer still finds what belonged
 * to the abolished district it took over).
 */
export type Scope = string[] | null;

/** Resolves the user's scope for the roles, following successions backwards from the granted units. */
export async function resolveScope(
  executor: Executor,
  principal: Principal,
  roles: readonly Role[],
): Promise<Scope> {
  const paths = scopePaths(principal, roles);
  if (paths === null) return null;
  const unitIds = principal.scopedGrants
    .filter((grant) => grant.unitId && roles.includes(grant.role))
    .map((grant) => grant.unitId as string);
  if (!unitIds.length) return paths;
  const extra = await predecessorPaths(executor, unitIds);
  return [...new Set([...paths, ...extra])];
}

/** True when the unit at `path` lies in the scope. */
export function inScope(scope: Scope, path: string): boolean {
  return scope === null || scope.some((prefix) => path.startsWith(prefix));
}

/** Throws 403 OUT_OF_SCOPE unless the unit at `path` lies in the scope. */
export function assertInScope(scope: Scope, path: string): void {
  if (!inScope(scope, path)) throw new AppError('OUT_OF_SCOPE');
}

/** SQL condition "the unit path column lies in the scope" (undefined = no restriction). */
export function scopeCondition(
  scope: Scope,
  pathColumn: SQL | typeof units.path = units.path,
): SQL | undefined {
  if (scope === null) return undefined;
  if (!scope.length) return sql`false`;
  return or(...scope.map((prefix) => like(pathColumn, `${prefix}%`)));
}

/** True when the user administers the whole system. */
export const canAdminister = (principal: Principal) => isAdmin(principal);

/** Condition for a list of unit ids (helper for repos). */
export const unitIdIn = (ids: string[]) => (ids.length ? inArray(units.id, ids) : sql`false`);
