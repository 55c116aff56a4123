import {
  assertInScope,
  inScope,
  READ_ROLES,
  resolveScope,
  type Scope,
  WRITE_ROLES,
} from '#server/modules/organisation/organisation.policy.ts';
import type { Principal } from '#server/platform/auth/policy.ts';
import type { Executor } from '#server/platform/db/client.ts';

/** The caller of a use case: principal and audit actor. */
export type { Caller } from '#server/modules/organisation/units/units.service.ts';

/**
 * Who may do what with decisions and funds: the emulation officers (tdkt_officer) of the issuing
 * unit's subtree write (draft, issue, revoke, pay); every role of that subtree reads.
 */
export async function writeScope(db: Executor, principal: Principal): Promise<Scope> {
  return resolveScope(db, principal, WRITE_ROLES);
}

export async function readScope(db: Executor, principal: Principal): Promise<Scope> {
  return resolveScope(db, principal, READ_ROLES);
}

/** Throws 403 OUT_OF_SCOPE unless the caller is an officer over the unit at `path`. */
export async function assertCanWrite(db: Executor, principal: Principal, path: string): Promise<void> {
  assertInScope(await writeScope(db, principal), path);
}

/** Throws 403 OUT_OF_SCOPE unless the caller may read the unit at `path`. */
export async function assertCanRead(db: Executor, principal: Principal, path: string): Promise<void> {
  assertInScope(await readScope(db, principal), path);
}

export { inScope };
