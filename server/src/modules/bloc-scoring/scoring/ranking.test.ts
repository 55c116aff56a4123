import { describe, expect, it } from 'vitest';
import { type RankInput, rankUnits } from './ranking.ts';

const unit = (unitId: string, total: number, extra: Partial<RankInput> = {}): RankInput => ({
  unitId,
  total,
  pointsByCode: new Map(),
  womenShare: null,
  votes: null,
  ...extra,
});
const ids = (result: ReturnType<typeof rankUnits>) => result.ranked.map((row) => `${row.unitId}:${row.rank}`);

describe('rankUnits', () => {
  it('ranks by total, compared to the cent, and flags the leader', () => {
    const result = rankUnits([unit('a', 90.5), unit('b', 95.004), unit('c', 80)], [], 1);
    expect(ids(result)).toEqual(['b:1', 'a:2', 'c:3']);
    expect(result.ranked.map((row) => row.isLeading)).toEqual([true, false, false]);
    expect(result.unresolved).toBe(false);
  });

  it('breaks a tie on the named criterion first, then the next one', () => {
    const chain = [
      { kind: 'criterion' as const, criterionCode: '1.1' },
      { kind: 'criterion' as const, criterionCode: '1.2' },
    ];
    const result = rankUnits(
      [
        unit('a', 90, {
          pointsByCode: new Map([
            ['1.1', 10],
            ['1.2', 5],
          ]),
        }),
        unit('b', 90, {
          pointsByCode: new Map([
            ['1.1', 10],
            ['1.2', 7],
          ]),
        }),
        unit('c', 90, { pointsByCode: new Map([['1.1', 12]]) }),
      ],
      chain,
      1,
    );
    expect(ids(result)).toEqual(['c:1', 'b:2', 'a:3']);
    expect(result.ranked[1]?.decidedBy).toEqual(chain[0]);
    expect(result.ranked[2]?.decidedBy).toEqual(chain[1]);
  });

  it('prefers a collective with at least 70 % women, then the bloc vote', () => {
    const chain = [{ kind: 'women_share' as const }, { kind: 'vote' as const }];
    const result = rankUnits(
      [
        unit('a', 88, { womenShare: 0.5, votes: 5 }),
        unit('b', 88, { womenShare: 0.7, votes: 1 }),
        unit('c', 88, { womenShare: 0.72, votes: 3 }),
      ],
      chain,
      1,
    );
    expect(ids(result)).toEqual(['c:1', 'b:2', 'a:3']);
    expect(result.ranked[1]?.decidedBy).toEqual({ kind: 'vote' });
    expect(result.ranked[2]?.decidedBy).toEqual({ kind: 'women_share' });
  });

  it('gives units the chain cannot separate the same rank and reports a tie across the leading places', () => {
    const result = rankUnits([unit('a', 90), unit('b', 90), unit('c', 70)], [{ kind: 'vote' }], 1);
    expect(ids(result)).toEqual(['a:1', 'b:1', 'c:3']);
    expect(result.unresolved).toBe(true);
    const two = rankUnits([unit('a', 90), unit('b', 90), unit('c', 70)], [{ kind: 'vote' }], 2);
    expect(two.unresolved).toBe(false);
    expect(two.ranked.filter((row) => row.isLeading)).toHaveLength(2);
  });

  it('lets the vote settle a tie the other steps left', () => {
    const result = rankUnits(
      [unit('a', 90, { votes: 2 }), unit('b', 90, { votes: 4 })],
      [{ kind: 'women_share' }, { kind: 'vote' }],
      1,
    );
    expect(ids(result)).toEqual(['b:1', 'a:2']);
    expect(result.unresolved).toBe(false);
  });
});
