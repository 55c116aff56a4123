import { describe, expect, it } from 'vitest';
import { awardCatalogue } from '#contracts/award-catalogue.ts';
import type { AwardCode } from '#contracts/awards.ts';
import { viewAward } from './award-view.ts';
import { getShippedRegistry } from './registry.ts';

const registry = getShippedRegistry();
const current = registry.ruleSets[2];

describe('the view of an award in a rule set (for the catalogue page)', () => {
  it('gives CSTĐCS its deciders, cash, dossier, vote, posting and described criteria with articles', () => {
    if (!current) throw new Error('no rule set');
    const view = viewAward(current, 'CSTDCS');
    expect(view.deciders.map((decider) => decider.kind)).toEqual(
      expect.arrayContaining(['department', 'commune', 'state_enterprise']),
    );
    expect(view.cash.individual).toMatchObject({ multiple: 1, confidence: 'C' });
    expect(view.procedure.dossier.items[0]).toContain('Mẫu số 01');
    expect(view.procedure.vote).toMatchObject({
      thresholdPercent: 80,
      denominator: 'all_members',
      absentWrittenVotes: true,
    });
    expect(view.procedure.posting.required).toBe(false);
    const lines = view.criteria.individual?.lines ?? [];
    expect(lines.some((line) => line.text.includes('Xếp loại hoàn thành xuất sắc nhiệm vụ năm xét'))).toBe(
      true,
    );
    expect(lines.filter((line) => line.article).every((line) => line.confidence)).toBe(true);
  });

  it('derives the household amount and requires posting for orders', () => {
    if (!current) throw new Error('no rule set');
    expect(viewAward(current, 'BK_BO_TINH').cash.household?.multiple).toBe(2.25);
    expect(viewAward(current, 'HCLD_HANG_BA').procedure.posting).toMatchObject({
      required: true,
      workingDays: 10,
    });
  });

  it('describes every condition of every award in every rule set in Vietnamese', () => {
    for (const ruleSet of registry.ruleSets) {
      for (const code of Object.keys(awardCatalogue) as AwardCode[]) {
        for (const entry of Object.values(viewAward(ruleSet, code).criteria)) {
          for (const line of entry?.lines ?? []) expect(line.text).toMatch(/^[A-ZĐÀ-Ỹa-z0-9]/u);
        }
      }
    }
  });
});
