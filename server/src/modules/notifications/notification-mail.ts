import { sql } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import type { Mailer } from '#server/platform/mail/mailer.ts';

/** Where failures of the e-mail step are logged (once per run). */
export interface ReminderLog {
  error(details: object, message: string): void;
}

/** A notification to e-mail: its text and its recipient's address. */
interface ReminderMail {
  title: string;
  body: string;
  link: string | null;
  email: string;
  full_name: string;
}

/**
 * E-mails stored notifications (new reminders) to their recipients who have an address, when SMTP
 * is configured; call it after the commit, so a mail server that is down never undoes the
 * notifications. Failures are logged once; returns how many were sent.
 */
export async function mailNotifications(
  db: Database,
  mailer: Mailer,
  ids: readonly string[],
  log: ReminderLog | undefined,
): Promise<number> {
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
