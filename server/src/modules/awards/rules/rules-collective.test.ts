import { describe, expect, it } from 'vitest';
import type { EligibilityInput } from '#contracts/awards.ts';
import { check, checkNamed, years } from './test-support.ts';

const members = (ldtt: number, extra: Partial<NonNullable<EligibilityInput['members']>> = {}) => ({
  total: 20,
  completedDuties: 20,
  ldtt,
  cstdcs: 1,
  disciplinedWarningOrAbove: 0,
  ...extra,
});
const collective = (award: EligibilityInput['award'], date: string, forYear: number) =>
  ({ award, date, forYear, subject: 'collective' }) as const;

describe('TTLĐTT', () => {
  it('since 2024: HTTNV, at least 70% LĐTT and nobody disciplined at cảnh cáo or above', () => {
    const base = { ...collective('TTLDTT', '2025-12-15', 2025), history: years([2025, 'HTTNV']) };
    expect(check({ ...base, members: members(14) }).verdict).toBe('eligible');
    expect(check({ ...base, members: members(13) }).verdict).toBe('not_eligible');
    expect(check({ ...base, members: members(20, { disciplinedWarningOrAbove: 1 }) }).verdict).toBe(
      'not_eligible',
    );
  });
  it('before 2024: more than 50% LĐTT (the old Law)', () => {
    const base = { ...collective('TTLDTT', '2023-12-15', 2023), history: years([2023, 'HTTNV']) };
    expect(check({ ...base, members: members(10) }).verdict).toBe('not_eligible');
    expect(check({ ...base, members: members(11) }).verdict).toBe('eligible');
  });
});

describe('TTLĐXS (Luật 2022 Điều 27)', () => {
  const base = { ...collective('TTLDXS', '2025-12-15', 2025), history: years([2025, 'HTXSNV']) };
  it('needs HTXS, every member completing duties, 70% LĐTT and one CSTĐCS', () => {
    expect(check({ ...base, members: members(14) }).verdict).toBe('eligible');
    expect(check({ ...base, members: members(14, { completedDuties: 19 }) }).verdict).toBe('not_eligible');
    expect(check({ ...base, members: members(14, { cstdcs: 0 }) }).verdict).toBe('not_eligible');
  });
  it('has no discipline clause since 2024', () => {
    expect(check({ ...base, members: members(14, { disciplinedWarningOrAbove: 2 }) }).verdict).toBe(
      'eligible',
    );
  });
  it('sends ĐVQT to review (rest of Điều 27 khoản 2 unread) unless a confirmed criterion fails', () => {
    const dvqt = { ...base, award: 'DVQT' as const, members: members(14) };
    expect(check(dvqt).verdict).toBe('needs_review');
    expect(check({ ...dvqt, history: years([2025, 'HTTNV']) }).verdict).toBe('not_eligible');
  });
});

describe('Cờ thi đua and other collective titles', () => {
  it('are judged by the council when no published bloc ranking shows the unit leading', () => {
    for (const award of ['CO_CP', 'CO_BO_TINH', 'XA_TIEU_BIEU', 'THON_VAN_HOA'] as const) {
      expect(
        check({ ...collective(award, '2025-12-15', 2025), history: years([2025, 'HTXSNV']) }).verdict,
      ).toBe('needs_review');
    }
  });
  it('are met for the province Cờ by a unit leading its bloc by a published scoring; the Government Cờ still needs the council', () => {
    const leader = { history: years([2025, 'HTXSNV']), leadsBloc: true };
    const province = check({ ...collective('CO_BO_TINH', '2025-12-15', 2025), ...leader });
    expect(province.verdict).toBe('eligible');
    expect(checkNamed(province, 'dan_dau_cum_khoi').message).toContain('Dẫn đầu khối/cụm thi đua năm 2025');
    const government = check({ ...collective('CO_CP', '2025-12-15', 2025), ...leader });
    expect(government.verdict).toBe('needs_review');
    expect(checkNamed(government, 'dan_dau_cum_khoi').message).toContain('Dẫn đầu khối/cụm');
  });
  it('still refuse a collective under investigation (NĐ 152 Điều 4 khoản 4)', () => {
    const result = check({
      ...collective('CO_BO_TINH', '2025-12-15', 2025),
      pending: { investigation: true },
    });
    expect(result.verdict).toBe('not_eligible');
    expect(checkNamed(result, 'khong_dang_xem_xet').met).toBe(false);
  });
});

describe('Bằng khen bộ, ban, ngành, tỉnh for a collective', () => {
  const base = collective('BK_BO_TINH', '2025-12-15', 2025);
  it('is eligible after two consecutive years of HTXS or TTLĐXS', () => {
    expect(check({ ...base, history: years([2024, 'HTXSNV'], [2025, 'HTXSNV']) }).verdict).toBe('eligible');
    expect(check({ ...base, history: years([2024, 'HTTNV', ['TTLDXS']], [2025, 'HTXSNV']) }).verdict).toBe(
      'eligible',
    );
  });
  it('otherwise needs review (other routes of Điều 74 are not encoded)', () => {
    expect(check({ ...base, history: years([2025, 'HTXSNV']) }).verdict).toBe('needs_review');
  });
});
