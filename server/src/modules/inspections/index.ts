// Public surface of the inspections module: a council's yearly inspection plans, teams, targets,
// findings, remedies with the inspected unit's follow-up, and the conclusion notice.
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { registerInspectionPlanRoutes } from './plans/plans.routes.ts';
import { registerInspectionTargetRoutes } from './targets/targets.routes.ts';
import { registerInspectionTodos } from './todo/inspection-todos.ts';
import { scheduleRemedyReminders } from './todo/remedy-reminder-schedule.ts';

export { isRemedyOverdue } from './inspection-rules.ts';
export { issueNotice, takeNoticeNumber } from './notice/notice-issue.service.ts';
export { createPlan, movePlan } from './plans/plans.service.ts';
export { addTarget, addTeamMember } from './plans/team-targets.service.ts';
export { reportFollowUp } from './targets/follow-up.service.ts';
export { addRemedy, recordFinding, updateTarget } from './targets/target.service.ts';
export { createRemedyReminders } from './todo/remedy-reminders.ts';

/** Every route of the inspections module, its to-do kinds and the hourly remedy reminders. */
export function registerInspectionModule(app: FastifyInstance, context: ModuleContext): void {
  registerInspectionPlanRoutes(app, context);
  registerInspectionTargetRoutes(app, context);
  registerInspectionTodos(context.todo);
  scheduleRemedyReminders(app, context);
}
