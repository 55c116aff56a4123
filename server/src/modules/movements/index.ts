import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { createMailer } from '#server/platform/mail/mailer.ts';
import { registerMovementCoreRoutes } from './movements.routes.ts';
import { registerPlanDocumentRoutes } from './plans/plan-documents.routes.ts';
import { registerPlanIssueRoutes } from './plans/plan-issue.routes.ts';
import { registerPlanPdfJob } from './plans/plan-pdf.job.ts';
import { registerMovementPublicationRoutes } from './publication/publication.routes.ts';
import { registerRegistrationRoutes } from './registrations/registrations.routes.ts';
import { createDueReminders } from './timeline/reminders.ts';
import { registerTimelineRoutes } from './timeline/timeline.routes.ts';
import { registerMovementTodos } from './todo/index.ts';

export { getCurrentPlan, getVisibleMovement } from './movements.service.ts';
export { emptyPlanContent, planContentFromDocument } from './plans/plan-content.ts';
export { setMovementPublication } from './publication/publication.service.ts';
export { createDueReminders } from './timeline/reminders.ts';

const REMINDER_EVERY_MS = 60 * 60 * 1000;

/**
 * Every route of the movements module, its to-do providers, and the hourly job that creates due
 * reminders (and mails them).
 */
export function registerMovementRoutes(app: FastifyInstance, context: ModuleContext): void {
  registerMovementCoreRoutes(app, context);
  registerPlanDocumentRoutes(app, context);
  registerPlanPdfJob(app, context);
  registerPlanIssueRoutes(app, context);
  registerMovementPublicationRoutes(app, context);
  registerRegistrationRoutes(app, context);
  registerTimelineRoutes(app, context);
  registerMovementTodos(context.todo);
  // Tests call createDueReminders with their own "today"; a timer would only add noise there.
  if (process.env.VITEST) return;
  let timer: NodeJS.Timeout | null = null;
  const mailer = createMailer(context.config);
  const run = () =>
    createDueReminders(context.db, new Date().toISOString().slice(0, 10), { mailer, log: app.log }).catch(
      (error) => app.log.error({ err: error }, 'movement reminders failed'),
    );
  app.addHook('onReady', async () => {
    timer = setInterval(run, REMINDER_EVERY_MS);
    timer.unref();
    setTimeout(run, 60_000).unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    mailer.close();
  });
}
export { DEMO_PLAN_TEXT } from './plans/demo-plan.ts';
export { localisePlan } from './plans/plan-localise.ts';
