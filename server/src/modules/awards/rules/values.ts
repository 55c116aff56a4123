/**
 * Three-valued results with the weight of unconfirmed (U) conditions. A U condition never decides:
 * met, it does not block its route (it is only one more requirement that may not exist); unmet, it
 * cannot fail the verdict; and a route made only of U conditions cannot make a subject eligible.
 */
export const Value = {
  /** Decided false by a C or S condition. */
  FALSE: 0,
  /** A U condition not met: cannot fail. */
  WEAK_FALSE: 1,
  /** Cannot be decided: a judgment of the council, or facts that only an officer can weigh. */
  UNKNOWN: 2,
  /** A U condition met: does not block, cannot decide alone. */
  WEAK_TRUE: 3,
  /** Decided true by C or S conditions. */
  TRUE: 4,
} as const;
export type Value = (typeof Value)[keyof typeof Value];

/** Value of one condition from what the facts show and its confidence mark. */
export function leafValue(met: boolean | null, unconfirmed: boolean): Value {
  if (met === null) return Value.UNKNOWN;
  if (unconfirmed) return met ? Value.WEAK_TRUE : Value.WEAK_FALSE;
  return met ? Value.TRUE : Value.FALSE;
}

/** all-of: one decided failure fails; doubt makes it unknown; it holds when some decisive condition holds. */
export function allOf(values: Value[]): Value {
  let hasTrue = false;
  let hasDoubt = false;
  for (const value of values) {
    if (value === Value.FALSE) return Value.FALSE;
    if (value === Value.UNKNOWN || value === Value.WEAK_FALSE) hasDoubt = true;
    if (value === Value.TRUE) hasTrue = true;
  }
  if (hasDoubt) return Value.UNKNOWN;
  return hasTrue ? Value.TRUE : Value.WEAK_TRUE;
}

/** any-of: one decided route is enough; a route that might hold makes it unknown. */
export function anyOf(values: Value[]): Value {
  let hasDoubt = false;
  for (const value of values) {
    if (value === Value.TRUE) return Value.TRUE;
    if (value === Value.UNKNOWN || value === Value.WEAK_TRUE) hasDoubt = true;
  }
  return hasDoubt ? Value.UNKNOWN : Value.FALSE;
}
