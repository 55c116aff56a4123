import { isGroup, type RuleLeaf, type RuleNode } from '#contracts/award-rules.ts';
import type { AwardCode, AwardSubject } from '#contracts/awards.ts';
import { BLOC_LEADER_JUDGMENT } from './conditions-other.ts';
import type { CompiledRuleSet } from './registry.ts';

/**
 * What facts one award's rule (with the rule set's general conditions) can read, so a list of many
 * subjects loads only those records: per kind of record the earliest year any condition looks at
 * (`null`: that kind is never read; `-Infinity`: every year up to the year of achievement), the award
 * codes conditions look for, and whether open matters are read. Every condition reads years at or
 * before the year of achievement only, so records after it are never needed.
 */
export interface FactNeeds {
  ratingsFrom: number | null;
  awardsFrom: number | null;
  /** The award codes any condition looks for (only those rows of awards received are needed). */
  awardCodes: AwardCode[];
  initiativesFrom: number | null;
  disciplineFrom: number | null;
  pending: boolean;
  /** Member figures of a collective in the year of achievement. */
  members: boolean;
  /** Whether the collective leads its bloc in the year of achievement (bloc scoring). */
  bloc: boolean;
}

type Kind = 'ratingsFrom' | 'awardsFrom' | 'initiativesFrom' | 'disciplineFrom';

/** Needs nothing: a subject the award has no rule for is refused without reading any fact. */
export const NO_NEEDS: FactNeeds = {
  ratingsFrom: null,
  awardsFrom: null,
  awardCodes: [],
  initiativesFrom: null,
  disciplineFrom: null,
  pending: false,
  members: false,
  bloc: false,
};

/** The facts an award's rule for a subject can read in the rule set, for a year of achievement. */
export function factNeeds(
  ruleSet: CompiledRuleSet,
  award: AwardCode,
  subject: AwardSubject,
  forYear: number,
): FactNeeds {
  const criteria = ruleSet.rules.get(award)?.[subject]?.criteria;
  if (!criteria) return NO_NEEDS;
  const needs: FactNeeds = { ...NO_NEEDS, awardCodes: [] };
  const codes = new Set<AwardCode>();
  const need = (kind: Kind, from: number) => {
    const current = needs[kind];
    needs[kind] = current === null ? from : Math.min(current, from);
  };
  const visit = (node: RuleNode): void => {
    if (isGroup(node)) {
      for (const child of node.of) visit(child);
      return;
    }
    readLeaf(node, forYear, award, need, codes, needs);
  };
  visit(criteria.rule);
  for (const entry of ruleSet.data.meta.general) if (entry.subjects.includes(subject)) visit(entry.rule);
  needs.awardCodes = [...codes].sort();
  return needs;
}

function readLeaf(
  leaf: RuleLeaf,
  forYear: number,
  award: AwardCode,
  need: (kind: Kind, from: number) => void,
  codes: Set<AwardCode>,
  needs: FactNeeds,
): void {
  const awards = (from: number, list: readonly AwardCode[]) => {
    need('awardsFrom', from);
    for (const code of list) codes.add(code);
  };
  switch (leaf.kind) {
    case 'rating_at_least':
    case 'not_rated':
      need('ratingsFrom', forYear + leaf.year);
      return;
    case 'title_in_year':
      awards(forYear + leaf.year, leaf.codes);
      return;
    case 'consecutive_titles':
      awards(forYear - (leaf.count - 1) * (leaf.every ?? 1), leaf.codes);
      return;
    case 'initiative':
      need('initiativesFrom', forYear + leaf.fromYear);
      return;
    case 'after_award_chain': {
      const start = forYear - leaf.years + 1;
      // The prerequisite award is looked for in every year before the chain.
      awards(Number.NEGATIVE_INFINITY, [...leaf.after, ...(leaf.titles?.codes ?? [])]);
      need('ratingsFrom', start);
      if (leaf.initiatives) need('initiativesFrom', start);
      return;
    }
    case 'member_share':
      needs.members = true;
      return;
    case 'no_discipline':
      need('disciplineFrom', forYear + leaf.fromYear);
      return;
    case 'nothing_pending':
      needs.pending = true;
      return;
    case 'not_received':
      awards(forYear + leaf.fromYear, leaf.codes ?? [award]);
      return;
    case 'judgment':
      if (leaf.code === BLOC_LEADER_JUDGMENT) needs.bloc = true;
      return;
    default: {
      const unknown: never = leaf;
      throw new Error(`fact needs: unknown condition ${(unknown as RuleLeaf).kind}`);
    }
  }
}
