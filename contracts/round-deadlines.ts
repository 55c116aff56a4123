import { z } from 'zod';
import { CursorQuery, cursorPageOf, IsoDate, RecordVersion, StoredDate } from './common.ts';

/** Where a lower unit stands in a round: sent on time, sent late, not yet, or past its deadline. */
export const LowerUnitStatus = z.enum(['submitted', 'late', 'pending', 'overdue']);
export type LowerUnitStatus = z.infer<typeof LowerUnitStatus>;
export const lowerUnitStatusLabels: Record<LowerUnitStatus, string> = {
  submitted: 'Đã gửi',
  late: 'Gửi muộn',
  pending: 'Chưa gửi',
  overdue: 'Quá hạn, chưa gửi',
};

/** One lower unit of a round: its deadline (its own, else the round's) and whether it has sent. */
export const RoundUnit = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  /** The deadline that applies: the unit's own, else the round's (ISO), or null. */
  deadline: StoredDate.nullable(),
  /** The unit's own deadline when the receiving level set one. */
  ownDeadline: StoredDate.nullable(),
  /** Version of the unit's own deadline (send it back to change it), null when none is set. */
  version: z.number().int().nullable(),
  /** When the unit's first tờ trình still standing was sent, or null. */
  submittedAt: z.string().nullable(),
  status: LowerUnitStatus,
});
export type RoundUnit = z.infer<typeof RoundUnit>;

/** GET /api/award-rounds/:id/units: the receiving unit's direct lower units, keyset-paged by name order. */
export const RoundUnitQuery = CursorQuery;
export const RoundUnitPage = cursorPageOf(RoundUnit);
export type RoundUnitPage = z.infer<typeof RoundUnitPage>;

/**
 * PUT /api/award-rounds/:id/units/:unitId/deadline: a lower unit's own deadline (null removes it,
 * back to the round's), at the version shown; `version` null when the unit had none.
 */
export const SetUnitDeadlineBody = z.object({
  deadline: IsoDate.nullable(),
  version: RecordVersion.nullable(),
});
export type SetUnitDeadlineBody = z.infer<typeof SetUnitDeadlineBody>;

/** Kinds of deadline reminder a lower unit receives, once each per deadline. */
export const RoundReminderKind = z.enum(['due_soon', 'overdue']);
export type RoundReminderKind = z.infer<typeof RoundReminderKind>;

/** Working days before a deadline when the lower units still to send are reminded. */
export const REMIND_WORKING_DAYS_BEFORE = 3;
