import { LOGIN_ATTEMPT_RETENTION_MS } from '#server/platform/auth/session-store.ts';

/** Failures an account may have before each further attempt must wait. */
export const FREE_FAILURES = 3;
/** The longest wait between two attempts on one account. */
export const MAX_DELAY_MS = 15 * 60 * 1000;
/** Failures older than this (or older than the account's last success) no longer slow it down. */
export const ACCOUNT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** An address the account signed in from within this time is judged on its own failures only. */
export const KNOWN_ADDRESS_MS = LOGIN_ATTEMPT_RETENTION_MS;
/** An address failing on this many distinct accounts within the window is blocked for the window. */
export const SPRAY_ACCOUNTS = 20;
export const SPRAY_WINDOW_MS = 15 * 60 * 1000;

/** What the throttle needs to know about recent sign-in attempts. */
export interface LoginHistory {
  /** The database's clock, so every time below is compared on one clock. */
  now: Date;
  /** Failures on the account since its last success (within ACCOUNT_WINDOW_MS), from every address. */
  account: { count: number; last: Date | null };
  /** The same failures, counting only those from the requesting address. */
  fromAddress: { count: number; last: Date | null };
  /** True when the account signed in successfully from the requesting address within KNOWN_ADDRESS_MS. */
  knownAddress: boolean;
  /** Distinct usernames the address failed on within SPRAY_WINDOW_MS, and its latest failure. */
  spray: { accounts: number; last: Date | null };
}

/** Why and for how long an attempt is refused. */
export interface Throttle {
  reason: 'account' | 'address';
  retryAfterMs: number;
}

/** The wait an account has earned after `failures` failures: none for the first three, then 2, 4, 8… s, capped. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES + 1) * 1000, MAX_DELAY_MS);
}

/**
 * Decides whether an attempt may go ahead. An address that failed across many accounts is blocked
 * for a while (password spraying). Otherwise the account's failures earn a growing delay: from an
 * address the owner recently signed in from, only that address's failures count, so someone
 * guessing elsewhere slows the account down for strangers but never locks its owner out.
 */
export function decideThrottle(history: LoginHistory): Throttle | null {
  const now = history.now.getTime();
  if (history.spray.accounts >= SPRAY_ACCOUNTS && history.spray.last) {
    const until = history.spray.last.getTime() + SPRAY_WINDOW_MS;
    if (until > now) return { reason: 'address', retryAfterMs: until - now };
  }
  const failures = history.knownAddress ? history.fromAddress : history.account;
  if (!failures.last) return null;
  const until = failures.last.getTime() + delayAfter(failures.count);
  return until > now ? { reason: 'account', retryAfterMs: until - now } : null;
}

/** A wait in words a user reads at a glance: "8 giây", "3 phút". */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}

/** The Vietnamese message of a refusal, saying how long to wait. */
export function throttleMessage(throttle: Throttle): string {
  const wait = formatWait(throttle.retryAfterMs);
  return throttle.reason === 'address'
    ? `Máy này đã đăng nhập sai trên quá nhiều tài khoản. Vui lòng thử lại sau ${wait}.`
    : `Tài khoản này vừa bị nhập sai mật khẩu nhiều lần. Vui lòng chờ ${wait} rồi thử lại.`;
}
