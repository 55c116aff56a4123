import { sql } from 'drizzle-orm';
import { REMEDY_REMIND_WORKING_DAYS } from '#contracts/inspections.ts';
import { addWorkingDays, loadCalendar } from '#server/modules/nominations/index.ts';
import { mailNotifications, type ReminderLog } from '#server/modules/notifications/index.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { type Mailer, noMailer } from '#server/platform/mail/mailer.ts';
import { FOLLOW_UP_ROLES } from '../inspections.policy.ts';

/** Days around today within which deadlines are looked at (covers 3 working days even across Tết). */
const WINDOW_DAYS = 14;

type RemedyReminderKind = 'due_soon' | 'overdue';

interface CandidateRow {
  remedy_id: string;
  text: string;
  due_on: string;
  target_id: string;
  unit_id: string;
  plan_title: string;
}

const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;
const shift = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const formatDay = (iso: string) => iso.split('-').reverse().join('/');
const short = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

/** Remedies not reported fixed, of plans past the draft, whose deadline lies near today. */
async function loadCandidates(executor: Executor, today: string) {
  const result = await executor.execute(sql`
    select r.id as remedy_id, r.text, to_char(r.due_on, 'YYYY-MM-DD') as due_on, t.id as target_id,
      t.unit_id, p.title as plan_title
    from inspection_remedies r
    join inspection_targets t on t.id = r.target_id
    join inspection_plans p on p.id = t.plan_id and p.status <> 'draft'
    where r.status <> 'done'
      and r.due_on between ${today}::date - ${WINDOW_DAYS}::int and ${today}::date + ${WINDOW_DAYS}::int`);
  return rowsOf<CandidateRow>(result);
}

const texts: Record<RemedyReminderKind, { title: string; body: (row: CandidateRow) => string }> = {
  due_soon: {
    title: 'Sắp đến hạn khắc phục sau kiểm tra',
    body: (row) =>
      `“${short(row.text)}” (${row.plan_title}): hạn khắc phục là ${formatDay(row.due_on)}; đề nghị báo cáo kết quả khắc phục.`,
  },
  overdue: {
    title: 'Đã quá hạn khắc phục sau kiểm tra',
    body: (row) =>
      `“${short(row.text)}” (${row.plan_title}): hạn khắc phục là ${formatDay(row.due_on)}, đơn vị chưa báo cáo đã khắc phục.`,
  },
};

/**
 * Reminds inspected units of the remedies they still owe: `due_soon` from three working days before
 * the deadline (the holidays calendar of the nominations module), `overdue` after it; in-app to the
 * unit's emulation officers and head. Each reminder is stored once per remedy, kind and deadline
 * (`inspection_remedy_reminders`), so reruns and restarts never repeat it and a moved deadline is
 * reminded afresh. New reminders are then e-mailed when SMTP is configured, after the commit.
 */
export async function createRemedyReminders(
  db: Database,
  today: string,
  options: { mailer?: Mailer; log?: ReminderLog } = {},
) {
  const rows = await loadCandidates(db, today);
  const calendar = await loadCalendar(db, shift(today, -40), shift(today, 40));
  const due = rows.flatMap((row): { row: CandidateRow; kind: RemedyReminderKind }[] => {
    if (today > row.due_on) return [{ row, kind: 'overdue' }];
    const from = addWorkingDays(calendar, row.due_on, -REMEDY_REMIND_WORKING_DAYS);
    return today >= from ? [{ row, kind: 'due_soon' }] : [];
  });
  const stored = await db.transaction(async (tx) => {
    const created: string[] = [];
    let reminders = 0;
    for (const { row, kind } of due) {
      const fresh = rowsOf<{ id: string }>(
        await tx.execute(sql`
          insert into inspection_remedy_reminders (remedy_id, kind, due_on)
          values (${row.remedy_id}, ${kind}, ${row.due_on}::date)
          on conflict (remedy_id, kind, due_on) do nothing
          returning id`),
      );
      if (!fresh.length) continue;
      reminders += 1;
      const text = texts[kind];
      const roles = sql.join(
        FOLLOW_UP_ROLES.map((role) => sql`${role}`),
        sql`, `,
      );
      const notified = await tx.execute(sql`
        insert into notifications (user_id, kind, title, body, link, entity_type, entity_id, dedupe_key)
        select distinct g.user_id, ${`reminder.inspection_${kind}`}, ${text.title}, ${text.body(row)},
          ${`/kiem-tra/doi-tuong/${row.target_id}`}, 'inspection_remedy', ${row.remedy_id},
          ${`reminder:inspection_remedy:${row.remedy_id}:${kind}:${row.due_on}`}
        from role_grants g
        join users u on u.id = g.user_id and u.is_active
        where g.unit_id = ${row.unit_id} and g.role in (${roles})
        on conflict (user_id, dedupe_key) do nothing
        returning id`);
      created.push(...rowsOf<{ id: string }>(notified).map((notice) => notice.id));
    }
    return { created, reminders };
  });
  const mailed = await mailNotifications(db, options.mailer ?? noMailer, stored.created, options.log).catch(
    (error) => {
      options.log?.error({ err: error }, 'remedy reminder e-mails failed');
      return 0;
    },
  );
  return { reminders: stored.reminders, notified: stored.created.length, mailed };
}
