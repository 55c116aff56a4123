/** A seeded pseudo-random source, so a fuzz run sends the same requests every time. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `count` distinct elements of a list (all of it when shorter), in a stable order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A version-4 shaped uuid. */
  uuid(): string;
}

/** Mulberry32: small, fast and good enough to spread fuzz cases; the same seed gives the same run. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const hex = (length: number) => Array.from({ length }, () => int(16).toString(16)).join('');
  return {
    next,
    int,
    pick: (items) => items[int(items.length)] as (typeof items)[number],
    sample: (items, count) => {
      const pool = [...items];
      const chosen: (typeof items)[number][] = [];
      while (pool.length && chosen.length < count) chosen.push(pool.splice(int(pool.length), 1)[0] as never);
      return chosen;
    },
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`,
  };
}
