import { type SQL, sql } from 'drizzle-orm';
import { grantedUnitIds } from '#server/platform/auth/policy.ts';
import { type SortColumns, sqlTodoProvider, uuidList } from '#server/platform/todo/sql-provider.ts';
import { MANAGE_ROLES } from '../movements.policy.ts';
import { UNIT_WORK_ROLES } from './obligation-todos.ts';

/** Assignments and milestones further away than this are not work yet: the list would fill with 2030. */
export const TIMELINE_HORIZON_DAYS = 60;
/** The milestones a council member attends to: the yearly, mid-term and final reviews. */
const COUNCIL_MILESTONES = sql`('annual', 'midterm_review', 'final_review')`;
const timelineLink = (movementId: string) => `/phong-trao/${movementId}?tab=tien-do`;
const horizon = (today: string) => sql`${today}::date + ${TIMELINE_HORIZON_DAYS}::int`;

interface TimelineRow extends SortColumns {
  title: string;
  movement_id: string;
  movement_name: string;
  unit_id: string;
  unit_name: string;
  due_on: string;
}

/**
 * Open assignments of the units the user is an officer or head of, by their next due date (a yearly
 * one comes back on the same day each year, as in timeline.service.ts), overdue or within the horizon.
 * Assignments without a date are standing duties, not to-dos.
 */
export const assignmentTodos = sqlTodoProvider<TimelineRow>({
  source: 'movements.assignments',
  kind: 'assignment',
  select(principal, today) {
    const unitIds = grantedUnitIds(principal, UNIT_WORK_ROLES);
    if (!unitIds.length) return null;
    return sql`select d.due as sort_due, null::timestamptz as sort_at, a.id as sort_id,
        a.task as title, m.id as movement_id, m.name as movement_name, u.id as unit_id, u.name as unit_name,
        d.due::text as due_on
      from movement_assignments a
      join movements m on m.id = a.movement_id
      join units u on u.id = a.assignee_unit_id
      cross join lateral (select case when a.recurrence = 'yearly'
        then (a.due_on + make_interval(years => greatest(0,
          extract(year from ${today}::date)::int - extract(year from a.due_on)::int)))::date
        else a.due_on end as due) d
      where a.assignee_unit_id in ${uuidList(unitIds)} and a.status = 'open' and m.status = 'launched'
        and a.due_on is not null and d.due <= ${horizon(today)}`;
  },
  toDraft(row) {
    return {
      key: row.sort_id,
      kind: 'assignment',
      title: row.title,
      detail: row.movement_name,
      unit: { id: row.unit_id, name: row.unit_name },
      dueOn: row.due_on,
      link: timelineLink(row.movement_id),
      actionLabel: 'Xem nhiệm vụ',
    };
  },
});

/**
 * Milestones not yet done of the launched movements of the units the user runs (an officer of the
 * launching unit: every milestone) or sits on the council of (a council member: the reviews),
 * overdue or within the horizon, through the launching-unit and milestone indexes.
 */
export const milestoneTodos = sqlTodoProvider<TimelineRow>({
  source: 'movements.milestones',
  kind: 'milestone',
  select(principal, today) {
    const officerUnits = grantedUnitIds(principal, MANAGE_ROLES);
    const councilUnits = grantedUnitIds(principal, ['council_member']).filter(
      (id) => !officerUnits.includes(id),
    );
    const parts: SQL[] = [];
    if (officerUnits.length) parts.push(sql`m.launching_unit_id in ${uuidList(officerUnits)}`);
    if (councilUnits.length)
      parts.push(
        sql`(m.launching_unit_id in ${uuidList(councilUnits)} and ms.kind in ${COUNCIL_MILESTONES})`,
      );
    if (!parts.length) return null;
    return sql`select ms.due_on as sort_due, null::timestamptz as sort_at, ms.id as sort_id,
        ms.title, m.id as movement_id, m.name as movement_name, u.id as unit_id, u.name as unit_name,
        ms.due_on::text as due_on
      from movement_milestones ms
      join movements m on m.id = ms.movement_id
      join units u on u.id = m.launching_unit_id
      where (${sql.join(parts, sql` or `)}) and m.status = 'launched' and ms.done_at is null
        and ms.due_on <= ${horizon(today)}`;
  },
  toDraft(row) {
    return {
      key: row.sort_id,
      kind: 'milestone',
      title: row.title,
      detail: row.movement_name,
      unit: { id: row.unit_id, name: row.unit_name },
      dueOn: row.due_on,
      link: timelineLink(row.movement_id),
      actionLabel: 'Xem tiến độ',
    };
  },
});
