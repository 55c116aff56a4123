import type { ChangePasswordBody, LoginBody } from '#contracts/auth.ts';
import { type ActorContext, recordAudit } from '#server/platform/audit/audit.ts';
import { hashPassword, verifyPassword } from '#server/platform/auth/password.ts';
import type { Principal } from '#server/platform/auth/policy.ts';
import { forgetSession, forgetUserSessions } from '#server/platform/auth/session-cache.ts';
import {
  createSession,
  deleteSession,
  loadGrants,
  toPrincipal,
} from '#server/platform/auth/session-store.ts';
import type { Database } from '#server/platform/db/client.ts';
import { AppError, RetryLaterError } from '#server/platform/http/app-error.ts';
import {
  deleteOtherSessions,
  findUserById,
  findUserByUsername,
  insertLoginAttempt,
  loadLoginHistory,
  lockLoginAttempts,
  markLoginAttemptSucceeded,
  updateOwnPassword,
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
    // Only someone who knows the password learns that the account is disabled.
    const isDisabled = Boolean(user && !user.isActive && passwordMatches);
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
    throw new AppError(isDisabled ? 'ACCOUNT_DISABLED' : 'INVALID_CREDENTIALS');
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

/**
 * Changes the signed-in user's own password: the current one must match; the new one is 10–256
 * characters, differs from it and does not contain the username. A wrong current password counts
 * as a failed sign-in for the throttle and is audited. Ends the user's other sessions and lifts the
 * one-time password's restriction; audited.
 */
export async function changePassword(
  db: Database,
  principal: Principal,
  token: string,
  input: ChangePasswordBody,
  actor: ActorContext,
): Promise<Principal> {
  const user = await findUserById(db, principal.id);
  if (!user?.isActive) throw new AppError('UNAUTHENTICATED');
  if (input.newPassword.toLowerCase().includes(user.username)) {
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu mới không được chứa tên đăng nhập.', [
      { path: 'newPassword', message: 'Mật khẩu mới không được chứa tên đăng nhập' },
    ]);
  }
  // Guessing the current password through a stolen session is throttled like signing in.
  const attemptId = await admitAttempt(db, user.username, actor.ip ?? '');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await db.transaction(async (tx) => {
      await recordAudit(tx, actor, {
        action: 'auth.password_change_failed',
        entityType: 'user',
        entityId: user.id,
      });
    });
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', [
      { path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await markLoginAttemptSucceeded(tx, attemptId);
    await updateOwnPassword(tx, user.id, passwordHash);
    await deleteOtherSessions(tx, user.id, token);
    await recordAudit(tx, actor, {
      action: 'auth.password_change',
      entityType: 'user',
      entityId: user.id,
      after: { oneTimeReplaced: user.mustChangePassword },
    });
  });
  forgetUserSessions(user.id);
  return { ...principal, mustChangePassword: false };
}
