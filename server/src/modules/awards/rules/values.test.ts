import { describe, expect, it } from 'vitest';
import { allOf, anyOf, leafValue, Value } from './values.ts';

const { FALSE, WEAK_FALSE, UNKNOWN, WEAK_TRUE, TRUE } = Value;

describe('three-valued logic with unconfirmed conditions', () => {
  it('maps a confirmed condition to true or false and an unconfirmed one to a weak value', () => {
    expect(leafValue(true, false)).toBe(TRUE);
    expect(leafValue(false, false)).toBe(FALSE);
    expect(leafValue(true, true)).toBe(WEAK_TRUE);
    expect(leafValue(false, true)).toBe(WEAK_FALSE);
    expect(leafValue(null, false)).toBe(UNKNOWN);
  });

  it('lets a confirmed failure fail an all-of, but an unconfirmed one only raises doubt', () => {
    expect(allOf([TRUE, FALSE, UNKNOWN])).toBe(FALSE);
    expect(allOf([TRUE, WEAK_FALSE])).toBe(UNKNOWN);
    expect(allOf([TRUE, UNKNOWN])).toBe(UNKNOWN);
  });

  it('treats a met unconfirmed requirement as no obstacle beside confirmed ones', () => {
    expect(allOf([TRUE, WEAK_TRUE])).toBe(TRUE);
    expect(allOf([WEAK_TRUE, WEAK_TRUE])).toBe(WEAK_TRUE);
  });

  it('never lets an unconfirmed route alone make an any-of true', () => {
    expect(anyOf([FALSE, WEAK_TRUE])).toBe(UNKNOWN);
    expect(anyOf([FALSE, TRUE, UNKNOWN])).toBe(TRUE);
    expect(anyOf([FALSE, WEAK_FALSE])).toBe(FALSE);
    expect(anyOf([FALSE, UNKNOWN])).toBe(UNKNOWN);
  });
});
