import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import type { Role } from '#contracts/auth.ts';
import type { Executor } from '../db/client.ts';
import { loginAttempts, roleGrants, sessions, units, users } from '../db/schema.ts';
import type { Principal } from './policy.ts';

/** How long a session lives without activity, and how often its last-seen time is refreshed. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** The stored id of a session: the SHA-256 of its cookie token. */
export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const hashToken = hashSessionToken;

/** Creates a session and returns the secret token for the cookie (only its hash is stored). */
export async function createSession(
  executor: Executor,
  input: { userId: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await executor.insert(sessions).values({
    id: hashToken(token),
    userId: input.userId,
    csrfToken,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
  });
  return { token, csrfToken };
}

/** Ends a session. */
export async function deleteSession(executor: Executor, token: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** Loads the user's grants with the path and name of each granted unit. */
export async function loadGrants(executor: Executor, userId: string) {
  return executor
    .select({ role: roleGrants.role, unitId: roleGrants.unitId, unitPath: units.path, unitName: units.name })
    .from(roleGrants)
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(eq(roleGrants.userId, userId))
    .orderBy(roleGrants.createdAt);
}

/** Builds the principal the policy layer works with. */
export function toPrincipal(
  user: { id: string; username: string; fullName: string; mustChangePassword?: boolean },
  grants: { role: string; unitId: string | null; unitPath: string | null; unitName: string | null }[],
): Principal {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    mustChangePassword: user.mustChangePassword ?? false,
    grants: grants.map((grant) => ({
      role: grant.role as Role,
      unitId: grant.unitId,
      unitName: grant.unitName,
    })),
    scopedGrants: grants.map((grant) => ({
      role: grant.role as Role,
      unitId: grant.unitId,
      unitPath: grant.unitPath,
    })),
  };
}

/** Resolves a cookie token to its live session and principal, sliding its expiry; null when invalid. */
export async function resolveSession(
  executor: Executor,
  token: string,
): Promise<{ principal: Principal; csrfToken: string } | null> {
  const id = hashToken(token);
  // One round trip per request: the session, its user and the user's grants with their units.
  const result = (await executor.execute(sql`
    select ${sessions.csrfToken} as "csrfToken", ${sessions.lastSeenAt} as "lastSeenAt",
           ${users.id} as "userId", ${users.username} as "username", ${users.fullName} as "fullName",
           ${users.mustChangePassword} as "mustChangePassword",
           coalesce(json_agg(json_build_object(
             'role', ${roleGrants.role}, 'unitId', ${roleGrants.unitId}, 'unitPath', ${units.path}, 'unitName', ${units.name}
           ) order by ${roleGrants.createdAt}) filter (where ${roleGrants.id} is not null), '[]') as "grants"
      from ${sessions}
      join ${users} on ${users.id} = ${sessions.userId}
      left join ${roleGrants} on ${roleGrants.userId} = ${users.id}
      left join ${units} on ${units.id} = ${roleGrants.unitId}
     where ${sessions.id} = ${id} and ${sessions.expiresAt} > now() and ${users.isActive}
     group by ${sessions.id}, ${users.id}`)) as unknown as { rows: SessionRow[] };
  const row = result.rows[0];
  if (!row) return null;
  if (Date.now() - new Date(row.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
    await executor
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + SESSION_IDLE_MS) })
      .where(eq(sessions.id, id));
  }
  return {
    principal: toPrincipal(
      {
        id: row.userId,
        username: row.username,
        fullName: row.fullName,
        mustChangePassword: row.mustChangePassword,
      },
      row.grants,
    ),
    csrfToken: row.csrfToken,
  };
}

interface SessionRow {
  csrfToken: string;
  lastSeenAt: string | Date;
  userId: string;
  username: string;
  fullName: string;
  mustChangePassword: boolean;
  grants: { role: string; unitId: string | null; unitPath: string | null; unitName: string | null }[];
}

/** How long sign-in attempts are kept: the throttle looks back this far for an account's known addresses. */
export const LOGIN_ATTEMPT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Removes expired sessions and sign-in attempts past their retention (run at start-up). */
export async function purgeExpiredSessions(executor: Executor): Promise<void> {
  await executor.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
  await executor
    .delete(loginAttempts)
    .where(
      lt(loginAttempts.createdAt, sql`now() - make_interval(secs => ${LOGIN_ATTEMPT_RETENTION_MS / 1000})`),
    );
}
