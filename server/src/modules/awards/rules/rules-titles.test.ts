import { describe, expect, it } from 'vitest';
import { changeYear, check, checkNamed, years } from './test-support.ts';

const late2025 = { date: '2025-12-15', forYear: 2025 };
const late2024 = { date: '2024-12-15', forYear: 2024 };
const late2023 = { date: '2023-12-15', forYear: 2023 };

describe('LĐTT and CSTT (Luật 2022 Điều 24)', () => {
  it('gives LĐTT to an official rated at least HTTNV and refuses HTNV', () => {
    for (const when of [late2024, late2025]) {
      expect(check({ award: 'LDTT', ...when, history: years([when.forYear, 'HTTNV']) }).verdict).toBe(
        'eligible',
      );
      expect(check({ award: 'LDTT', ...when, history: years([when.forYear, 'HTNV']) }).verdict).toBe(
        'not_eligible',
      );
    }
  });
  it('sends a worker or farmer who is not rated to the council (criteria set by the province)', () => {
    const result = check({ award: 'LDTT', ...late2025, history: years([2025, undefined]) });
    expect(result.verdict).toBe('needs_review');
    expect(checkNamed(result, 'khong_thuoc_dien_xep_loai').met).toBe(true);
  });
  it('gives CSTT on the same rating', () => {
    expect(check({ award: 'CSTT', ...late2025, history: years([2025, 'HTTNV']) }).verdict).toBe('eligible');
  });
  it('under the 2003 Law the LĐTT criteria are unconfirmed, so never a hard verdict', () => {
    expect(check({ award: 'LDTT', ...late2023, history: years([2023, 'HTTNV']) }).verdict).toBe(
      'needs_review',
    );
    expect(check({ award: 'LDTT', ...late2023, history: years([2023, 'KHTNV']) }).verdict).toBe(
      'needs_review',
    );
  });
});

describe('CSTĐCS (Luật 2022 Điều 23; Luật 2003 Điều 23)', () => {
  it('since 2024: LĐTT plus HTXS, or LĐTT plus an initiative', () => {
    expect(check({ award: 'CSTDCS', ...late2025, history: years([2025, 'HTXSNV', ['LDTT']]) }).verdict).toBe(
      'eligible',
    );
    const initiative = years([2025, 'HTTNV', ['LDTT'], [], [{ scope: 'unit' }]]);
    expect(check({ award: 'CSTDCS', ...late2025, history: initiative }).verdict).toBe('eligible');
    const neither = check({ award: 'CSTDCS', ...late2025, history: years([2025, 'HTTNV', ['LDTT']]) });
    expect(neither.verdict).toBe('not_eligible');
    expect(checkNamed(neither, 'htxs').met).toBe(false);
  });
  it('before 2024 an initiative was compulsory: HTXS alone is not enough', () => {
    expect(check({ award: 'CSTDCS', ...late2023, history: years([2023, 'HTXSNV', ['LDTT']]) }).verdict).toBe(
      'not_eligible',
    );
    const initiative = years([2023, 'HTXSNV', ['LDTT'], [], [{ scope: 'unit' }]]);
    expect(check({ award: 'CSTDCS', ...late2023, history: initiative }).verdict).toBe('eligible');
  });
  it('refuses a second CSTĐCS for the same year', () => {
    const result = check({
      award: 'CSTDCS',
      ...late2025,
      history: years([2025, 'HTXSNV', ['LDTT', 'CSTDCS']]),
    });
    expect(result.verdict).toBe('not_eligible');
    expect(checkNamed(result, 'khong_khen_trung').met).toBe(false);
  });
});

describe('CSTĐ bộ, ban, ngành, tỉnh (Luật 2022 Điều 22)', () => {
  const chain = (initiative: { scope: string; usedFor?: unknown }[] = [{ scope: 'province' }]) =>
    years(
      [2023, 'HTXSNV', ['LDTT', 'CSTDCS']],
      [2024, 'HTXSNV', ['LDTT', 'CSTDCS']],
      [2025, 'HTXSNV', ['LDTT', 'CSTDCS'], [], initiative],
    );
  it('needs three consecutive CSTĐCS and a provincial initiative', () => {
    expect(check({ award: 'CSTD_BO_TINH', ...late2025, history: chain() }).verdict).toBe('eligible');
    expect(check({ award: 'CSTD_BO_TINH', ...late2025, history: chain([{ scope: 'unit' }]) }).verdict).toBe(
      'not_eligible',
    );
    const twice = chain().filter((year) => year.year !== 2023);
    expect(check({ award: 'CSTD_BO_TINH', ...late2025, history: twice }).verdict).toBe('not_eligible');
  });
  it('does not reuse the initiative that already founded a CSTĐCS', () => {
    const used = chain([{ scope: 'province', usedFor: { award: 'CSTDCS', forYear: 2025 } }]);
    const result = check({ award: 'CSTD_BO_TINH', ...late2025, history: used });
    expect(result.verdict).toBe('not_eligible');
    expect(checkNamed(result, 'sang_kien_cap_tinh').message).toContain('một lần');
  });
  it('asks for review when the chain overlaps an earlier provincial title (counting rule unconfirmed)', () => {
    const overlap = changeYear(chain(), 2024, { titles: ['LDTT', 'CSTDCS', 'CSTD_BO_TINH'] });
    const result = check({ award: 'CSTD_BO_TINH', ...late2025, history: overlap });
    expect(result.verdict).toBe('needs_review');
    expect(result.warnings.join(' ')).toContain('mức U');
  });
});

describe('CSTĐ toàn quốc (Luật 2022 Điều 21)', () => {
  it('needs the provincial title twice in a row (three years apart) and a national initiative', () => {
    const history = years(
      [2022, 'HTXSNV', ['CSTD_BO_TINH']],
      [2025, 'HTXSNV', ['CSTD_BO_TINH'], [], [{ scope: 'national' }]],
    );
    expect(check({ award: 'CSTDTQ', ...late2025, history }).verdict).toBe('eligible');
    const notInARow = years(
      [2021, 'HTXSNV', ['CSTD_BO_TINH']],
      [2025, 'HTXSNV', ['CSTD_BO_TINH'], [], [{ scope: 'national' }]],
    );
    expect(check({ award: 'CSTDTQ', ...late2025, history: notInARow }).verdict).toBe('not_eligible');
  });
});
