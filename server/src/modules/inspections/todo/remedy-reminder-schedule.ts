import type { FastifyInstance } from 'fastify';
import { vietnamToday } from '#server/modules/nominations/index.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { createMailer } from '#server/platform/mail/mailer.ts';
import { createRemedyReminders } from './remedy-reminders.ts';

const EVERY_MS = 60 * 60 * 1000;

/**
 * The hourly run of remedy deadline reminders, as the round reminders run: a timer in each server
 * process; the stored reminders make concurrent or repeated runs harmless.
 */
export function scheduleRemedyReminders(app: FastifyInstance, context: ModuleContext): void {
  // Tests call createRemedyReminders with their own "today"; a timer would only add noise there.
  if (process.env.VITEST) return;
  let timer: NodeJS.Timeout | null = null;
  const mailer = createMailer(context.config);
  const run = () =>
    createRemedyReminders(context.db, vietnamToday(), { mailer, log: app.log }).catch((error) =>
      app.log.error({ err: error }, 'inspection remedy reminders failed'),
    );
  app.addHook('onReady', async () => {
    timer = setInterval(run, EVERY_MS);
    timer.unref();
    setTimeout(run, 95_000).unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    mailer.close();
  });
}
