/** Failures allowed inside the window before further attempts are refused, and for how long. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/**
 * When an account or address is locked, the time the lock ends; otherwise null.
 * A lock starts at the failure that completes 5 failures within 15 minutes and lasts 15 minutes.
 * Attempts refused during a lock are not counted, so the lock ends on time.
 */
export function lockedUntil(failureTimes: readonly Date[], now: Date): Date | null {
  const times = failureTimes.map((time) => time.getTime()).sort((a, b) => a - b);
  let until = 0;
  for (let index = LOGIN_MAX_FAILURES - 1; index < times.length; index++) {
    const last = times[index] as number;
    const first = times[index - LOGIN_MAX_FAILURES + 1] as number;
    if (last - first <= LOGIN_WINDOW_MS) until = Math.max(until, last + LOGIN_WINDOW_MS);
  }
  return until > now.getTime() ? new Date(until) : null;
}
