import { isGroup, type RuleNode } from '#contracts/award-rules.ts';
import type { Confidence } from '#contracts/awards.ts';
import type { RuleRegistry } from './registry.ts';

/** Counts of one rule set: award rules (award × subject), conditions, and conditions by mark. */
export interface RuleSetSummary {
  id: string;
  name: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  awards: number;
  rules: number;
  conditions: number;
  byConfidence: Record<Confidence, number>;
  overridden: number;
}

function countLeaves(node: RuleNode, counts: Record<Confidence, number>): void {
  if (isGroup(node)) {
    for (const child of node.of) countLeaves(child, counts);
    return;
  }
  counts[node.confidence] += 1;
}

/** Summaries of every rule set of a registry, oldest first (for `tdkt rules list` and the catalogue). */
export function summariseRuleSets(registry: RuleRegistry): RuleSetSummary[] {
  return registry.ruleSets.map(({ data }) => {
    const byConfidence: Record<Confidence, number> = { C: 0, S: 0, U: 0 };
    let rules = 0;
    let overridden = 0;
    for (const bySubject of Object.values(data.criteria)) {
      for (const entry of Object.values(bySubject)) {
        if (!entry) continue;
        rules += 1;
        if (entry.override) overridden += 1;
        countLeaves(entry.rule, byConfidence);
      }
    }
    for (const general of data.meta.general) countLeaves(general.rule, byConfidence);
    return {
      id: data.meta.id,
      name: data.meta.name,
      effectiveFrom: data.meta.effectiveFrom,
      effectiveTo: data.meta.effectiveTo,
      awards: Object.keys(data.criteria).length,
      rules,
      conditions: byConfidence.C + byConfidence.S + byConfidence.U,
      byConfidence,
      overridden,
    };
  });
}
