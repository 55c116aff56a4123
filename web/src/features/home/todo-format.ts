import { type TodoItem, type TodoUrgency, todoUrgencyLabels } from '../../../../contracts/todo.ts';
import { formatDate } from '../../lib/format.ts';

/** How far the deadline is, as an official says it: "quá hạn 3 ngày", "hết hạn hôm nay", "còn 5 ngày". */
export function describeDaysLeft(daysLeft: number | null): string | null {
  if (daysLeft === null) return null;
  if (daysLeft < 0) return `quá hạn ${-daysLeft} ngày`;
  if (daysLeft === 0) return 'hết hạn hôm nay';
  if (daysLeft === 1) return 'còn 1 ngày (hạn ngày mai)';
  return `còn ${daysLeft} ngày`;
}

/** The deadline line of an item: "Hạn 20/11/2026 — quá hạn 10 ngày", or that it has none. */
export function describeDeadline(item: Pick<TodoItem, 'dueOn' | 'daysLeft'>): string {
  if (!item.dueOn) return 'Không có hạn';
  return `Hạn ${formatDate(item.dueOn)} — ${describeDaysLeft(item.daysLeft)}`;
}

/** The urgency groups in the order they are shown. */
export const urgencyOrder: TodoUrgency[] = ['overdue', 'due_soon', 'later', 'no_deadline'];

/** The heading of a group: "Quá hạn", "Sắp đến hạn (trong 7 ngày)", "Sắp tới", "Không có hạn". */
export function groupTitle(urgency: TodoUrgency): string {
  return urgency === 'due_soon' ? `${todoUrgencyLabels.due_soon} (trong 7 ngày)` : todoUrgencyLabels[urgency];
}

/** The items of each urgency, in the list's own order (the server already sorted them). */
export function groupByUrgency(items: TodoItem[]): { urgency: TodoUrgency; items: TodoItem[] }[] {
  return urgencyOrder
    .map((urgency) => ({ urgency, items: items.filter((item) => item.urgency === urgency) }))
    .filter((group) => group.items.length > 0);
}

/** "12" or "1.000+" for a count that was capped. */
export function formatCount(count: number, isCapped: boolean): string {
  return `${new Intl.NumberFormat('vi-VN').format(count)}${isCapped ? '+' : ''}`;
}
