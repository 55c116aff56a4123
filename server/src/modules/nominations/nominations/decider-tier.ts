import { type AwardCode, awardCatalogue } from '#contracts/awards.ts';
import { type DeciderTier, deciderTierLabels, type NomineeInput } from '#contracts/nominees.ts';
import { decideAuthority, getShippedRegistry, ruleSetOn } from '#server/modules/awards/index.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/**
 * Who decides an award under the rule set in force on the date: the President, the Prime Minister
 * (or the Government; by the authority grants of the rule set), or else the head of the level the tờ trình goes to.
 */
export function deciderTierOf(award: AwardCode, date: string): DeciderTier {
  const ruleSet = ruleSetOn(getShippedRegistry(), date);
  if (!ruleSet) return 'receiving_level';
  if (decideAuthority(ruleSet, award, 'state_president').competent) return 'state_president';
  const government = ['prime_minister', 'government'] as const;
  if (government.some((kind) => decideAuthority(ruleSet, award, kind).competent)) return 'prime_minister';
  return 'receiving_level';
}

/**
 * The one decider tier of a list of nominees; a list mixing awards of different deciders is refused
 * with 422 RULE_VIOLATION naming the groups (one tờ trình never mixes deciders), as is an award a
 * subject cannot receive or a reward type the award is never given under.
 */
export function assertNominees(nominees: readonly NomineeInput[], date: string): DeciderTier {
  nominees.forEach((nominee, index) => {
    const entry = awardCatalogue[nominee.awardCode];
    if (!entry.subjects.includes(nominee.subject))
      throw new AppError('RULE_VIOLATION', `${entry.name} không tặng cho đối tượng này.`, [
        { path: `nominees.${index}.awardCode`, message: 'Danh hiệu, hình thức không dành cho đối tượng này' },
      ]);
    if (!entry.rewardTypes.includes(nominee.rewardType))
      throw new AppError('RULE_VIOLATION', `${entry.name} không xét theo loại hình khen thưởng đã chọn.`, [
        { path: `nominees.${index}.rewardType`, message: 'Loại hình khen thưởng không phù hợp' },
      ]);
  });
  const tiers = new Map<DeciderTier, string[]>();
  for (const nominee of nominees) {
    const tier = deciderTierOf(nominee.awardCode, date);
    const names = tiers.get(tier) ?? [];
    const name = awardCatalogue[nominee.awardCode].name;
    if (!names.includes(name)) names.push(name);
    tiers.set(tier, names);
  }
  if (tiers.size > 1) {
    const groups = [...tiers].map(([tier, names]) => `${deciderTierLabels[tier]}: ${names.join(', ')}`);
    throw new AppError(
      'RULE_VIOLATION',
      `Một tờ trình không được gộp các hình thức do những người có thẩm quyền khác nhau quyết định (${groups.join('; ')}). Vui lòng lập tờ trình riêng cho từng nhóm.`,
    );
  }
  return [...tiers.keys()][0] ?? 'receiving_level';
}
