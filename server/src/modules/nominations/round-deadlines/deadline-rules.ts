import {
  type LowerUnitStatus,
  REMIND_WORKING_DAYS_BEFORE,
  type RoundReminderKind,
} from '#contracts/round-deadlines.ts';
import { addWorkingDays, type WorkingCalendar } from '../working-days/working-days.ts';

/**
 * Where a lower unit stands on `today` (ISO dates): sent by its deadline (or with none), sent after
 * it, not yet sent while the deadline is ahead (or none), or not sent with the deadline past.
 */
export function lowerUnitStatus(
  deadline: string | null,
  submittedOn: string | null,
  today: string,
): LowerUnitStatus {
  if (submittedOn) return deadline && submittedOn > deadline ? 'late' : 'submitted';
  return deadline && today > deadline ? 'overdue' : 'pending';
}

/** A lower unit in a round with the deadline that applies to it, and whether it has sent a tờ trình. */
export interface ReminderCandidate {
  roundId: string;
  unitId: string;
  deadline: string;
  submitted: boolean;
}

/**
 * The reminder a unit is due on `today`: `due_soon` from REMIND_WORKING_DAYS_BEFORE working days
 * before its deadline up to the deadline itself, `overdue` once the deadline has passed; none when
 * it has already sent its tờ trình.
 */
export function reminderKindOn(
  calendar: WorkingCalendar,
  candidate: Pick<ReminderCandidate, 'deadline' | 'submitted'>,
  today: string,
): RoundReminderKind | null {
  if (candidate.submitted) return null;
  if (today > candidate.deadline) return 'overdue';
  const from = addWorkingDays(calendar, candidate.deadline, -REMIND_WORKING_DAYS_BEFORE);
  return today >= from ? 'due_soon' : null;
}

/** The reminders due on `today` for the candidates (each still to be stored once). */
export function selectReminders(
  calendar: WorkingCalendar,
  candidates: readonly ReminderCandidate[],
  today: string,
) {
  return candidates.flatMap((candidate) => {
    const kind = reminderKindOn(calendar, candidate, today);
    return kind ? [{ ...candidate, kind }] : [];
  });
}
