import { describe, expect, it } from 'vitest';
import {
  assessmentErrors,
  isRemedyOverdue,
  nextStatus,
  normaliseItems,
  scoreTotals,
} from './inspection-rules.ts';

describe('isRemedyOverdue', () => {
  it('is overdue only after the deadline day and while not reported fixed', () => {
    expect(isRemedyOverdue({ status: 'not_started', dueOn: '2025-03-31' }, '2025-04-01')).toBe(true);
    expect(isRemedyOverdue({ status: 'in_progress', dueOn: '2025-03-31' }, '2025-04-01')).toBe(true);
    expect(isRemedyOverdue({ status: 'not_started', dueOn: '2025-03-31' }, '2025-03-31')).toBe(false);
    expect(isRemedyOverdue({ status: 'done', dueOn: '2025-03-31' }, '2026-01-01')).toBe(false);
  });
});

describe('assessmentErrors', () => {
  const scored = { assessment: 'score', maxScore: 10 } as const;
  it('accepts a score from 0 to the maximum', () => {
    expect(assessmentErrors(scored, { score: 0, rating: null })).toEqual([]);
    expect(assessmentErrors(scored, { score: 10, rating: null })).toEqual([]);
    expect(assessmentErrors(scored, { score: 7.5, rating: null })).toEqual([]);
  });
  it('refuses a score above the maximum, a missing score, and a rating on a scored item', () => {
    expect(assessmentErrors(scored, { score: 10.5, rating: null })).toEqual([
      { path: 'score', message: 'Điểm không được vượt quá 10' },
    ]);
    expect(assessmentErrors(scored, { score: null, rating: null })[0]?.path).toBe('score');
    expect(assessmentErrors(scored, { score: 5, rating: 'good' })[0]?.path).toBe('rating');
  });
  it('asks a rating of a rated item and nothing of an item not assessed', () => {
    const rated = { assessment: 'rating', maxScore: null } as const;
    expect(assessmentErrors(rated, { score: null, rating: 'pass' })).toEqual([]);
    expect(assessmentErrors(rated, { score: null, rating: null })[0]?.path).toBe('rating');
    expect(assessmentErrors(rated, { score: 3, rating: 'pass' })[0]?.path).toBe('score');
    const plain = { assessment: 'none', maxScore: null } as const;
    expect(assessmentErrors(plain, { score: null, rating: null })).toEqual([]);
    expect(assessmentErrors(plain, { score: 1, rating: 'fail' })).toHaveLength(2);
  });
});

describe('nextStatus', () => {
  it('moves draft → approved → done and nothing else', () => {
    expect(nextStatus('draft', 'approve')).toBe('approved');
    expect(nextStatus('approved', 'complete')).toBe('done');
    expect(nextStatus('approved', 'approve')).toBeNull();
    expect(nextStatus('draft', 'complete')).toBeNull();
    expect(nextStatus('done', 'complete')).toBeNull();
  });
});

describe('normaliseItems and scoreTotals', () => {
  it('keeps given ids, gives new items unique ids, and sums scored items only', () => {
    const items = normaliseItems([
      { id: 'a', text: 'Ban hành kế hoạch', assessment: 'score', maxScore: 10 },
      { id: 'a', text: 'Tổ chức phát động', assessment: 'score', maxScore: 20 },
      { text: 'Hồ sơ khen thưởng', assessment: 'rating', maxScore: null },
    ]);
    expect(items[0]?.id).toBe('a');
    expect(new Set(items.map((item) => item.id)).size).toBe(3);
    const totals = scoreTotals(items, [{ itemId: 'a', score: 8 }]);
    expect(totals).toEqual({ score: 8, max: 30 });
    expect(scoreTotals([items[2] as (typeof items)[number]], [])).toBeNull();
  });
});
