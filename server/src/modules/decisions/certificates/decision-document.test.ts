import { describe, expect, it } from 'vitest';
import type { DecisionRow, RecipientLine } from '../decisions/decisions.repo.ts';
import { composeDecision, decisionAwardName, recipientsTable } from './decision-document.ts';

const decision = {
  number: '12/QĐ-UBND',
  place: 'Lai Châu',
  decisionDate: '2026-12-01',
  title: 'Về việc tặng Bằng khen',
  authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
  decider: 'Chủ tịch UBND tỉnh Lai Châu',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Lê Văn Lương',
  legalBasis: [],
} as unknown as DecisionRow;
const line: RecipientLine = {
  id: 'r1',
  position: 1,
  personId: 'p1',
  unitId: null,
  householdName: null,
  awardCode: 'BK_BO_TINH',
  rewardType: 'thuong_xuyen',
  year: 2025,
  achievement: null,
  cashMultiple: 1,
  cashAmount: 2_340_000,
  name: 'Nguyễn Văn A',
  jobTitle: 'Chuyên viên',
  context: 'Sở Nội vụ',
};
const unit = (kind: string) => ({ path: 'x', name: 'Ủy ban nhân dân tỉnh Lai Châu', kind, shortName: null });

describe('decision document award names', () => {
  it("names a province's Bằng khen as the Chairman's, in the articles and the list", () => {
    const doc = composeDecision(decision, unit('province'), [line]);
    expect(doc.sections[0]?.text).toContain(
      'Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 cá nhân',
    );
    expect(doc.sections.map((node) => node.text).join(' ')).not.toContain('bộ, ban, ngành, tỉnh');
    expect(recipientsTable(decision, unit('province'), [line]).rows[0]?.[3]).toBe(
      'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    );
  });

  it("keeps the catalogue's name for a ministry or any other issuer", () => {
    expect(decisionAwardName('BK_BO_TINH', { kind: 'department' })).toBe(
      'Bằng khen của bộ, ban, ngành, tỉnh',
    );
    expect(decisionAwardName('LDTT', { kind: 'province' })).toBe('Lao động tiên tiến');
  });
});
