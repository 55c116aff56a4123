import { describe, expect, it } from 'vitest';
import type { TodoItem } from '../../../../contracts/todo.ts';
import {
  describeDaysLeft,
  describeDeadline,
  formatCount,
  groupByUrgency,
  groupTitle,
} from './todo-format.ts';

const item = (id: string, urgency: TodoItem['urgency']): TodoItem => ({
  id,
  kind: 'assignment',
  title: id,
  detail: null,
  unit: null,
  dueOn: null,
  daysLeft: null,
  urgency,
  link: '/',
  actionLabel: 'Mở',
  source: 'test',
});

describe('to-do wording', () => {
  it('says how far the deadline is in plain Vietnamese', () => {
    expect(describeDaysLeft(-10)).toBe('quá hạn 10 ngày');
    expect(describeDaysLeft(0)).toBe('hết hạn hôm nay');
    expect(describeDaysLeft(1)).toBe('còn 1 ngày (hạn ngày mai)');
    expect(describeDaysLeft(20)).toBe('còn 20 ngày');
    expect(describeDaysLeft(null)).toBeNull();
  });

  it('writes the deadline dd/mm/yyyy', () => {
    expect(describeDeadline({ dueOn: '2026-11-20', daysLeft: -10 })).toBe('Hạn 20/11/2026 — quá hạn 10 ngày');
    expect(describeDeadline({ dueOn: null, daysLeft: null })).toBe('Không có hạn');
  });

  it('groups overdue first, then due soon, later and without a deadline, keeping the order inside', () => {
    const groups = groupByUrgency([
      item('a', 'later'),
      item('b', 'overdue'),
      item('c', 'no_deadline'),
      item('d', 'overdue'),
    ]);
    expect(groups.map((group) => [group.urgency, group.items.map((entry) => entry.id)])).toEqual([
      ['overdue', ['b', 'd']],
      ['later', ['a']],
      ['no_deadline', ['c']],
    ]);
    expect(groupTitle('due_soon')).toBe('Sắp đến hạn (trong 7 ngày)');
    expect(groupTitle('overdue')).toBe('Quá hạn');
  });

  it('writes counts with Vietnamese grouping and marks capped ones', () => {
    expect(formatCount(12, false)).toBe('12');
    expect(formatCount(1000, true)).toBe('1.000+');
  });
});
