import { and, count, countDistinct, eq, gt, max, ne, sql } from 'drizzle-orm';
import { hashSessionToken } from '#server/platform/auth/session-store.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { loginAttempts, sessions, users } from '#server/platform/db/schema.ts';
import { ACCOUNT_WINDOW_MS, KNOWN_ADDRESS_MS, type LoginHistory, SPRAY_WINDOW_MS } from './login-throttle.ts';

/** One account by its username, with its password hash. */
export async function findUserByUsername(executor: Executor, username: string) {
  const [row] = await executor.select().from(users).where(eq(users.username, username)).limit(1);
  return row ?? null;
}

/** One account by its id, with its password hash. */
export async function findUserById(executor: Executor, id: string) {
  const [row] = await executor.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/** Stores the user's own new password, lifting a one-time password's restriction. */
export async function updateOwnPassword(executor: Executor, id: string, passwordHash: string): Promise<void> {
  await executor
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: new Date(),
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
      updatedBy: id,
    })
    .where(eq(users.id, id));
}

/** Ends every session of the user but the one behind `token`. */
export async function deleteOtherSessions(executor: Executor, userId: string, token: string): Promise<void> {
  await executor
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, hashSessionToken(token))));
}

/** Holds, until the transaction ends, the right to judge and record an attempt on this username. */
export async function lockLoginAttempts(executor: Executor, username: string): Promise<void> {
  await executor.execute(sql`select pg_advisory_xact_lock(hashtext(${`tdkt.login:${username}`}))`);
}

/** Records a login attempt; returns its id so a pending attempt can be marked as succeeded. */
export async function insertLoginAttempt(
  executor: Executor,
  attempt: { username: string; ip: string; succeeded: boolean },
): Promise<number> {
  const [row] = await executor.insert(loginAttempts).values(attempt).returning({ id: loginAttempts.id });
  return (row as { id: number }).id;
}

/** Marks an attempt recorded as pending (failed until proven) as succeeded. */
export async function markLoginAttemptSucceeded(executor: Executor, id: number): Promise<void> {
  await executor.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, id));
}

const ago = (ms: number) => sql`now() - make_interval(secs => ${ms / 1000})`;

/** The recent attempts the throttle judges, in three small aggregate queries on the indexed columns. */
export async function loadLoginHistory(
  executor: Executor,
  username: string,
  ip: string,
): Promise<LoginHistory> {
  const byAccount = eq(loginAttempts.username, username);
  const [lastSuccess] = await executor
    .select({ at: max(loginAttempts.createdAt), known: sql<boolean>`bool_or(${loginAttempts.ip} = ${ip})` })
    .from(loginAttempts)
    .where(
      and(byAccount, eq(loginAttempts.succeeded, true), gt(loginAttempts.createdAt, ago(KNOWN_ADDRESS_MS))),
    );
  const accountFailures = and(
    byAccount,
    eq(loginAttempts.succeeded, false),
    gt(loginAttempts.createdAt, ago(ACCOUNT_WINDOW_MS)),
    lastSuccess?.at ? gt(loginAttempts.createdAt, lastSuccess.at) : undefined,
  );
  const fromHere = sql`${loginAttempts.ip} = ${ip}`;
  const [account] = await executor
    .select({
      count: count(),
      last: max(loginAttempts.createdAt),
      countHere: sql<number>`count(*) filter (where ${fromHere})`.mapWith(Number),
      lastHere: sql<Date | null>`max(${loginAttempts.createdAt}) filter (where ${fromHere})`.mapWith(
        loginAttempts.createdAt,
      ),
    })
    .from(loginAttempts)
    .where(accountFailures);
  const [spray] = await executor
    .select({
      accounts: countDistinct(loginAttempts.username),
      last: max(loginAttempts.createdAt),
      now: sql<Date>`now()`.mapWith(loginAttempts.createdAt),
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.createdAt, ago(SPRAY_WINDOW_MS)),
      ),
    );
  return {
    now: spray?.now ?? new Date(),
    account: { count: account?.count ?? 0, last: account?.last ?? null },
    fromAddress: { count: account?.countHere ?? 0, last: account?.lastHere ?? null },
    knownAddress: lastSuccess?.known === true,
    spray: { accounts: spray?.accounts ?? 0, last: spray?.last ?? null },
  };
}
