import { z } from 'zod';
import { IsoDate } from './common.ts';

/**
 * What a to-do item asks of the user. A module that contributes a new kind of work (reports,
 * scores, nominations, votes) adds its kind here with its Vietnamese label.
 */
export const TodoKind = z.enum([
  'plan_obligation',
  'plan_follow_up',
  'registration_review',
  'registration_fix',
  'assignment',
  'milestone',
  'unit_without_officer',
  'nomination_receive',
  'nomination_fix',
  'nomination_send',
  'nomination_appraise',
  'ballot_pending',
  'session_close',
  'public_comment_answer',
  'inspection_remedy',
  'inspection_overdue',
  'report_due',
  'report_review',
  'exemplar_confirm',
  'bloc_self_assessment',
  'bloc_review',
]);
export type TodoKind = z.infer<typeof TodoKind>;
export const todoKindLabels: Record<TodoKind, string> = {
  plan_obligation: 'Ban hành kế hoạch',
  plan_follow_up: 'Đôn đốc đơn vị',
  registration_review: 'Duyệt đăng ký thi đua',
  registration_fix: 'Hoàn thiện đăng ký',
  assignment: 'Nhiệm vụ được giao',
  milestone: 'Mốc tiến độ',
  unit_without_officer: 'Thiếu cán bộ TĐKT',
  nomination_receive: 'Tiếp nhận tờ trình khen thưởng',
  nomination_fix: 'Sửa tờ trình bị trả lại',
  nomination_send: 'Gửi tờ trình theo đợt khen thưởng',
  nomination_appraise: 'Tờ trình chờ thẩm định',
  ballot_pending: 'Phiếu bầu chờ bỏ phiếu',
  session_close: 'Phiên họp cần kết thúc',
  public_comment_answer: 'Ý kiến công khai chờ trả lời',
  inspection_remedy: 'Khắc phục sau kiểm tra',
  inspection_overdue: 'Đơn vị chậm khắc phục sau kiểm tra',
  report_due: 'Báo cáo cần gửi',
  report_review: 'Báo cáo chờ duyệt',
  exemplar_confirm: 'Điển hình chờ xác nhận',
  bloc_self_assessment: 'Tự chấm điểm thi đua khối, cụm',
  bloc_review: 'Chấm điểm đơn vị trong khối, cụm',
};

/** How pressing an item is, from its deadline and today. */
export const TodoUrgency = z.enum(['overdue', 'due_soon', 'later', 'no_deadline']);
export type TodoUrgency = z.infer<typeof TodoUrgency>;
export const todoUrgencyLabels: Record<TodoUrgency, string> = {
  overdue: 'Quá hạn',
  due_soon: 'Sắp đến hạn',
  later: 'Sắp tới',
  no_deadline: 'Không có hạn',
};
/** An item due within this many days (today included) is "due soon". */
export const DUE_SOON_DAYS = 7;
/** The most items the home page shows at once; the counts still cover every item. */
export const TODO_LIMIT_MAX = 100;
export const TODO_LIMIT_DEFAULT = 50;

/** One piece of work waiting for the user, with where in the web app it is done. */
export const TodoItem = z.object({
  /** Stable key: the source and the record, e.g. `movements.plan-obligations:<id>`. */
  id: z.string(),
  kind: TodoKind,
  /** What to do, in a short sentence. */
  title: z.string(),
  /** The movement or record it concerns (one line), if any. */
  detail: z.string().nullable(),
  /** The unit the work concerns, if any. */
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Deadline (ISO date), or null when the work has none. */
  dueOn: IsoDate.nullable(),
  /** Days from today to the deadline: negative when overdue, null without a deadline. */
  daysLeft: z.number().int().nullable(),
  urgency: TodoUrgency,
  /** Path inside the web app where the work is done, e.g. `/phong-trao/<id>?tab=dang-ky`. */
  link: z.string(),
  /** Label of the button that opens the link. */
  actionLabel: z.string(),
  /** The module (and part) that contributed the item. */
  source: z.string(),
});
export type TodoItem = z.infer<typeof TodoItem>;

/** How many items of a kind the user has; `isCapped` when there are at least that many. */
export const TodoKindCount = z.object({
  kind: TodoKind,
  count: z.number().int(),
  isCapped: z.boolean(),
});
export type TodoKindCount = z.infer<typeof TodoKindCount>;

/** The user's to-do list: the most urgent items first, and how many there are of each kind. */
export const TodoList = z.object({
  /** The day the urgency was computed for (ISO date). */
  today: IsoDate,
  items: z.array(TodoItem),
  counts: z.array(TodoKindCount),
  /** Items in all (capped counts included as they are). */
  total: z.number().int(),
  /** True when there are more items than the list shows. */
  isTruncated: z.boolean(),
});
export type TodoList = z.infer<typeof TodoList>;

export const TodoQuery = z.object({
  limit: z.coerce
    .number('Số việc phải là một số')
    .int('Số việc phải là số nguyên')
    .min(1, 'Số việc ít nhất là 1')
    .max(TODO_LIMIT_MAX, `Số việc nhiều nhất là ${TODO_LIMIT_MAX}`)
    .default(TODO_LIMIT_DEFAULT),
});
export type TodoQuery = z.infer<typeof TodoQuery>;
