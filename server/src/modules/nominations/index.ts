import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { registerAppraisalRoutes } from './appraisal/appraisal.routes.ts';
import { nominationAppraiseTodos } from './appraisal/appraisal-todos.ts';
import { registerConsolidationRoutes } from './consolidation/consolidation.routes.ts';
import { registerDossierRoutes } from './dossier/dossier.routes.ts';
import { registerHistoryRoutes } from './history/history.routes.ts';
import { registerNominationCoreRoutes } from './nominations/nominations.routes.ts';
import { scheduleRoundReminders } from './round-deadlines/reminder-schedule.ts';
import { registerRoundDeadlineRoutes } from './round-deadlines/round-deadlines.routes.ts';
import { registerRoundRoutes } from './rounds/rounds.routes.ts';
import { registerNominationTodos } from './todo/nomination-todos.ts';
import { registerHolidayRoutes } from './working-days/holidays.routes.ts';

export { appraisalOpinions } from './appraisal/appraisal.repo.ts';
export { appraisalDate, nomineeVerdicts } from './appraisal/appraisal-eligibility.ts';
export { finishAppraisal } from './appraisal/appraisal-finish.service.ts';
export { saveAppraisal } from './appraisal/appraisal-save.service.ts';
export { consolidateNominees } from './consolidation/consolidation.service.ts';
export { achievementReportDocx } from './dossier/achievement-report.service.ts';
export { dossierChecklist, type NomineeChecklist } from './dossier/checklist.ts';
export { filesOfNominations as dossierFilesOf } from './dossier/dossier.repo.ts';
export { uploadDossierFile } from './dossier/dossier.service.ts';
export { dossierView } from './dossier/dossier-view.ts';
export { assertDossierFile, detectDossierFileType, dossierFileName } from './dossier/file-type.ts';
export { createNomination, updateNomination } from './nominations/nominations.service.ts';
export { setUnitDeadline } from './round-deadlines/round-deadlines.service.ts';
export { createRoundReminders } from './round-deadlines/round-reminders.ts';
export { type Caller, createRound } from './rounds/rounds.service.ts';
export { markNomineesDecided, markNomineesDeclined, moveNomination } from './workflow/moves.service.ts';
export {
  moveNominees,
  type NomineeMove,
  nominationStatusOf,
  syncNominationStatus,
} from './workflow/nominee-moves.ts';
export { loadCalendar, workingDayAfter } from './working-days/holidays.service.ts';
export { vietnamToday } from './working-days/vietnam-date.ts';
export { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days/working-days.ts';

/** Every route of the nominations module: holidays and working days, rounds. */
export function registerNominationRoutes(app: FastifyInstance, context: ModuleContext): void {
  registerHolidayRoutes(app, context);
  registerRoundRoutes(app, context);
  registerRoundDeadlineRoutes(app, context);
  registerNominationCoreRoutes(app, context);
  registerConsolidationRoutes(app, context);
  registerDossierRoutes(app, context);
  registerHistoryRoutes(app, context);
  registerNominationTodos(context.todo);
  registerAppraisalRoutes(app, context);
  context.todo.register(nominationAppraiseTodos);
  scheduleRoundReminders(app, context);
}
