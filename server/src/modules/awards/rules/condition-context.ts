import type { AwardCode } from '#contracts/awards.ts';
import { type Facts, type YearFacts, yearOf } from './facts.ts';

/** What every condition of one rule set needs besides the facts. */
export interface RuleContext {
  /** Reward types that count toward công trạng chains. */
  countedMask: number;
  exclusion: { article: string; unconfirmed: boolean };
  initiativeOnce: { article: string; unconfirmed: boolean };
  /** Vietnamese name of an award in this rule set's period. */
  name: (code: AwardCode) => string;
}

/** What one condition finds in the facts; `doubt` is a warning when an unconfirmed rule left it open. */
export interface LeafOutcome {
  met: boolean | null;
  message: string;
  doubt?: string;
}
export type LeafEvaluator = (facts: Facts) => LeafOutcome;

/** How a year holds codes: 2 under a counted reward type, 1 only under excluded ones, 0 not at all. */
export function presence(year: YearFacts, codes: readonly AwardCode[], countedMask: number): 0 | 1 | 2 {
  let found: 0 | 1 | 2 = 0;
  for (const code of codes) {
    const mask = year.codes.get(code);
    if (mask === undefined) continue;
    if (mask & countedMask) return 2;
    found = 1;
  }
  return found;
}

/** The first of the codes a year holds under a counted reward type. */
export function heldCode(
  year: YearFacts,
  codes: readonly AwardCode[],
  countedMask: number,
): AwardCode | undefined {
  return codes.find((code) => ((year.codes.get(code) ?? 0) & countedMask) !== 0);
}

/** "năm 2025" or "các năm 2023–2025". */
export function yearsText(from: number, to: number): string {
  return from === to ? `năm ${from}` : `các năm ${from}–${to}`;
}

/** Names joined with "hoặc". */
export function namesText(codes: readonly AwardCode[], context: RuleContext): string {
  return codes.map(context.name).join(' hoặc ');
}

/** Counts the years from..to (absolute) for which `test` holds. */
export function countYears(
  facts: Facts,
  from: number,
  to: number,
  test: (year: YearFacts) => boolean,
): number {
  let count = 0;
  for (let year = from; year <= to; year += 1) if (test(yearOf(facts, year))) count += 1;
  return count;
}

/** Sentence case: the first letter upper-cased. */
export const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
/** Lower-cases the first letter, for a label inside a sentence. */
export const inline = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
