import { describe, expect, it } from 'vitest';
import { lockedUntil } from './login-throttle.ts';

const minutes = (n: number) => new Date(Date.UTC(2026, 0, 1, 8, 0) + n * 60_000);

describe('lockedUntil', () => {
  it('does not lock after four failures', () => {
    expect(lockedUntil([1, 2, 3, 4].map(minutes), minutes(5))).toBeNull();
  });

  it('locks for 15 minutes from the fifth failure within 15 minutes', () => {
    const failures = [0, 1, 2, 3, 10].map(minutes);
    expect(lockedUntil(failures, minutes(11))).toEqual(minutes(25));
    expect(lockedUntil(failures, minutes(24))).toEqual(minutes(25));
    expect(lockedUntil(failures, minutes(25))).toBeNull();
  });

  it('does not lock when the five failures are spread over more than 15 minutes', () => {
    expect(lockedUntil([0, 4, 8, 12, 16].map(minutes), minutes(17))).toBeNull();
  });

  it('ignores the order the failures are given in', () => {
    expect(lockedUntil([10, 3, 0, 2, 1].map(minutes), minutes(12))).toEqual(minutes(25));
  });
});
