import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { createMailer } from '#server/platform/mail/mailer.ts';
import { vietnamToday } from '../working-days/vietnam-date.ts';
import { createRoundReminders } from './round-reminders.ts';

const EVERY_MS = 60 * 60 * 1000;

/**
 * The hourly run of round deadline reminders, as the movements module runs its own: a timer in each
 * server process; the stored reminders make concurrent or repeated runs harmless.
 */
export function scheduleRoundReminders(app: FastifyInstance, context: ModuleContext): void {
  // Tests call createRoundReminders with their own "today"; a timer would only add noise there.
  if (process.env.VITEST) return;
  let timer: NodeJS.Timeout | null = null;
  const mailer = createMailer(context.config);
  const run = () =>
    createRoundReminders(context.db, vietnamToday(), { mailer, log: app.log }).catch((error) =>
      app.log.error({ err: error }, 'round deadline reminders failed'),
    );
  app.addHook('onReady', async () => {
    timer = setInterval(run, EVERY_MS);
    timer.unref();
    setTimeout(run, 90_000).unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    mailer.close();
  });
}
