import { awardName } from '#contracts/award-catalogue.ts';
import type { AwardCode, RewardType } from '#contracts/awards.ts';
import type { DossierComponent } from '#contracts/nomination-dossier.ts';
import { getShippedRegistry, procedureOf, ruleSetOn } from '#server/modules/awards/index.ts';

/** A component an award's dossier needs, with the catalogue's wording for it. */
export interface RequiredComponent {
  code: DossierComponent;
  label: string;
}

const kinds: [RegExp, DossierComponent][] = [
  [/^tờ trình/iu, 'to_trinh'],
  [/^báo cáo thành tích/iu, 'bao_cao_thanh_tich'],
  [/^biên bản/iu, 'bien_ban'],
  [/^(giấy )?xác nhận/iu, 'xac_nhan'],
];

/**
 * The component a line of the catalogue's dossier list stands for; null for lines that are notes
 * rather than files ("Theo quy định của bộ, ban, ngành, tỉnh", "01 bộ bản chính, kèm tệp điện tử").
 */
export function componentOfItem(item: string): DossierComponent | null {
  const text = item.trim();
  return kinds.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/**
 * The components an award's dossier needs from the rule set's list: one line per component (the
 * first wording), the notes left out, and a confirmation meant only for đột xuất achievements asked
 * only of a đột xuất nominee.
 */
export function requiredComponents(items: readonly string[], rewardType: RewardType): RequiredComponent[] {
  const found = new Map<DossierComponent, string>();
  for (const item of items) {
    const code = componentOfItem(item);
    if (!code || found.has(code)) continue;
    if (code === 'xac_nhan' && /đột xuất/iu.test(item) && rewardType !== 'dot_xuat') continue;
    found.set(code, item.trim());
  }
  return [...found].map(([code, label]) => ({ code, label }));
}

/** The rule set in force on a date and the components an award needs under it (none without a rule set). */
export function componentsOn(date: string, award: AwardCode, rewardType: RewardType) {
  const ruleSet = ruleSetOn(getShippedRegistry(), date);
  if (!ruleSet) return { ruleSet: null, components: [] as RequiredComponent[], awardName: awardName(award) };
  const items = procedureOf(ruleSet.data, award).dossier.items;
  return {
    ruleSet: { id: ruleSet.data.meta.id, name: ruleSet.data.meta.name },
    components: requiredComponents(items, rewardType),
    awardName: ruleSet.context.name(award),
  };
}
