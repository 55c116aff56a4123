import { sql } from 'drizzle-orm';
import { mailNotifications, type ReminderLog } from '#server/modules/notifications/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { type Mailer, noMailer } from '#server/platform/mail/mailer.ts';

const idsOf = (result: unknown) => (result as { rows: { id: string }[] }).rows.map((row) => row.id);

/**
 * Reminds units of their reports on `today`: "before" within `horizonDays` of the deadline, "after"
 * once it has passed, each once per report and kind (report_reminders), in-app to the unit's
 * officers and head, then e-mailed when SMTP is configured (after the commit, as the movement
 * reminders are).
 */
export async function createReportReminders(
  db: Database,
  today: string,
  options: { horizonDays?: number; mailer?: Mailer; log?: ReminderLog } = {},
) {
  const horizon = options.horizonDays ?? 3;
  const ids = await db.transaction(async (tx) => {
    const due = (kind: 'before' | 'after') =>
      kind === 'before'
        ? sql`r.due_on between ${today}::date and ${today}::date + ${horizon}::int`
        : sql`r.due_on < ${today}::date`;
    const created: string[] = [];
    for (const kind of ['before', 'after'] as const) {
      const title = kind === 'before' ? 'Sắp đến hạn gửi báo cáo' : 'Quá hạn gửi báo cáo';
      created.push(
        ...idsOf(
          await tx.execute(sql`
          with fresh as (
            insert into report_reminders (report_id, kind)
            select r.id, ${kind} from reports r
            where r.status in ('draft', 'approved', 'returned') and ${due(kind)}
            on conflict do nothing
            returning report_id)
          insert into notifications (user_id, kind, title, body, link, entity_type, entity_id, dedupe_key)
          select distinct g.user_id, 'reminder.report', ${title},
            '“' || q.title || '”: hạn gửi báo cáo là ' || to_char(r.due_on, 'DD/MM/YYYY') || '.',
            '/bao-cao/' || r.id, 'report', r.id::text, 'reminder:report:' || r.id || ':' || ${kind}
          from fresh f
          join reports r on r.id = f.report_id
          join report_requests q on q.id = r.request_id
          join role_grants g on g.unit_id = r.unit_id and g.role in ('tdkt_officer', 'unit_head')
          join users u on u.id = g.user_id and u.is_active
          on conflict (user_id, dedupe_key) do nothing
          returning id`),
        ),
      );
    }
    return created;
  });
  const mailed = await mailNotifications(db, options.mailer ?? noMailer, ids, options.log).catch((error) => {
    options.log?.error({ err: error }, 'report reminder e-mails failed');
    return 0;
  });
  return { reminders: ids.length, mailed };
}
