import { isGroup, type RuleLeaf, type RuleNode } from '#contracts/award-rules.ts';
import type { EligibilityCheck } from '#contracts/awards.ts';
import type { LeafEvaluator, RuleContext } from './condition-context.ts';
import { compileAfterAwardChain, compileInitiative } from './conditions-chain.ts';
import { compileJudgment, compileMemberShare, compileNothingPending } from './conditions-other.ts';
import {
  compileConsecutiveTitles,
  compileNoDiscipline,
  compileNotRated,
  compileNotReceived,
  compileRatingAtLeast,
  compileTitleInYear,
} from './conditions-years.ts';
import type { Facts } from './facts.ts';
import { allOf, anyOf, leafValue, Value } from './values.ts';

/** Where the evaluation of one check writes what it found. */
export interface Sink {
  checks: EligibilityCheck[];
  /** Warnings raised by conditions (unconfirmed exclusions and the like). */
  warnings: string[];
  /** Checks of unconfirmed (U) conditions that were not met or could not be decided. */
  doubtful: EligibilityCheck[];
  /** A criterion only the council can judge was on the way. */
  judged: boolean;
}

/** A compiled rule tree: evaluates every node (for a full explanation) and returns its value. */
export type CompiledNode = (facts: Facts, sink: Sink) => Value;

const compilers: {
  [K in RuleLeaf['kind']]: (leaf: Extract<RuleLeaf, { kind: K }>, context: RuleContext) => LeafEvaluator;
} = {
  rating_at_least: compileRatingAtLeast,
  not_rated: compileNotRated,
  title_in_year: compileTitleInYear,
  consecutive_titles: compileConsecutiveTitles,
  initiative: compileInitiative,
  after_award_chain: compileAfterAwardChain,
  member_share: compileMemberShare,
  no_discipline: compileNoDiscipline,
  nothing_pending: compileNothingPending,
  not_received: compileNotReceived,
  judgment: compileJudgment,
};

function compileLeaf(leaf: RuleLeaf, context: RuleContext, route: string | undefined): CompiledNode {
  const evaluate = (compilers[leaf.kind] as (leaf: RuleLeaf, context: RuleContext) => LeafEvaluator)(
    leaf,
    context,
  );
  const code = leaf.code ?? leaf.kind;
  const unconfirmed = leaf.confidence === 'U';
  const judgment = leaf.kind === 'judgment';
  return (facts, sink) => {
    const outcome = evaluate(facts);
    const check: EligibilityCheck = {
      code,
      article: leaf.article,
      confidence: leaf.confidence,
      met: outcome.met,
      message: outcome.message,
    };
    if (route) check.route = route;
    sink.checks.push(check);
    if (outcome.doubt) sink.warnings.push(outcome.doubt);
    if (unconfirmed && outcome.met !== true) sink.doubtful.push(check);
    if (judgment) sink.judged = true;
    return leafValue(outcome.met, unconfirmed);
  };
}

/** Compiles a rule tree once, at load; `route` labels the checks of unlabelled subtrees. */
export function compileNode(node: RuleNode, context: RuleContext, route?: string): CompiledNode {
  if (!isGroup(node)) return compileLeaf(node, context, route);
  const children = node.of.map((child) => compileNode(child, context, node.label ?? route));
  const combine = node.kind === 'all' ? allOf : anyOf;
  return (facts, sink) => combine(children.map((child) => child(facts, sink)));
}

/** Compiles an award's rule with the rule set's general conditions (duplicates, pending matters…). */
export function compileAwardRule(rule: RuleNode, general: RuleNode[], context: RuleContext): CompiledNode {
  const main = compileNode(rule, context);
  const common = general.map((node) => compileNode(node, context, 'Điều kiện chung'));
  return (facts, sink) => {
    const value = main(facts, sink);
    // The award's own rule must be decided by confirmed conditions; general conditions only restrict.
    const ruleValue = value === Value.WEAK_TRUE ? Value.UNKNOWN : value;
    return allOf([ruleValue, ...common.map((node) => node(facts, sink))]);
  };
}
