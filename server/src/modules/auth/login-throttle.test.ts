import { describe, expect, it } from 'vitest';
import {
  decideThrottle,
  delayAfter,
  formatWait,
  type LoginHistory,
  MAX_DELAY_MS,
  throttleMessage,
} from './login-throttle.ts';

const seconds = (n: number) => new Date(Date.UTC(2026, 0, 1, 8, 0) + n * 1000);
const none = { count: 0, last: null };

/** A history at second 100 with the given parts. */
const history = (parts: Partial<LoginHistory>): LoginHistory => ({
  now: seconds(100),
  account: none,
  fromAddress: none,
  knownAddress: false,
  spray: { accounts: 0, last: null },
  ...parts,
});

describe('delayAfter', () => {
  it('lets the first three failures go without a wait, then doubles the wait up to 15 minutes', () => {
    expect([0, 1, 2].map(delayAfter)).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map(delayAfter)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(delayAfter(12)).toBe(MAX_DELAY_MS);
    expect(delayAfter(500)).toBe(MAX_DELAY_MS);
  });
});

describe('decideThrottle', () => {
  it('lets an attempt through after two failures', () => {
    expect(decideThrottle(history({ account: { count: 2, last: seconds(99) } }))).toBeNull();
  });

  it('makes the next attempt wait 2^n seconds after the last of n ≥ 3 failures', () => {
    expect(decideThrottle(history({ account: { count: 5, last: seconds(95) } }))).toEqual({
      reason: 'account',
      retryAfterMs: 3_000,
    });
    expect(decideThrottle(history({ account: { count: 5, last: seconds(92) } }))).toBeNull();
  });

  it('judges an address the owner signed in from on that address’s failures only', () => {
    const attacked = { account: { count: 9, last: seconds(99) }, fromAddress: none };
    expect(decideThrottle(history({ ...attacked, knownAddress: false }))?.reason).toBe('account');
    expect(decideThrottle(history({ ...attacked, knownAddress: true }))).toBeNull();
    expect(
      decideThrottle(
        history({ ...attacked, knownAddress: true, fromAddress: { count: 4, last: seconds(99) } }),
      ),
    ).toEqual({ reason: 'account', retryAfterMs: 3_000 });
  });

  it('blocks an address that failed on 20 accounts for 15 minutes after its last failure', () => {
    expect(decideThrottle(history({ spray: { accounts: 19, last: seconds(99) } }))).toBeNull();
    expect(decideThrottle(history({ spray: { accounts: 20, last: seconds(40) } }))).toEqual({
      reason: 'address',
      retryAfterMs: 15 * 60_000 - 60_000,
    });
    expect(decideThrottle(history({ spray: { accounts: 20, last: seconds(100 - 15 * 60) } }))).toBeNull();
  });
});

describe('throttleMessage', () => {
  it('says in Vietnamese how long to wait, in seconds or whole minutes', () => {
    expect(formatWait(1_200)).toBe('2 giây');
    expect(formatWait(64_000)).toBe('2 phút');
    expect(throttleMessage({ reason: 'account', retryAfterMs: 8_000 })).toBe(
      'Tài khoản này vừa bị nhập sai mật khẩu nhiều lần. Vui lòng chờ 8 giây rồi thử lại.',
    );
    expect(throttleMessage({ reason: 'address', retryAfterMs: 14 * 60_000 })).toContain('14 phút');
  });
});
