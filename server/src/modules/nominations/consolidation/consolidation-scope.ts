import { eq } from 'drizzle-orm';
import { type AwardCode, awardCatalogue, type DeciderKind } from '#contracts/awards.ts';
import type { DeciderTier } from '#contracts/nominees.ts';
import { decideAuthority, getShippedRegistry, ruleSetOn } from '#server/modules/awards/index.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { units } from '#server/platform/db/schema.ts';
import { deciderTierOf } from '../nominations/decider-tier.ts';

/** True when a unit of the kind may decide the award itself under the rule set in force on the date. */
export function decidesItself(unitKind: string, award: AwardCode, date: string): boolean {
  const ruleSet = ruleSetOn(getShippedRegistry(), date);
  if (!ruleSet) return false;
  return Boolean(decideAuthority(ruleSet, award, unitKind as DeciderKind).competent);
}

/**
 * The awards a unit may consolidate into a tờ trình of the decider tier: those the unit cannot
 * decide itself and that the same tier decides (one tờ trình never mixes deciders).
 */
export function consolidableAwards(unitKind: string, tier: DeciderTier, date: string): AwardCode[] {
  return (Object.keys(awardCatalogue) as AwardCode[]).filter(
    (award) => deciderTierOf(award, date) === tier && !decidesItself(unitKind, award, date),
  );
}

/** The kind of a unit (province, district, …), or 'other'. */
export async function unitKindOf(executor: Executor, unitId: string): Promise<string> {
  const [unit] = await executor.select({ kind: units.kind }).from(units).where(eq(units.id, unitId));
  return unit?.kind ?? 'other';
}
