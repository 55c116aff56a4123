import { describe, expect, it } from 'vitest';
import { calendarOf } from '../working-days/working-days.ts';
import { lowerUnitStatus, reminderKindOn, selectReminders } from './deadline-rules.ts';

// 2 September 2025 (Tuesday) and 1 September (Monday) are days off.
const calendar = calendarOf([
  { date: '2025-09-01', kind: 'holiday' },
  { date: '2025-09-02', kind: 'holiday' },
]);
const due = (deadline: string, submitted = false) => ({ deadline, submitted });

describe('reminderKindOn', () => {
  it('reminds from three working days before the deadline up to it, skipping weekends', () => {
    // Deadline Wednesday 15 Oct 2025: three working days before is Friday 10 Oct.
    expect(reminderKindOn(calendar, due('2025-10-15'), '2025-10-09')).toBeNull();
    expect(reminderKindOn(calendar, due('2025-10-15'), '2025-10-10')).toBe('due_soon');
    expect(reminderKindOn(calendar, due('2025-10-15'), '2025-10-15')).toBe('due_soon');
  });
  it('skips holidays when counting back', () => {
    // Deadline Thursday 4 Sep 2025: Wed 3, Fri 29 Aug, Thu 28 Aug (1–2 Sep off, 30–31 Aug weekend).
    expect(reminderKindOn(calendar, due('2025-09-04'), '2025-08-27')).toBeNull();
    expect(reminderKindOn(calendar, due('2025-09-04'), '2025-08-28')).toBe('due_soon');
  });
  it('is overdue the day after the deadline, and silent once the unit has sent', () => {
    expect(reminderKindOn(calendar, due('2025-10-15'), '2025-10-16')).toBe('overdue');
    expect(reminderKindOn(calendar, due('2025-10-15', true), '2025-10-16')).toBeNull();
    expect(reminderKindOn(calendar, due('2025-10-15', true), '2025-10-14')).toBeNull();
  });
});

describe('selectReminders', () => {
  it('keeps the units due a reminder today, with its kind', () => {
    const candidates = [
      { roundId: 'r', unitId: 'a', deadline: '2025-10-15', submitted: false },
      { roundId: 'r', unitId: 'b', deadline: '2025-10-30', submitted: false },
      { roundId: 'r', unitId: 'c', deadline: '2025-10-01', submitted: false },
      { roundId: 'r', unitId: 'd', deadline: '2025-10-01', submitted: true },
    ];
    expect(selectReminders(calendar, candidates, '2025-10-14')).toEqual([
      { ...candidates[0], kind: 'due_soon' },
      { ...candidates[2], kind: 'overdue' },
    ]);
  });
});

describe('lowerUnitStatus', () => {
  it('tells sent on time, sent late, not yet and overdue', () => {
    expect(lowerUnitStatus('2025-10-15', '2025-10-15', '2025-10-20')).toBe('submitted');
    expect(lowerUnitStatus('2025-10-15', '2025-10-16', '2025-10-20')).toBe('late');
    expect(lowerUnitStatus('2025-10-15', null, '2025-10-15')).toBe('pending');
    expect(lowerUnitStatus('2025-10-15', null, '2025-10-16')).toBe('overdue');
    expect(lowerUnitStatus(null, null, '2030-01-01')).toBe('pending');
    expect(lowerUnitStatus(null, '2025-01-01', '2030-01-01')).toBe('submitted');
  });
});
