import { describe, expect, it } from 'vitest';
import { check, checkNamed, years } from './test-support.ts';

const late2025 = { date: '2025-12-15', forYear: 2025 };

describe('Bằng khen bộ, ban, ngành, tỉnh for an individual (Luật 2022 Điều 74 khoản 1 điểm d)', () => {
  it('is eligible after two consecutive CSTĐCS', () => {
    const history = years([2024, 'HTXSNV', ['CSTDCS']], [2025, 'HTXSNV', ['CSTDCS']]);
    expect(check({ award: 'BK_BO_TINH', ...late2025, history }).verdict).toBe('eligible');
  });
  it('follows the Ministry of Home Affairs example: 2023 HTXS + initiative, 2024 HTXS + initiative + CSTĐCS', () => {
    const history = years(
      [2023, 'HTXSNV', ['LDTT'], [], [{ scope: 'unit' }]],
      [2024, 'HTXSNV', ['LDTT', 'CSTDCS'], [], [{ scope: 'unit' }]],
    );
    expect(check({ award: 'BK_BO_TINH', date: '2024-12-20', forYear: 2024, history }).verdict).toBe(
      'eligible',
    );
  });
  it('needs review, not refusal, when only the council-judged routes remain', () => {
    const result = check({ award: 'BK_BO_TINH', ...late2025, history: years([2025, 'HTTNV']) });
    expect(result.verdict).toBe('needs_review');
    expect(result.warnings.join(' ')).toContain('Hội đồng Thi đua – Khen thưởng đánh giá');
  });
});

describe('Bằng khen Thủ tướng (Luật 2022 Điều 73 khoản 1 điểm b)', () => {
  const chain = () =>
    years(
      [2019, 'HTXSNV', [], ['BK_BO_TINH']],
      [2021, 'HTTNV', ['CSTDCS']],
      [2022, 'HTTNV'],
      [2023, 'HTTNV', ['CSTDCS']],
      [2024, 'HTTNV'],
      [2025, 'HTTNV', ['CSTDCS']],
    );
  it('is eligible after BK bộ, five good years and three CSTĐCS', () => {
    const result = check({ award: 'BK_TTG', ...late2025, history: chain() });
    expect(result.verdict).toBe('eligible');
    expect(checkNamed(result, 'chuoi_sau_bang_khen').route).toContain('Điểm b khoản 1 Điều 73');
  });
  it('under NĐ 152 a đột xuất BK bộ does not start the chain; under NĐ 98 that is left to review', () => {
    const adHoc = chain().map((year) =>
      year.year === 2019
        ? { ...year, awards: [{ code: 'BK_BO_TINH' as const, rewardType: 'dot_xuat' as const }] }
        : year,
    );
    expect(
      checkNamed(check({ award: 'BK_TTG', ...late2025, history: adHoc }), 'chuoi_sau_bang_khen').met,
    ).toBe(false);
    const before = check({ award: 'BK_TTG', date: '2025-06-30', forYear: 2025, history: adHoc });
    expect(checkNamed(before, 'chuoi_sau_bang_khen').met).toBeNull();
  });
});

describe('Huân chương Lao động hạng Ba (Luật 2022 Điều 44 khoản 1 điểm e)', () => {
  const chain = (ratings: string[]) =>
    years(
      [2020, 'HTXSNV', [], ['BK_TTG']],
      ...ratings.map(
        (rating, index) =>
          [2021 + index, rating, index % 2 === 0 ? ['CSTDCS'] : []] as [number, string, string[]],
      ),
    );
  it('is eligible after BK Thủ tướng with one HTXS year and three CSTĐCS in five years', () => {
    const result = check({
      award: 'HCLD_HANG_BA',
      ...late2025,
      history: chain(['HTXSNV', 'HTTNV', 'HTTNV', 'HTTNV', 'HTTNV']),
    });
    expect(result.verdict).toBe('eligible');
    expect(result.cash.amount).toBe(10_530_000);
  });
  it('needs review without an HTXS year, since other routes of Điều 44 are not encoded', () => {
    const result = check({
      award: 'HCLD_HANG_BA',
      ...late2025,
      history: chain(['HTTNV', 'HTTNV', 'HTTNV', 'HTTNV', 'HTTNV']),
    });
    expect(result.verdict).toBe('needs_review');
    expect(checkNamed(result, 'chuoi_sau_bang_khen_ttg').message).toContain('0/1 năm');
  });
});

describe('Bằng khen Thủ tướng before 2024 (NĐ 91/2017 Điều 38)', () => {
  it('is eligible after BK bộ with five HTXS years and five initiatives (an S rule decides)', () => {
    const history = years(
      [2017, 'HTXSNV', [], ['BK_BO_TINH']],
      ...[2018, 2019, 2020, 2021, 2022].map(
        (year) =>
          [year, 'HTXSNV', [], [], [{ scope: 'unit' }]] as [
            number,
            string,
            string[],
            string[],
            { scope: string }[],
          ],
      ),
    );
    const result = check({ award: 'BK_TTG', date: '2023-03-01', forYear: 2022, history });
    expect(checkNamed(result, 'chuoi_sau_bang_khen').met).toBe(true);
    expect(result.verdict).toBe('eligible');
    const four = history.map((year) => (year.year === 2020 ? { ...year, initiatives: [] } : year));
    expect(check({ award: 'BK_TTG', date: '2023-03-01', forYear: 2022, history: four }).verdict).toBe(
      'needs_review',
    );
  });
});
