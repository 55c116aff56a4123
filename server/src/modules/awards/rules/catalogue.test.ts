import { describe, expect, it } from 'vitest';
import { awardCatalogue } from '#contracts/award-catalogue.ts';
import { isGroup, type RuleNode } from '#contracts/award-rules.ts';
import { type AwardCode, EligibilityResult } from '#contracts/awards.ts';
import { getShippedRegistry } from './registry.ts';
import { check } from './test-support.ts';

const registry = getShippedRegistry();
const dates = {
  'luat-2003-nd-91-2017': '2023-12-01',
  'luat-2022-nd-98-2023': '2025-03-01',
  'luat-2022-nd-152-2025': '2025-12-15',
};
const leaves = (node: RuleNode): RuleNode[] => (isGroup(node) ? node.of.flatMap(leaves) : [node]);

describe('the catalogue', () => {
  it('holds every title and form the brief names, with names, subjects, reward types and statistics columns', () => {
    const codes = Object.keys(awardCatalogue);
    for (const code of [
      'LDTT',
      'CSTT',
      'CSTDCS',
      'CSTD_BO_TINH',
      'CSTDTQ',
      'TTLDTT',
      'TTLDXS',
      'CO_BO_TINH',
      'CO_CP',
      'GIAY_KHEN',
      'BK_BO_TINH',
      'BK_TTG',
      'HCLD_HANG_BA',
      'HC_SAO_VANG',
      'HC_HO_CHI_MINH',
      'HC_DUNG_CAM',
      'HC_HUU_NGHI',
      'AH_LAO_DONG',
      'NHA_GIAO_NHAN_DAN',
      'GIA_DINH_VAN_HOA',
      'KY_NIEM_CHUONG',
    ]) {
      expect(codes).toContain(code);
    }
    expect(codes).toHaveLength(57);
    expect(awardCatalogue.BK_TTG).toMatchObject({
      statistics: 'F0602_C7',
      subjects: ['individual', 'collective', 'household'],
    });
    expect(awardCatalogue.GIA_DINH_VAN_HOA.subjects).toEqual(['household']);
  });
});

describe.each(registry.ruleSets.map((ruleSet) => [ruleSet.data.meta.id, ruleSet] as const))(
  'rule set %s',
  (id, ruleSet) => {
    const date = dates[id as keyof typeof dates];

    it('covers every award and subject of the catalogue, with an article and a mark on every condition', () => {
      for (const [code, entry] of Object.entries(awardCatalogue)) {
        for (const subject of entry.subjects) {
          const criteria = ruleSet.data.criteria[code as AwardCode][subject];
          expect(criteria, `${code} ${subject}`).toBeDefined();
          for (const leaf of leaves(criteria?.rule as RuleNode)) {
            expect('article' in leaf && leaf.article.length > 10).toBe(true);
          }
        }
      }
    });

    it('answers every award and subject with a result of the contract shape', () => {
      for (const [code, entry] of Object.entries(awardCatalogue)) {
        for (const subject of entry.subjects) {
          const result = check({
            award: code as AwardCode,
            subject,
            date,
            forYear: Number(date.slice(0, 4)) - 1,
          });
          expect(EligibilityResult.parse(result)).toEqual(result);
          expect(result.ruleSet).toBe(id);
          const onlyJudgment = leaves(
            ruleSet.data.criteria[code as AwardCode][subject]?.rule as RuleNode,
          ).every((leaf) => leaf.kind === 'judgment');
          if (onlyJudgment) expect(result.verdict, `${code} ${subject}`).toBe('needs_review');
        }
      }
    });

    it('refuses an award for a subject it is not given to', () => {
      const result = check({
        award: 'LDTT',
        subject: 'collective',
        date,
        forYear: Number(date.slice(0, 4)) - 1,
      });
      expect(result.verdict).toBe('not_eligible');
      expect(result.checks[0]?.code).toBe('doi_tuong');
    });
  },
);

describe('the example of the issue', () => {
  it('gives an eligible CSTĐCS 2025 decided by a commune, paying 2.340.000 đ', () => {
    const result = check({
      award: 'CSTDCS',
      date: '2025-12-15',
      forYear: 2025,
      subject: 'individual',
      history: [
        {
          year: 2025,
          rating: 'HTXSNV',
          titles: ['LDTT'],
          awards: ['BK_BO_TINH'],
          initiatives: [{ scope: 'unit' }],
          discipline: 'none',
        },
      ],
      members: { total: 20, completedDuties: 20, ldtt: 18, cstdcs: 1, disciplinedWarningOrAbove: 0 },
      decider: { unitKind: 'commune' },
    });
    expect(result.verdict).toBe('eligible');
    expect(result.ruleSet).toBe('luat-2022-nd-152-2025');
    expect(result.checks.find((item) => item.code === 'htxs')).toMatchObject({
      met: true,
      confidence: 'C',
      article: 'Khoản 2 Điều 23 Luật Thi đua, khen thưởng số 06/2022/QH15',
    });
    expect(result.authority).toMatchObject({ competent: true, confidence: 'C' });
    expect(result.cash).toMatchObject({
      multiple: 1,
      baseSalary: 2_340_000,
      amount: 2_340_000,
      confidence: 'C',
    });
  });
});
