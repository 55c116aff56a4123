import { asc } from 'drizzle-orm';
import type { BaseSalaryEntry } from '#contracts/award-rules.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { baseSalaries, ruleOverrides } from '#server/platform/db/schema.ts';
import { loadShippedRules } from '../rules/loader.ts';
import { createRegistry, getShippedRegistry, type RuleRegistry } from '../rules/registry.ts';
import type { ShippedRules } from '../rules/rule-set.ts';

let shipped: ShippedRules | undefined;
let cached: { key: string; registry: RuleRegistry } | undefined;

/** The shipped rule data, read once per process. */
export function shippedRules(): ShippedRules {
  shipped ??= loadShippedRules();
  return shipped;
}

/** The base salaries in force: the shipped list with the administrators' additions, by date. */
export function mergeBaseSalaries(
  shippedList: BaseSalaryEntry[],
  added: { fromDate: string; amount: number; article: string }[],
): BaseSalaryEntry[] {
  const byDate = new Map(shippedList.map((entry) => [entry.from, entry]));
  for (const entry of added) {
    byDate.set(entry.fromDate, {
      from: entry.fromDate,
      amount: entry.amount,
      article: entry.article,
      confidence: 'C',
    });
  }
  return [...byDate.values()].sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * The rule registry in force: the shipped rule sets with every stored override applied and the
 * stored base salaries added. Two small queries per call; the compiled registry is kept while the
 * overrides and salaries stay at the same versions (so every server process sees a change at once).
 */
export async function effectiveRegistry(db: Executor): Promise<RuleRegistry> {
  const [overrides, salaries] = await Promise.all([
    db.select().from(ruleOverrides).orderBy(asc(ruleOverrides.id)),
    db.select().from(baseSalaries).orderBy(asc(baseSalaries.fromDate)),
  ]);
  if (!overrides.length && !salaries.length) return getShippedRegistry();
  const key = JSON.stringify([
    overrides.map((row) => [row.id, row.version]),
    salaries.map((row) => [row.id, row.version]),
  ]);
  if (cached?.key === key) return cached.registry;
  const rules = shippedRules();
  const registry = createRegistry({
    ruleSets: rules.ruleSets,
    baseSalaries: mergeBaseSalaries(rules.baseSalaries, salaries),
    overrides: overrides.map((row) => ({
      award: row.awardCode,
      ruleSet: row.ruleSet,
      subject: row.subject,
      rule: row.rule,
      ...(row.notes ? { notes: row.notes } : {}),
      reason: row.reason,
    })),
  });
  cached = { key, registry };
  return registry;
}
