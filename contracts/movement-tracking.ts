import { z } from 'zod';
import { CursorQuery, cursorPageOf, IsoDate, MultilineText, RecordVersion, Text, Uuid } from './common.ts';

/** Taking part in and tracking a movement: registrations (đăng ký thi đua), milestones (tiến độ), assignments. */

const UnitRef = z.object({ id: z.string(), name: z.string() });

/** Registration (đăng ký thi đua) states. */
export const RegistrationStatus = z.enum(['draft', 'submitted', 'approved', 'returned']);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;
export const registrationStatusLabels: Record<RegistrationStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  approved: 'Đã duyệt',
  returned: 'Bị trả lại',
};
export const RegistrationKind = z.enum(['unit', 'person', 'consolidated']);
export type RegistrationKind = z.infer<typeof RegistrationKind>;
export const RegistrationAction = z.enum(['edit', 'submit', 'approve', 'return']);
export type RegistrationAction = z.infer<typeof RegistrationAction>;

export const PledgeTarget = z.object({
  label: Text(300).min(1, 'Vui lòng ghi chỉ tiêu'),
  value: z.number().min(0, 'Chỉ tiêu không được là số âm').max(1e12, 'Chỉ tiêu quá lớn'),
  unit: Text(50).nullable().optional(),
});
export type PledgeTarget = z.infer<typeof PledgeTarget>;

export const Registration = z.object({
  id: z.string(),
  movementId: z.string(),
  kind: RegistrationKind,
  unit: UnitRef,
  person: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  status: RegistrationStatus,
  pledge: z.string(),
  targets: z.array(PledgeTarget),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  includedIds: z.array(z.string()),
  actions: z.array(RegistrationAction),
  /** The record's version; an edit sends it back and is refused (409) when it is stale. */
  version: z.number().int(),
});
export type Registration = z.infer<typeof Registration>;
export const RegistrationPage = cursorPageOf(Registration);
/** A movement's registrations in scope, by unit then person, keyset-paged. */
export const RegistrationQuery = CursorQuery.extend({
  status: RegistrationStatus.optional(),
  unitId: Uuid.optional(),
});
export type RegistrationQuery = z.infer<typeof RegistrationQuery>;

/** Body of POST /api/movements/:id/registrations: a unit (unitId) or the caller themselves (no unitId). */
export const CreateRegistrationBody = z.object({
  unitId: Uuid.optional(),
  pledge: MultilineText(10_000).min(3, 'Vui lòng ghi nội dung đăng ký'),
  targets: z.array(PledgeTarget).max(50).default([]),
});
export type CreateRegistrationBody = z.infer<typeof CreateRegistrationBody>;
export const UpdateRegistrationBody = z.object({
  pledge: MultilineText(10_000).min(3, 'Vui lòng ghi nội dung đăng ký').optional(),
  targets: z.array(PledgeTarget).max(50).optional(),
  /** The version of the registration the form loaded. */
  version: RecordVersion,
});
export const ReturnBody = z.object({
  reason: MultilineText(2000).min(3, 'Vui lòng nêu lý do trả lại'),
});
export const ConsolidateBody = z.object({
  unitId: Uuid,
  pledge: MultilineText(10_000).min(3, 'Vui lòng ghi nội dung đăng ký'),
});

/** Milestones (tiến độ) stored per movement, with overdue computed against today. */
export const MilestoneItem = z.object({
  id: z.string(),
  kind: z.enum(['launch', 'annual', 'midterm_review', 'final_review', 'deadline', 'other']),
  title: z.string(),
  dueOn: z.string(),
  doneAt: z.string().nullable(),
  isOverdue: z.boolean(),
  /** The record's version; a change sends it back and is refused (409) when it is stale. */
  version: z.number().int(),
});
export type MilestoneItem = z.infer<typeof MilestoneItem>;
export const MilestoneBody = z.object({
  kind: MilestoneItem.shape.kind.default('other'),
  title: Text(1000).min(3, 'Vui lòng ghi nội dung mốc tiến độ'),
  dueOn: IsoDate,
});
export const UpdateMilestoneBody = z.object({
  title: Text(1000).min(3, 'Vui lòng ghi nội dung mốc tiến độ').optional(),
  dueOn: IsoDate.optional(),
  done: z.boolean().optional(),
  version: RecordVersion,
});

export const AssignmentStatus = z.enum(['open', 'done']);
export const AssignmentItem = z.object({
  id: z.string(),
  assignee: z.object({ id: z.string(), name: z.string() }),
  task: z.string(),
  dueOn: z.string().nullable(),
  recurrence: z.enum(['once', 'yearly']),
  status: AssignmentStatus,
  doneAt: z.string().nullable(),
  isOverdue: z.boolean(),
  /** The record's version; a change sends it back and is refused (409) when it is stale. */
  version: z.number().int(),
});
export type AssignmentItem = z.infer<typeof AssignmentItem>;
export const AssignmentBody = z.object({
  assigneeUnitId: Uuid,
  task: MultilineText(2000).min(3, 'Vui lòng ghi nhiệm vụ'),
  dueOn: IsoDate.nullable().optional(),
  recurrence: z.enum(['once', 'yearly']).default('once'),
});
export const UpdateAssignmentBody = z.object({ status: AssignmentStatus, version: RecordVersion });
