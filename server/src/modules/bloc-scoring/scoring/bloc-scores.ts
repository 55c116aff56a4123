import type { Figures } from '#contracts/bloc-scoring.ts';
import { type CriterionRule, completionRatio, scoreTree } from './scoring-math.ts';

/** One member unit's figures in force and targets, by criterion id. */
export interface UnitFigures {
  unitId: string;
  figures: ReadonlyMap<string, Figures>;
  targets: ReadonlyMap<string, number>;
}

/**
 * Scores every member of a bloc: first the best completion ratio of each quantitative criterion
 * (who leads it), then each unit's tree. Returns each unit's points per criterion and total.
 */
export function scoreBloc(
  rules: readonly CriterionRule[],
  members: readonly UnitFigures[],
): Map<string, { points: Map<string, number>; total: number }> {
  const leader = new Map<string, number>();
  for (const rule of rules) {
    if (rule.kind !== 'quantitative') continue;
    for (const unit of members) {
      const ratio = completionRatio(
        unit.figures.get(rule.id)?.actual ?? null,
        unit.targets.get(rule.id) ?? null,
      );
      if (ratio !== null && ratio > (leader.get(rule.id) ?? Number.NEGATIVE_INFINITY))
        leader.set(rule.id, ratio);
    }
  }
  const result = new Map<string, { points: Map<string, number>; total: number }>();
  for (const unit of members)
    result.set(
      unit.unitId,
      scoreTree(
        rules,
        (id) => unit.figures.get(id) ?? null,
        (id) => unit.targets.get(id) ?? null,
        (id) => leader.get(id) ?? null,
      ),
    );
  return result;
}
