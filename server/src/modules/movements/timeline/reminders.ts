import { sql } from 'drizzle-orm';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { type Mailer, noMailer } from '#server/platform/mail/mailer.ts';

const idsOf = (result: unknown) => (result as { rows: { id: string }[] }).rows.map((row) => row.id);

/** Where failures of the e-mail step are logged (once per run). */
export interface ReminderLog {
  error(details: object, message: string): void;
}

/** A reminder to e-mail: the stored notification and its recipient's address. */
interface ReminderMail {
  title: string;
  body: string;
  link: string | null;
  email: string;
  full_name: string;
}

/**
 * Creates the in-app reminders due on `today` (YYYY-MM-DD): for implementing plans, assignments
 * and milestones whose deadline falls within `horizonDays`, one notification per officer of the
 * responsible unit. Each reminder is stored once (dedupe key per item and deadline), so the job
 * can run as often as it likes. When SMTP is configured, each new reminder is then e-mailed to its
 * recipient if they have an address: after the commit, so a mail server that is down never undoes
 * or delays the reminders; its failures are logged once per run.
 */
export async function createDueReminders(
  db: Database,
  today: string,
  options: { horizonDays?: number; mailer?: Mailer; log?: ReminderLog } = {},
) {
  const created = await db.transaction((tx) => insertDueReminders(tx, today, options.horizonDays ?? 7));
  const mailed = await mailReminders(db, options.mailer ?? noMailer, created, options.log).catch((error) => {
    options.log?.error({ err: error }, 'reminder e-mails failed');
    return 0;
  });
  return {
    obligations: created.obligations.length,
    assignments: created.assignments.length,
    milestones: created.milestones.length,
    mailed,
  };
}

/** Stores the due reminders of the three kinds; returns the ids of the new notifications. */
async function insertDueReminders(executor: Executor, today: string, horizonDays: number) {
  const window = sql`between ${today}::date and ${today}::date + ${horizonDays}::int`;
  const insert = async (source: ReturnType<typeof sql>) =>
    idsOf(
      await executor.execute(sql`
      insert into notifications (user_id, kind, title, body, link, entity_type, entity_id, dedupe_key)
      select distinct g.user_id, s.kind, s.title, s.body, s.link, s.entity_type, s.entity_id, s.dedupe_key
      from (${source}) s
      join role_grants g on g.unit_id = s.unit_id and g.role = 'tdkt_officer'
      join users u on u.id = g.user_id and u.is_active
      on conflict (user_id, dedupe_key) do nothing
      returning id`),
    );
  const obligations = await insert(sql`
    select o.unit_id, 'reminder.plan' as kind, 'Sắp đến hạn ban hành kế hoạch triển khai' as title,
      'Phong trào “' || m.name || '”: hạn ban hành kế hoạch triển khai là ' || to_char(o.due_on, 'DD/MM/YYYY') || '.' as body,
      '/phong-trao/' || m.id as link, 'plan_obligation' as entity_type, o.id::text as entity_id,
      'reminder:obligation:' || o.id || ':' || o.due_on as dedupe_key
    from plan_obligations o join movements m on m.id = o.movement_id
    where o.state = 'pending' and o.due_on ${window}`);
  const assignments = await insert(sql`
    select a.assignee_unit_id as unit_id, 'reminder.assignment' as kind, 'Sắp đến hạn nhiệm vụ được giao' as title,
      'Phong trào “' || m.name || '”: ' || a.task || ' — hạn ' || to_char(d.due, 'DD/MM/YYYY') || '.' as body,
      '/phong-trao/' || m.id as link, 'movement_assignment' as entity_type, a.id::text as entity_id,
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
      '/phong-trao/' || m.id as link, 'movement_milestone' as entity_type, ms.id::text as entity_id,
      'reminder:milestone:' || ms.id || ':' || ms.due_on as dedupe_key
    from movement_milestones ms join movements m on m.id = ms.movement_id
    where ms.done_at is null and m.status = 'launched' and ms.due_on ${window}`);
  return { obligations, assignments, milestones };
}

/**
 * E-mails stored reminder notifications (by id) to their recipients with an address, the same way
 * as the movement reminders; other modules' reminders (reports) go out through it.
 */
export const mailReminderNotifications = (db: Database, mailer: Mailer, ids: string[], log?: ReminderLog) =>
  mailReminders(db, mailer, { obligations: ids, assignments: [], milestones: [] }, log);

/** E-mails the new reminders to recipients with an address; returns how many were sent. */
async function mailReminders(
  db: Database,
  mailer: Mailer,
  created: Record<'obligations' | 'assignments' | 'milestones', string[]>,
  log: ReminderLog | undefined,
): Promise<number> {
  const ids = [...created.obligations, ...created.assignments, ...created.milestones];
  if (!mailer.isConfigured || !ids.length) return 0;
  const result = await db.execute(sql`
    select n.title, n.body, n.link, u.email, u.full_name
    from notifications n join users u on u.id = n.user_id
    where n.id = any(string_to_array(${ids.join(',')}, ',')::uuid[]) and u.email is not null
    order by n.created_at, n.id`);
  const mails = (result as unknown as { rows: ReminderMail[] }).rows;
  let sent = 0;
  const failures: unknown[] = [];
  for (const mail of mails) {
    try {
      await mailer.sendMail({
        to: { name: mail.full_name, address: mail.email },
        subject: `[TĐKT] ${mail.title}`,
        text: reminderText(mail),
      });
      sent += 1;
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length) {
    log?.error({ err: failures[0], failed: failures.length, total: mails.length }, 'reminder e-mails failed');
  }
  return sent;
}

/** The plain-text body of a reminder e-mail, in Vietnamese. */
const reminderText = (mail: ReminderMail) =>
  [
    `Kính gửi ${mail.full_name},`,
    '',
    mail.body,
    '',
    mail.link
      ? `Đăng nhập hệ thống TĐKT để xem chi tiết (mục Thông báo; trang ${mail.link}).`
      : 'Đăng nhập hệ thống TĐKT để xem chi tiết (mục Thông báo).',
    '',
    'Thư này do hệ thống quản lý thi đua, khen thưởng gửi tự động; vui lòng không trả lời.',
  ].join('\n');
