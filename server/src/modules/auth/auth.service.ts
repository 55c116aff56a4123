import type { LoginBody } from '../../../../contracts/auth.ts';
import { type ActorContext, recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import type { Principal } from '../../platform/auth/policy.ts';
import { forgetSession } from '../../platform/auth/session-cache.ts';
import { createSession, deleteSession, loadGrants, toPrincipal } from '../../platform/auth/session-store.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError, RetryLaterError } from '../../platform/http/app-error.ts';
import {
  findUserByUsername,
  insertLoginAttempt,
  loadLoginHistory,
  lockLoginAttempts,
  markLoginAttemptSucceeded,
} from './auth.repo.ts';
import { decideThrottle, throttleMessage } from './login-throttle.ts';

// Verified against when the username is unknown, so both cases take the same time.
const dummyHash = hashPassword('tdkt-timing-equaliser');

/**
 * Judges the attempt against the throttle and records it as failed until the password is proven,
 * under a per-username lock, so attempts sent at once each see the ones before them.
 */
async function admitAttempt(db: Database, username: string, ip: string): Promise<number> {
  return db.transaction(async (tx) => {
    await lockLoginAttempts(tx, username);
    const throttle = decideThrottle(await loadLoginHistory(tx, username, ip));
    if (throttle) {
      throw new RetryLaterError(
        'LOGIN_THROTTLED',
        throttleMessage(throttle),
        Math.ceil(throttle.retryAfterMs / 1000),
      );
    }
    return insertLoginAttempt(tx, { username, ip, succeeded: false });
  });
}

/** Signs a user in: throttles, checks the password, opens a session; every outcome but a refusal is audited. */
export async function login(
  db: Database,
  input: LoginBody,
  actor: ActorContext & { ip: string; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; principal: Principal }> {
  const attemptId = await admitAttempt(db, input.username, actor.ip);
  const user = await findUserByUsername(db, input.username);
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user?.isActive || !passwordMatches) {
    await db.transaction(async (tx) => {
      await recordAudit(tx, actor, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: {
          username: input.username,
          reason: user ? (user.isActive ? 'wrong_password' : 'inactive') : 'unknown_user',
        },
      });
    });
    throw new AppError('INVALID_CREDENTIALS');
  }

  return db.transaction(async (tx) => {
    await markLoginAttemptSucceeded(tx, attemptId);
    const session = await createSession(tx, { userId: user.id, ip: actor.ip, userAgent: actor.userAgent });
    await recordAudit(
      tx,
      { ...actor, userId: user.id, username: user.username },
      { action: 'auth.login', entityType: 'user', entityId: user.id },
    );
    const principal = toPrincipal(user, await loadGrants(tx, user.id));
    return { ...session, principal };
  });
}

/** Ends the session behind the token, audited. */
export async function logout(db: Database, token: string, actor: ActorContext): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, token);
    await recordAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
  forgetSession(token);
}
