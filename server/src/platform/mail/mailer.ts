import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

/** One e-mail to one person: Vietnamese subject and plain-text body. */
export interface MailMessage {
  to: { name: string; address: string };
  subject: string;
  text: string;
}

/** Sends e-mail through the configured SMTP server; without one, sending does nothing. */
export interface Mailer {
  /** True when TDKT_SMTP_URL is set, so callers skip gathering addresses otherwise. */
  readonly isConfigured: boolean;
  /** Sends one message; rejects when the server refuses it (the caller decides how to log). */
  sendMail(message: MailMessage): Promise<void>;
  /** Closes the connection to the SMTP server. */
  close(): void;
}

/** A mailer that sends nothing: the server has no SMTP configured (in-app notifications only). */
export const noMailer: Mailer = { isConfigured: false, sendMail: async () => {}, close: () => {} };

/**
 * The mailer for the configuration: nodemailer over TDKT_SMTP_URL (smtp:// with STARTTLS when the
 * server offers it, smtps:// for TLS from the start) from TDKT_MAIL_FROM; a no-op without SMTP.
 */
export function createMailer(config: Pick<Config, 'TDKT_SMTP_URL' | 'TDKT_MAIL_FROM'>): Mailer {
  if (!config.TDKT_SMTP_URL || !config.TDKT_MAIL_FROM) return noMailer;
  const from = config.TDKT_MAIL_FROM;
  const transport = nodemailer.createTransport(config.TDKT_SMTP_URL);
  return {
    isConfigured: true,
    async sendMail(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}
