import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { createMailer } from '#server/platform/mail/mailer.ts';
import { registerReportPdfJob } from './documents/report-pdf.job.ts';
import { registerReportRoutes } from './reports/reports.routes.ts';
import { registerRequestRoutes } from './requests/requests.routes.ts';
import { registerTemplateRoutes } from './templates/templates.routes.ts';
import { createReportReminders } from './todo/report-reminders.ts';
import { reportDueTodos, reportReviewTodos } from './todo/report-todos.ts';

export { createReportReminders } from './todo/report-reminders.ts';

const REMINDER_EVERY_MS = 60 * 60 * 1000;

/** Every route of the reports module, its to-do providers, and the hourly report reminders. */
export function registerReportModule(app: FastifyInstance, context: ModuleContext): void {
  registerTemplateRoutes(app, context);
  registerRequestRoutes(app, context);
  registerReportRoutes(app, context);
  registerReportPdfJob(app, context);
  context.todo.register(reportDueTodos);
  context.todo.register(reportReviewTodos);
  if (process.env.VITEST) return;
  let timer: NodeJS.Timeout | null = null;
  const mailer = createMailer(context.config);
  const run = () =>
    createReportReminders(context.db, new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10), {
      mailer,
      log: app.log,
    }).catch((error) => app.log.error({ err: error }, 'report reminders failed'));
  app.addHook('onReady', async () => {
    timer = setInterval(run, REMINDER_EVERY_MS);
    timer.unref();
    setTimeout(run, 90_000).unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    mailer.close();
  });
}
export { moveReport, saveReport } from './reports/reports.service.ts';
export { findReportOf } from './reports.repo.ts';
export { createRequest } from './requests/requests.service.ts';
export { consolidateReport } from './rollup/rollup.service.ts';
export { createTemplateFromMovement } from './templates/templates.service.ts';
