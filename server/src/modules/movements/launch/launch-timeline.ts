import type { PlanAssignment, PlanContent } from '#contracts/movements.ts';

/** A milestone to store at launch, read from the plan's schedule (tiến độ thực hiện). */
export interface PlannedMilestone {
  kind: PlanContent['milestones'][number]['kind'];
  title: string;
  dueOn: string;
}

/** A task to assign at launch, read from the plan's implementation section (tổ chức thực hiện). */
export interface PlannedAssignment {
  /** The assignee as the plan writes it, without a parenthesised sub-unit ("Sở Nội vụ"). */
  assignee: string;
  task: string;
  dueOn: string | null;
  recurrence: PlanAssignment['recurrence'];
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMonth = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?/;
const deadlineWords = /trước ngày|chậm nhất|hạn chót|thời hạn/iu;

/** `YYYY-MM-DD` when the parts make a real calendar date, else null. */
function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The due date of a parsed deadline: an ISO date as is; "30/11" (a day every year) in the given year;
 * anything else (no date written) null.
 */
export function deadlineDate(deadline: string | null, year: number): string | null {
  if (!deadline) return null;
  const text = deadline.trim();
  const iso = isoDate.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const parts = dayMonth.exec(text);
  if (!parts) return null;
  return calendarDate(Number(parts[3] ?? year), Number(parts[2]), Number(parts[1]));
}

/**
 * The plan's schedule as milestones: the written date when there is one; otherwise the launch step of
 * the launch year falls due with the subordinate units' plans, and any other step at the end of the
 * year it names. Steps naming neither a date nor a year are left out (a milestone needs a date).
 */
export function plannedMilestones(
  plan: PlanContent,
  launch: { year: number; planDeadline: string },
): PlannedMilestone[] {
  return plan.milestones.flatMap((milestone) => {
    const written = deadlineDate(milestone.date, milestone.year ?? launch.year);
    const dueOn =
      written ??
      (milestone.kind === 'launch' && (milestone.year === null || milestone.year === launch.year)
        ? launch.planDeadline
        : milestone.year !== null
          ? `${milestone.year}-12-31`
          : null);
    if (!dueOn) return [];
    return [{ kind: milestone.kind, title: milestone.text.trim().slice(0, 1000), dueOn }];
  });
}

/** The assignee without a parenthesised detail: "Sở Nội vụ (Ban Thi đua - Khen thưởng)" → "Sở Nội vụ". */
export const assigneeName = (assignee: string) =>
  assignee
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * One assignment per task of the plan's implementation section. The section's deadline applies to a
 * lone task, or to the tasks that state a deadline ("trước ngày …") when an assignee has several;
 * a day without a year ("30/11 hằng năm") falls in the launch year.
 */
export function plannedAssignments(plan: PlanContent, launchYear: number): PlannedAssignment[] {
  return plan.assignments.flatMap((assignment) => {
    const assignee = assigneeName(assignment.assignee);
    const dueOn = deadlineDate(assignment.deadline, launchYear);
    const tasks = assignment.tasks.map((task) => task.trim()).filter((task) => task.length >= 3);
    if (!assignee || !tasks.length) return [];
    return tasks.map((task) => ({
      assignee,
      task: task.slice(0, 2000),
      dueOn: tasks.length === 1 || deadlineWords.test(task) ? dueOn : null,
      recurrence: assignment.recurrence,
    }));
  });
}
