import { and, desc, eq, gt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { loginAttempts, users } from '../../platform/db/schema.ts';

/** One account by its username, with its password hash. */
export async function findUserByUsername(executor: Executor, username: string) {
  const [row] = await executor.select().from(users).where(eq(users.username, username)).limit(1);
  return row ?? null;
}

/** Records a login attempt for throttling. */
export async function insertLoginAttempt(
  executor: Executor,
  attempt: { username: string; ip: string; succeeded: boolean },
): Promise<void> {
  await executor.insert(loginAttempts).values(attempt);
}

/**
 * Recent failed attempts for the account (since its last success) and for the address,
 * within the last half hour — enough to decide a 15-minute lock.
 */
export async function listRecentFailures(executor: Executor, username: string, ip: string) {
  const since = sql`now() - interval '30 minutes'`;
  const [lastSuccess] = await executor
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username),
        eq(loginAttempts.succeeded, true),
        gt(loginAttempts.createdAt, since),
      ),
    )
    .orderBy(desc(loginAttempts.createdAt))
    .limit(1);
  const rows = await executor
    .select({ username: loginAttempts.username, ip: loginAttempts.ip, at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.createdAt, since),
        or(eq(loginAttempts.username, username), eq(loginAttempts.ip, ip)),
      ),
    );
  return {
    byAccount: rows
      .filter((row) => row.username === username && (!lastSuccess || row.at > lastSuccess.at))
      .map((row) => row.at),
    byAddress: rows.filter((row) => row.ip === ip).map((row) => row.at),
  };
}
