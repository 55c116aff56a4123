import type { LoginBody } from '../../../../contracts/auth.ts';
import { type ActorContext, recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import type { Principal } from '../../platform/auth/policy.ts';
import { forgetSession } from '../../platform/auth/session-cache.ts';
import { createSession, deleteSession, loadGrants, toPrincipal } from '../../platform/auth/session-store.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { findUserByUsername, insertLoginAttempt, listRecentFailures } from './auth.repo.ts';
import { lockedUntil } from './login-throttle.ts';

// Verified against when the username is unknown, so both cases take the same time.
const dummyHash = hashPassword('tdkt-timing-equaliser');

/** Signs a user in: throttles, checks the password, opens a session; every outcome is audited. */
export async function login(
  db: Database,
  input: LoginBody,
  actor: ActorContext & { ip: string; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; principal: Principal }> {
  const failures = await listRecentFailures(db, input.username, actor.ip);
  const now = new Date();
  const lock = [lockedUntil(failures.byAccount, now), lockedUntil(failures.byAddress, now)]
    .filter((value): value is Date => value !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (lock) {
    const minutesLeft = Math.max(1, Math.ceil((lock.getTime() - now.getTime()) / 60_000));
    throw new AppError(
      'LOGIN_THROTTLED',
      `Đăng nhập sai quá 5 lần trong 15 phút. Vui lòng thử lại sau ${minutesLeft} phút.`,
    );
  }

  const user = await findUserByUsername(db, input.username);
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user?.isActive || !passwordMatches) {
    await db.transaction(async (tx) => {
      await insertLoginAttempt(tx, { username: input.username, ip: actor.ip, succeeded: false });
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
    await insertLoginAttempt(tx, { username: input.username, ip: actor.ip, succeeded: true });
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
