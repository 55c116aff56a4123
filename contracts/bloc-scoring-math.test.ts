import { describe, expect, it } from 'vitest';
import {
  type CriterionRule,
  leafScore,
  previewSheet,
  quantitativeScore,
  roundPoints,
  scoreBloc,
  scoreTree,
} from './bloc-scoring-math.ts';

const rule = (
  fields: Partial<CriterionRule> & Pick<CriterionRule, 'id' | 'kind' | 'maxPoints'>,
): CriterionRule => ({
  parentId: null,
  pointsPerItem: null,
  penaltyPerItem: null,
  minPoints: null,
  ...fields,
});

describe('roundPoints', () => {
  it('rounds to two decimals, half away from zero, without binary drift', () => {
    expect(roundPoints(1.005)).toBe(1.01);
    expect(roundPoints(2.675)).toBe(2.68);
    expect(roundPoints(-1.005)).toBe(-1.01);
    expect(roundPoints(10 / 3)).toBe(3.33);
    expect(roundPoints(-0.001)).toBe(0);
  });
});

describe('quantitativeScore (awards-research §d.3)', () => {
  it('scores below target in proportion to half the maximum', () => {
    expect(quantitativeScore(20, 80, 100, 1.5)).toBe(8);
    expect(quantitativeScore(15, 1, 3, null)).toBe(2.5);
  });
  it('scores half the maximum on target', () => {
    expect(quantitativeScore(20, 100, 100, 1.2)).toBe(10);
  });
  it('gives the maximum to the unit leading the bloc', () => {
    expect(quantitativeScore(20, 150, 100, 1.5)).toBe(20);
    expect(quantitativeScore(20, 150, 100, null)).toBe(20);
  });
  it('scores an exceeding unit that does not lead between half and the maximum, as (actual − target)/(leader − target)', () => {
    // Same target 100, leader 150: (120 − 100)/(150 − 100) = 0.4 → 10 + 10·0.4 = 14.
    expect(quantitativeScore(20, 120, 100, 1.5)).toBe(14);
    // Own targets: ratio 1.1 against a best ratio 1.3 → 10 + 10·(0.1/0.3) = 13.33.
    expect(quantitativeScore(20, 55, 50, 1.3)).toBe(13.33);
  });
  it('scores 0 without a target, with a target of 0, or without a figure', () => {
    expect(quantitativeScore(20, 50, null, null)).toBe(0);
    expect(quantitativeScore(20, 50, 0, null)).toBe(0);
    expect(quantitativeScore(20, null, 100, null)).toBe(0);
  });
});

describe('leafScore', () => {
  it('qualitative: the maximum when met, else 0', () => {
    const criterion = rule({ id: 'a', kind: 'qualitative', maxPoints: 5 });
    expect(leafScore(criterion, { met: true }, null, null)).toBe(5);
    expect(leafScore(criterion, { met: false }, null, null)).toBe(0);
    expect(leafScore(criterion, null, null, null)).toBe(0);
  });
  it('fixed: points per counted item, capped at the maximum', () => {
    const criterion = rule({ id: 'a', kind: 'fixed', maxPoints: 20, pointsPerItem: 0.4 });
    expect(leafScore(criterion, { count: 12 }, null, null)).toBe(4.8);
    expect(leafScore(criterion, { count: 60 }, null, null)).toBe(20);
  });
  it('bonus/penalty: bonus minus penalty, within its bounds', () => {
    const criterion = rule({
      id: 'a',
      kind: 'bonus_penalty',
      maxPoints: 15,
      pointsPerItem: 10,
      penaltyPerItem: 2.5,
      minPoints: -5,
    });
    expect(leafScore(criterion, { bonusCount: 1 }, null, null)).toBe(10);
    expect(leafScore(criterion, { bonusCount: 2 }, null, null)).toBe(15);
    expect(leafScore(criterion, { bonusCount: 1, penaltyCount: 2 }, null, null)).toBe(5);
    expect(leafScore(criterion, { penaltyCount: 3 }, null, null)).toBe(-5);
    expect(leafScore({ ...criterion, minPoints: null }, { penaltyCount: 3 }, null, null)).toBe(0);
  });
});

describe('scoreTree', () => {
  const rules = [
    rule({ id: 'I', kind: 'group', maxPoints: 30 }),
    rule({ id: 'I.1', parentId: 'I', kind: 'quantitative', maxPoints: 20 }),
    rule({ id: 'I.2', parentId: 'I', kind: 'qualitative', maxPoints: 15 }),
    rule({
      id: 'II',
      kind: 'bonus_penalty',
      maxPoints: 15,
      pointsPerItem: 10,
      penaltyPerItem: 5,
      minPoints: -10,
    }),
  ];
  it('sums leaves into groups capped at their maximum, and groups into the total', () => {
    const figures: Record<string, object> = {
      'I.1': { actual: 120 },
      'I.2': { met: true },
      II: { bonusCount: 1 },
    };
    const { points, total } = scoreTree(
      rules,
      (id) => figures[id] ?? null,
      (id) => (id === 'I.1' ? 100 : null),
      () => 1.5,
    );
    expect(points.get('I.1')).toBe(14);
    expect(points.get('I')).toBe(29);
    expect(total).toBe(39);
  });
  it('lets a penalty take the total down', () => {
    const { total } = scoreTree(
      rules,
      (id) => (id === 'II' ? { penaltyCount: 3 } : id === 'I.2' ? { met: true } : null),
      () => null,
      () => null,
    );
    expect(total).toBe(5);
  });
  it('caps a group at its maximum', () => {
    const { points } = scoreTree(
      rules,
      (id) => (id === 'I.1' ? { actual: 200 } : id === 'I.2' ? { met: true } : null),
      () => 100,
      () => 2,
    );
    expect(points.get('I')).toBe(30);
  });
});

describe('scoreBloc', () => {
  it('gives the maximum to the unit with the best completion ratio and scales the others to it', async () => {
    const rules = [rule({ id: 'q', kind: 'quantitative', maxPoints: 20 })];
    const unitOf = (unitId: string, actual: number, target: number) => ({
      unitId,
      figures: new Map([['q', { actual }]]),
      targets: new Map([['q', target]]),
    });
    const scores = scoreBloc(rules, [unitOf('a', 150, 100), unitOf('b', 120, 100), unitOf('c', 90, 100)]);
    expect(scores.get('a')?.total).toBe(20);
    expect(scores.get('b')?.total).toBe(14);
    expect(scores.get('c')?.total).toBe(9);
  });
});

describe('previewSheet', () => {
  const rows = [
    {
      criterion: rule({ id: 'g', kind: 'group', maxPoints: 30 }),
      target: null,
      score: 12,
      othersBestRatio: null,
    },
    {
      criterion: rule({ id: 'q', parentId: 'g', kind: 'quantitative', maxPoints: 20 }),
      target: 100,
      score: 10,
      othersBestRatio: 1.5,
    },
    {
      criterion: rule({ id: 'f', parentId: 'g', kind: 'fixed', maxPoints: 10, pointsPerItem: 2 }),
      target: null,
      score: 2,
      othersBestRatio: null,
    },
    {
      criterion: rule({ id: 'm', kind: 'qualitative', maxPoints: 5 }),
      target: null,
      score: 5,
      othersBestRatio: null,
    },
  ];
  it('keeps the saved points of untouched criteria and sums them as the server does', () => {
    const { points, total } = previewSheet(rows, () => undefined);
    expect(points.get('g')).toBe(12);
    expect(total).toBe(17);
  });
  it('scores typed figures by their kind against the best ratio of the other members, capping the group', () => {
    const typed = new Map([
      ['q', { actual: 125 }],
      ['f', { count: 9 }],
    ]);
    const { points, total } = previewSheet(rows, (id) => typed.get(id));
    expect(points.get('q')).toBe(15);
    expect(points.get('f')).toBe(10);
    expect(points.get('g')).toBe(25);
    expect(total).toBe(30);
    const leads = previewSheet(rows, (id) => (id === 'q' ? { actual: 160 } : undefined));
    expect(leads.points.get('q')).toBe(20);
  });
});
