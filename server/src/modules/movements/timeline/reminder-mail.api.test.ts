import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '#server/platform/db/schema.ts';
import { createMailer } from '#server/platform/mail/mailer.ts';
import { buildUser, signIn } from '../../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildProvince, createByHand } from '../test-support.ts';
import { createDueReminders } from './reminders.ts';

/** A message as the SMTP server received it. */
interface Received {
  recipients: string[];
  raw: string;
}

let t: TestApp;
let smtp: SMTPServer;
let port = 0;
const inbox: Received[] = [];

beforeAll(async () => {
  t = await getTestApp();
  // A mail server in the test process, on loopback only, without TLS or login.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        inbox.push({
          recipients: session.envelope.rcptTo.map((to) => to.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

/** The decoded Subject header of a raw message (RFC 2047 encoded words, folded lines). */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return header
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_hex, code: string) =>
                String.fromCharCode(Number.parseInt(code, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

const post = (url: string, headers: Record<string, string>, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object });

describe('createDueReminders with SMTP configured', () => {
  it('e-mails each new reminder to officers who have an address, once, after storing it', async () => {
    const p = await buildProvince(t);
    const withMail = await buildUser(t.handle.db, {
      role: 'tdkt_officer',
      unitId: p.districtB.id,
      email: `canbo.${p.suffix}@phongtho.laichau.gov.vn`,
    });
    const address = `canbo.${p.suffix}@phongtho.laichau.gov.vn`;
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    await post(`/api/movements/${id}/launch`, p.provinceOfficer.headers, { planDeadline: '2031-03-05' });
    const mailsTo = () => inbox.filter((mail) => mail.recipients.includes(address));
    const mailer = createMailer({
      TDKT_SMTP_URL: `smtp://127.0.0.1:${port}`,
      TDKT_MAIL_FROM: 'TĐKT Lai Châu <tdkt@laichau.gov.vn>',
    });
    const errors: unknown[] = [];
    const log = { error: (details: object) => errors.push(details) };
    try {
      const first = await createDueReminders(t.handle.db, '2031-03-01', { mailer, log });
      // Only this officer's mail is checked: the inbox is shared by the file's tests.
      const mine = mailsTo();
      expect(mine).toHaveLength(1);
      expect(subjectOf(mine[0]?.raw ?? '')).toBe('[TĐKT] Sắp đến hạn ban hành kế hoạch triển khai');
      expect(first.mailed).toBeGreaterThanOrEqual(1);
      expect(mine[0]?.raw).toContain('2031');
      expect(errors).toEqual([]);
      // The district A officer has no address: the reminder is in the app only.
      const stored = await t.handle.db
        .select()
        .from(notifications)
        .where(
          and(eq(notifications.userId, p.districtOfficer.user.id), eq(notifications.kind, 'reminder.plan')),
        );
      expect(stored).toHaveLength(1);

      await createDueReminders(t.handle.db, '2031-03-02', { mailer, log });
      expect(mailsTo()).toHaveLength(1);
    } finally {
      mailer.close();
    }
    const officer = await signIn(t, withMail.username);
    const app = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: officer.headers });
    expect(app.json().items[0]).toMatchObject({ kind: 'reminder.plan', link: `/phong-trao/${id}` });
  });

  it('keeps the reminders and logs once when the mail server cannot be reached', async () => {
    const p = await buildProvince(t);
    await buildUser(t.handle.db, {
      role: 'tdkt_officer',
      unitId: p.districtC.id,
      email: `canbo.${p.suffix}@sinho.laichau.gov.vn`,
    });
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    await post(`/api/movements/${id}/launch`, p.provinceOfficer.headers, { planDeadline: '2032-03-05' });
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const mailer = createMailer({
      TDKT_SMTP_URL: 'smtp://127.0.0.1:1',
      TDKT_MAIL_FROM: 'tdkt@laichau.gov.vn',
    });
    const errors: object[] = [];
    try {
      const result = await createDueReminders(t.handle.db, '2032-03-01', {
        mailer,
        log: { error: (details) => errors.push(details) },
      });
      // The officers of districts A and C (B has none here) are reminded in the app.
      expect(result.obligations).toBeGreaterThanOrEqual(2);
      expect(result.mailed).toBe(0);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ failed: expect.any(Number) });
    } finally {
      mailer.close();
    }
    const stored = await t.handle.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, p.districtOfficer.user.id), eq(notifications.kind, 'reminder.plan')),
      );
    expect(stored).toHaveLength(1);
  });
});
