import type { TieBreakStep } from '#contracts/bloc-scoring.ts';

/** NĐ 152/2025 Đ4: among equals, a collective with at least 70 % women is preferred. */
export const WOMEN_SHARE_PREFERRED = 0.7;

/** What ranking needs of one member unit. */
export interface RankInput {
  unitId: string;
  total: number;
  /** Points per criterion code (a group's points are its subtree's). */
  pointsByCode: ReadonlyMap<string, number>;
  /** Share of women among the unit's people (0–1), null when the unit has nobody on record. */
  womenShare: number | null;
  /** Votes of the bloc meeting for this unit, null when no vote was taken. */
  votes: number | null;
}

/** One unit's place: rank (equal ranks for units the chain could not separate), leading flag, and the step that placed it below the one before. */
export interface RankedUnit {
  unitId: string;
  total: number;
  rank: number;
  isLeading: boolean;
  /** The tie-break step that separated this unit from the one ranked just above it with the same total. */
  decidedBy: TieBreakStep | null;
}

const cents = (points: number) => Math.round(points * 100);

/** Compares two units on one step: negative when `a` goes first. */
function compareOnStep(step: TieBreakStep, a: RankInput, b: RankInput): number {
  switch (step.kind) {
    case 'criterion':
      return (
        cents(b.pointsByCode.get(step.criterionCode) ?? 0) -
        cents(a.pointsByCode.get(step.criterionCode) ?? 0)
      );
    case 'women_share': {
      const preferred = (unit: RankInput) => ((unit.womenShare ?? 0) >= WOMEN_SHARE_PREFERRED ? 1 : 0);
      return preferred(b) - preferred(a);
    }
    case 'vote':
      return (b.votes ?? 0) - (a.votes ?? 0);
  }
}

/** The first step that separates two units with the same total, and how it orders them. */
function separate(chain: readonly TieBreakStep[], a: RankInput, b: RankInput) {
  for (const step of chain) {
    const order = compareOnStep(step, a, b);
    if (order !== 0) return { step, order };
  }
  return { step: null, order: 0 };
}

/**
 * Ranks the members of a bloc: higher total first (compared to the cent); equal totals follow the
 * tie-break chain step by step (a named criterion, women ≥ 70 %, the bloc's vote). Units the chain
 * cannot separate share a rank (1, 1, 3). The units ranked within `leadingCount` lead the bloc;
 * `unresolved` is true when a tie crosses that line (more leaders than places), so a vote is needed.
 * Stable: among full ties the input order is kept.
 */
export function rankUnits(
  units: readonly RankInput[],
  chain: readonly TieBreakStep[],
  leadingCount: number,
): { ranked: RankedUnit[]; unresolved: boolean } {
  const order = units
    .map((unit, index) => ({ unit, index }))
    .sort((x, y) => {
      const byTotal = cents(y.unit.total) - cents(x.unit.total);
      if (byTotal !== 0) return byTotal;
      return separate(chain, x.unit, y.unit).order || x.index - y.index;
    })
    .map((entry) => entry.unit);
  const ranked: RankedUnit[] = [];
  order.forEach((unit, position) => {
    const previous = order[position - 1];
    const above = ranked[position - 1];
    let rank = position + 1;
    let decidedBy: TieBreakStep | null = null;
    if (previous && above && cents(previous.total) === cents(unit.total)) {
      const { step } = separate(chain, previous, unit);
      if (step) decidedBy = step;
      else rank = above.rank;
    }
    ranked.push({ unitId: unit.unitId, total: unit.total, rank, isLeading: false, decidedBy });
  });
  for (const unit of ranked) unit.isLeading = leadingCount > 0 && unit.rank <= leadingCount;
  const leaders = ranked.filter((unit) => unit.isLeading).length;
  return { ranked, unresolved: leaders > leadingCount };
}
