import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';

const count = (result: unknown) => (result as { rows: unknown[] }).rows.length;

/**
 * Creates the in-app reminders due on `today` (YYYY-MM-DD): for implementing plans, assignments
 * and milestones whose deadline falls within `horizonDays`, one notification per officer of the
 * responsible unit. Each reminder is stored once (dedupe key per item and deadline), so the job
 * can run as often as it likes. E-mail is not sent.
 */
export async function createDueReminders(executor: Executor, today: string, horizonDays = 7) {
  const window = sql`between ${today}::date and ${today}::date + ${horizonDays}::int`;
  const insert = (source: ReturnType<typeof sql>) =>
    executor.execute(sql`
      insert into notifications (user_id, kind, title, body, link, entity_type, entity_id, dedupe_key)
      select distinct g.user_id, s.kind, s.title, s.body, s.link, s.entity_type, s.entity_id, s.dedupe_key
      from (${source}) s
      join role_grants g on g.unit_id = s.unit_id and g.role = 'tdkt_officer'
      join users u on u.id = g.user_id and u.is_active
      on conflict (user_id, dedupe_key) do nothing
      returning id`);
  const obligations = await insert(sql`
    select o.unit_id, 'reminder.plan' as kind, 'Sắp đến hạn ban hành kế hoạch triển khai' as title,
      'Phong trào “' || m.name || '”: hạn ban hành kế hoạch triển khai là ' || to_char(o.due_on, 'DD/MM/YYYY') || '.' as body,
      '/movements/' || m.id as link, 'plan_obligation' as entity_type, o.id::text as entity_id,
      'reminder:obligation:' || o.id || ':' || o.due_on as dedupe_key
    from plan_obligations o join movements m on m.id = o.movement_id
    where o.state = 'pending' and o.due_on ${window}`);
  const assignments = await insert(sql`
    select a.assignee_unit_id as unit_id, 'reminder.assignment' as kind, 'Sắp đến hạn nhiệm vụ được giao' as title,
      'Phong trào “' || m.name || '”: ' || a.task || ' — hạn ' || to_char(d.due, 'DD/MM/YYYY') || '.' as body,
      '/movements/' || m.id as link, 'movement_assignment' as entity_type, a.id::text as entity_id,
      'reminder:assignment:' || a.id || ':' || d.due as dedupe_key
    from movement_assignments a
    join movements m on m.id = a.movement_id
    cross join lateral (select case when a.recurrence = 'yearly'
      then (a.due_on + make_interval(years => greatest(0, extract(year from ${today}::date)::int - extract(year from a.due_on)::int)))::date
      else a.due_on end as due) d
    where a.status = 'open' and d.due ${window}`);
  const milestones = await insert(sql`
    select m.launching_unit_id as unit_id, 'reminder.milestone' as kind, 'Sắp đến mốc tiến độ' as title,
      'Phong trào “' || m.name || '”: ' || ms.title || ' — ngày ' || to_char(ms.due_on, 'DD/MM/YYYY') || '.' as body,
      '/movements/' || m.id as link, 'movement_milestone' as entity_type, ms.id::text as entity_id,
      'reminder:milestone:' || ms.id || ':' || ms.due_on as dedupe_key
    from movement_milestones ms join movements m on m.id = ms.movement_id
    where ms.done_at is null and m.status = 'launched' and ms.due_on ${window}`);
  return { obligations: count(obligations), assignments: count(assignments), milestones: count(milestones) };
}
