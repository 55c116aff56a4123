import { describe, expect, it } from 'vitest';
import { parseEligibilityInput } from './input.ts';
import { EligibilityInputError } from './rule-data-error.ts';
import { testInput } from './test-support.ts';

function errorOf(raw: unknown): EligibilityInputError {
  try {
    parseEligibilityInput(raw);
  } catch (error) {
    if (error instanceof EligibilityInputError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('parsing an eligibility input', () => {
  it('accepts the issue example and fills defaults', () => {
    const parsed = parseEligibilityInput(
      JSON.stringify(testInput({ history: [{ year: 2025, rating: 'HTXSNV' }] })),
    );
    expect(parsed.history[0]).toMatchObject({ titles: [], awards: [], initiatives: [], discipline: 'none' });
  });

  it.each([
    ['an impossible date', { date: '2025-02-30' }, 'date', 'ngày không có thật'],
    ['an unknown field', { extra: true }, 'extra', 'Trường không được phép'],
    ['a wrong type', { forYear: '2025' }, 'forYear', 'cần số'],
    ['an unknown award', { award: 'XYZ' }, 'award', '"XYZ" không có trong danh mục'],
    ['a year after the decision', { forYear: 2026 }, 'forYear', 'không được sau'],
    ['a repeated year', { history: [{ year: 2025 }, { year: 2025 }] }, 'history[2].year', 'lặp lại'],
    [
      'more members than the total',
      {
        subject: 'collective',
        members: { total: 2, completedDuties: 3, ldtt: 2, cstdcs: 0, disciplinedWarningOrAbove: 0 },
      },
      'members.completedDuties',
      'tổng số',
    ],
    [
      'an unknown field in a year',
      { history: [{ year: 2025, grade: 'A' }] },
      'history[1].grade',
      'Trường không được phép',
    ],
  ])('refuses %s with one Vietnamese line naming the field', (_, change, field, words) => {
    const error = errorOf({ ...testInput(), ...change });
    expect(error.field).toBe(field);
    expect(error.message).toContain(words);
    expect(error.message).toContain(field.split('.').at(-1)?.replace(/\[.*$/, '') ?? '');
    expect(error.message).not.toContain('\n');
  });

  it('refuses text that is not JSON', () => {
    expect(errorOf('{"award": ').message).toContain('không phải JSON hợp lệ');
  });
});
