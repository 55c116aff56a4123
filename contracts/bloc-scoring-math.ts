/**
 * The pure scoring math of issue 14, shared by the server (scores in force) and the web (live preview
 * while a unit types its figures), so both compute the same points.
 */
import type { CriterionKind, Figures } from './bloc-scoring.ts';

/** What the math needs of a criterion: its kind, maximum and, by kind, points per item and bounds. */
export interface CriterionRule {
  id: string;
  parentId: string | null;
  kind: CriterionKind;
  maxPoints: number;
  /** Fixed: points per counted item; bonus/penalty: points per bonus item. */
  pointsPerItem: number | null;
  /** Bonus/penalty: points taken per penalty item. */
  penaltyPerItem: number | null;
  /** Bonus/penalty: the lowest the criterion can score (may be negative). */
  minPoints: number | null;
}

/** Rounds points to two decimals (half away from zero), as the scoring sheets print them. */
export function roundPoints(value: number): number {
  const cents = Math.round(Math.abs(value) * 100 + 1e-9);
  return (Math.sign(value) * cents) / 100 || 0;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * A quantitative criterion against the unit's target (awards-research §d.3): below target
 * 0.5·max·actual/target; on target 0.5·max; exceeding and leading the bloc max; exceeding without
 * leading 0.5·max + 0.5·max·(r − 1)/(rL − 1), where r is the unit's completion ratio actual/target and
 * rL the best ratio in the bloc. With one target for all units this is the §d.3 formula
 * (actual − target)/(leader − target); ratios keep it fair when each unit has its own target.
 * No target (or a target of 0) scores 0: the criterion cannot be judged.
 */
export function quantitativeScore(
  maxPoints: number,
  actual: number | null,
  target: number | null,
  leaderRatio: number | null,
): number {
  if (actual === null || target === null || target <= 0) return 0;
  const half = maxPoints / 2;
  const ratio = Math.max(0, actual) / target;
  if (ratio < 1) return roundPoints(half * ratio);
  if (ratio === 1) return roundPoints(half);
  const best = leaderRatio === null ? ratio : Math.max(ratio, leaderRatio);
  if (ratio >= best) return roundPoints(maxPoints);
  return roundPoints(half + (half * (ratio - 1)) / (best - 1));
}

/** The completion ratio of a quantitative figure, or null when it cannot be computed. */
export function completionRatio(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null || target <= 0) return null;
  return Math.max(0, actual) / target;
}

/**
 * The points of one leaf criterion from the unit's figures. `leaderRatio` is the best completion
 * ratio of the bloc on that criterion (quantitative only).
 */
export function leafScore(
  rule: CriterionRule,
  figures: Figures | null,
  target: number | null,
  leaderRatio: number | null,
): number {
  if (!figures) return 0;
  switch (rule.kind) {
    case 'quantitative':
      return quantitativeScore(rule.maxPoints, figures.actual ?? null, target, leaderRatio);
    case 'qualitative':
      return figures.met ? rule.maxPoints : 0;
    case 'fixed':
      return roundPoints(clamp((figures.count ?? 0) * (rule.pointsPerItem ?? 0), 0, rule.maxPoints));
    case 'bonus_penalty': {
      const raw =
        (figures.bonusCount ?? 0) * (rule.pointsPerItem ?? 0) -
        (figures.penaltyCount ?? 0) * (rule.penaltyPerItem ?? 0);
      return roundPoints(clamp(raw, rule.minPoints ?? 0, rule.maxPoints));
    }
    case 'group':
      return 0;
  }
}

/**
 * Sums a tree from its leaves' points: each group the sum of its children capped at its maximum
 * (penalties may take it below zero), the total the sum of the top-level criteria, all rounded to
 * two decimals. The web's live preview passes the points it has (saved or typed) as `leafOf`.
 */
export function sumTree(
  rules: readonly CriterionRule[],
  leafOf: (rule: CriterionRule) => number,
): { points: Map<string, number>; total: number } {
  const children = new Map<string | null, CriterionRule[]>();
  for (const rule of rules) {
    const list = children.get(rule.parentId) ?? [];
    list.push(rule);
    children.set(rule.parentId, list);
  }
  const points = new Map<string, number>();
  const visit = (rule: CriterionRule): number => {
    let value: number;
    if (rule.kind === 'group') {
      const sum = (children.get(rule.id) ?? []).reduce((acc, child) => acc + visit(child), 0);
      value = roundPoints(Math.min(sum, rule.maxPoints));
    } else value = leafOf(rule);
    points.set(rule.id, value);
    return value;
  };
  const total = (children.get(null) ?? []).reduce((acc, rule) => acc + visit(rule), 0);
  return { points, total: roundPoints(total) };
}

/**
 * Scores a whole tree: each leaf from its figures, each group the sum of its children capped at its
 * maximum (penalties may take it below zero), the total the sum of the top-level criteria.
 * Returns every criterion's points (rounded to two decimals) and the total.
 */
export function scoreTree(
  rules: readonly CriterionRule[],
  figuresOf: (criterionId: string) => Figures | null,
  targetOf: (criterionId: string) => number | null,
  leaderRatioOf: (criterionId: string) => number | null,
): { points: Map<string, number>; total: number } {
  return sumTree(rules, (rule) =>
    leafScore(rule, figuresOf(rule.id), targetOf(rule.id), leaderRatioOf(rule.id)),
  );
}

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

/** What the live preview knows of one sheet row: the rule, the unit's target, the saved points, the others' best ratio. */
export interface PreviewRow {
  criterion: CriterionRule;
  target: number | null;
  score: number;
  othersBestRatio: number | null;
}

/**
 * The points a sheet will show once the typed figures are saved: typed leaves scored by their kind
 * (a quantitative one against the others' best ratio), the other leaves at their saved points, groups
 * and the total summed as the server does.
 */
export function previewSheet(
  rows: readonly PreviewRow[],
  typedOf: (criterionId: string) => Figures | undefined,
): { points: Map<string, number>; total: number } {
  const byId = new Map(rows.map((row) => [row.criterion.id, row]));
  return sumTree(
    rows.map((row) => row.criterion),
    (rule) => {
      const row = byId.get(rule.id);
      const typed = typedOf(rule.id);
      if (!row) return 0;
      return typed ? leafScore(rule, typed, row.target, row.othersBestRatio) : row.score;
    },
  );
}
