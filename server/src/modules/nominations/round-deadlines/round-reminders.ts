import { sql } from 'drizzle-orm';
import type { RoundReminderKind } from '#contracts/round-deadlines.ts';
import { mailNotifications, type ReminderLog } from '#server/modules/notifications/index.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { type Mailer, noMailer } from '#server/platform/mail/mailer.ts';
import { loadCalendar } from '../working-days/holidays.service.ts';
import { type ReminderCandidate, selectReminders } from './deadline-rules.ts';

/** Days around today within which deadlines are looked at (covers 3 working days even across Tết). */
const WINDOW_DAYS = 14;

interface CandidateRow {
  round_id: string;
  round_title: string;
  receiving_name: string;
  unit_id: string;
  deadline: string;
  submitted: boolean;
}

const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;
const shift = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const formatDay = (iso: string) => iso.split('-').reverse().join('/');

/** The receiving units' direct lower units whose deadline (own, else the round's) lies near today. */
async function loadCandidates(executor: Executor, today: string) {
  const result = await executor.execute(sql`
    select r.id as round_id, r.title as round_title, ru.name as receiving_name, c.id as unit_id,
      to_char(coalesce(d.deadline, r.deadline), 'YYYY-MM-DD') as deadline,
      exists (select 1 from nominations n join units pu on pu.id = n.proposing_unit_id
        where n.round_id = r.id and n.status not in ('draft', 'returned')
          and pu.path like c.path || '%') as submitted
    from award_rounds r
    join units ru on ru.id = r.receiving_unit_id
    join units c on c.parent_id = r.receiving_unit_id and (c.valid_to is null or c.valid_to >= ${today}::date)
    left join round_unit_deadlines d on d.round_id = r.id and d.unit_id = c.id
    where coalesce(d.deadline, r.deadline)
      between ${today}::date - ${WINDOW_DAYS}::int and ${today}::date + ${WINDOW_DAYS}::int`);
  return rowsOf<CandidateRow>(result);
}

const texts: Record<RoundReminderKind, { title: string; body: (row: CandidateRow) => string }> = {
  due_soon: {
    title: 'Sắp đến hạn gửi tờ trình khen thưởng',
    body: (row) =>
      `Đợt “${row.round_title}” của ${row.receiving_name}: hạn gửi tờ trình là ${formatDay(row.deadline)}.`,
  },
  overdue: {
    title: 'Đã quá hạn gửi tờ trình khen thưởng',
    body: (row) =>
      `Đợt “${row.round_title}” của ${row.receiving_name}: hạn gửi tờ trình là ${formatDay(row.deadline)}, đơn vị chưa gửi.`,
  },
};

/**
 * Reminds a round's lower units still to send their tờ trình: `due_soon` from three working days
 * before their deadline, `overdue` after it; in-app to each officer of the unit. Each reminder is
 * stored once per round, unit, kind and deadline (`round_reminders`), so reruns and restarts never
 * repeat it; a changed deadline is reminded afresh. New reminders are then e-mailed when SMTP is
 * configured, after the commit.
 */
export async function createRoundReminders(
  db: Database,
  today: string,
  options: { mailer?: Mailer; log?: ReminderLog } = {},
) {
  const rows = await loadCandidates(db, today);
  const calendar = await loadCalendar(db, shift(today, -40), shift(today, 40));
  const byKey = new Map(rows.map((row) => [`${row.round_id}:${row.unit_id}`, row]));
  const due = selectReminders(
    calendar,
    rows.map(
      (row): ReminderCandidate => ({
        roundId: row.round_id,
        unitId: row.unit_id,
        deadline: row.deadline,
        submitted: row.submitted,
      }),
    ),
    today,
  );
  const ids = await db.transaction(async (tx) => {
    const created: string[] = [];
    let reminders = 0;
    for (const reminder of due) {
      const stored = rowsOf<{ id: string }>(
        await tx.execute(sql`
          insert into round_reminders (round_id, unit_id, kind, deadline)
          values (${reminder.roundId}, ${reminder.unitId}, ${reminder.kind}, ${reminder.deadline}::date)
          on conflict (round_id, unit_id, kind, deadline) do nothing
          returning id`),
      );
      if (!stored.length) continue;
      reminders += 1;
      const row = byKey.get(`${reminder.roundId}:${reminder.unitId}`);
      if (!row) continue;
      const text = texts[reminder.kind];
      const notified = await tx.execute(sql`
        insert into notifications (user_id, kind, title, body, link, entity_type, entity_id, dedupe_key)
        select distinct g.user_id, ${`reminder.round_${reminder.kind}`}, ${text.title}, ${text.body(row)},
          ${`/khen-thuong/dot/${reminder.roundId}`}, 'award_round', ${reminder.roundId},
          ${`reminder:round:${reminder.roundId}:${reminder.unitId}:${reminder.kind}:${reminder.deadline}`}
        from role_grants g
        join users u on u.id = g.user_id and u.is_active
        where g.unit_id = ${reminder.unitId} and g.role = 'tdkt_officer'
        on conflict (user_id, dedupe_key) do nothing
        returning id`);
      created.push(...rowsOf<{ id: string }>(notified).map((notice) => notice.id));
    }
    return { created, reminders };
  });
  const mailed = await mailNotifications(db, options.mailer ?? noMailer, ids.created, options.log).catch(
    (error) => {
      options.log?.error({ err: error }, 'round reminder e-mails failed');
      return 0;
    },
  );
  return { reminders: ids.reminders, notified: ids.created.length, mailed };
}
