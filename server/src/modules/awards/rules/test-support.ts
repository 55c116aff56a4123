import { awardName } from '#contracts/award-catalogue.ts';
import type { RuleNode } from '#contracts/award-rules.ts';
import type { EligibilityInput, EligibilityResult } from '#contracts/awards.ts';
import { compileNode, type Sink } from './compile.ts';
import type { RuleContext } from './condition-context.ts';
import { checkEligibility } from './engine.ts';
import { ALL_REWARD_TYPES, buildFacts, rewardTypeBit } from './facts.ts';
import { parseEligibilityInput } from './input.ts';
import { getShippedRegistry } from './registry.ts';

/** A context like a rule set's, with the exclusion and initiative-once marks chosen by the test. */
export function testContext(
  options: { exclusionUnconfirmed?: boolean; initiativeUnconfirmed?: boolean } = {},
) {
  const context: RuleContext = {
    countedMask: ALL_REWARD_TYPES & ~(rewardTypeBit('dot_xuat') | rewardTypeBit('chuyen_de')),
    exclusion: { article: 'Khoản 3 Điều 4 NĐ 152', unconfirmed: options.exclusionUnconfirmed ?? false },
    initiativeOnce: { article: 'CV 5007', unconfirmed: options.initiativeUnconfirmed ?? false },
    name: awardName,
  };
  return context;
}

/** The defaults of a test input: an individual proposed for CSTĐCS 2025 in December 2025. */
export function testInput(overrides: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    award: 'CSTDCS',
    date: '2025-12-15',
    forYear: 2025,
    subject: 'individual',
    history: [],
    ...overrides,
  };
}

/** Evaluates one rule tree (leaf or group) against an input and returns its checks and value. */
export function evaluate(node: RuleNode, input: Partial<EligibilityInput>, context = testContext()) {
  const sink: Sink = { checks: [], warnings: [], doubtful: [], judged: false };
  const value = compileNode(node, context)(buildFacts(parseEligibilityInput(testInput(input))), sink);
  return { value, sink, check: sink.checks[0] };
}

/** Runs the engine with the shipped rules. */
export function check(input: Partial<EligibilityInput>): EligibilityResult {
  return checkEligibility(getShippedRegistry(), parseEligibilityInput(testInput(input)));
}

/** The check of a code in a result (throws when absent, so a renamed code fails loudly). */
export function checkNamed(result: EligibilityResult, code: string) {
  const found = result.checks.find((item) => item.code === code);
  if (!found) throw new Error(`no check ${code} in ${result.checks.map((item) => item.code).join(', ')}`);
  return found;
}

/** One year of history as a test writes it. */
export type HistoryRow = NonNullable<EligibilityInput['history']>[number];

/** Years of history from a compact list: [year, rating, titles, awards?, initiatives?]. */
export function years(
  ...rows: [number, string | undefined, string[]?, string[]?, { scope: string; usedFor?: unknown }[]?][]
): HistoryRow[] {
  return rows.map(([year, rating, titles = [], awards = [], initiatives = []]) => ({
    year,
    ...(rating ? { rating } : {}),
    titles,
    awards,
    initiatives,
  })) as HistoryRow[];
}

/** The history with one year changed. */
export function changeYear(history: HistoryRow[], year: number, change: Partial<HistoryRow>): HistoryRow[] {
  return history.map((row) => (row.year === year ? { ...row, ...change } : row));
}
