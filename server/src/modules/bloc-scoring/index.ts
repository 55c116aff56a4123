// Public surface of the bloc-scoring module: yearly scoring tables of a council's blocs, the member
// units' sheets with self-assessment, review and explanation, the ranking and its publication, and
// the bloc meeting (proposal quotas, minutes and proposal as DOCX, next year's bloc), and criteria
// drawing their figures from the units' yearly reports.
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { registerBlocMeetingRoutes } from './meeting/meeting.routes.ts';
import { registerReportFigureRoutes } from './report-figures/report-figures.routes.ts';
import { registerScoringSheetRoutes } from './sheets/sheets.routes.ts';
import { registerScoringTableRoutes } from './tables/tables.routes.ts';
import { registerScoringTodos } from './todo/scoring-todos.ts';

export { setQuotas } from './meeting/quotas.service.ts';
export { leadingUnitIds } from './ranking/leading.ts';
export { getRanking, publishBloc } from './ranking/ranking.service.ts';
export { advanceSheet, putEntry } from './sheets/sheets.service.ts';
export { createTable, openTable, setTargets } from './tables/tables.service.ts';

/** Every route of the bloc-scoring module, and its to-do kinds. */
export function registerBlocScoringModule(app: FastifyInstance, context: ModuleContext): void {
  registerScoringTableRoutes(app, context);
  registerScoringSheetRoutes(app, context);
  registerBlocMeetingRoutes(app, context);
  registerReportFigureRoutes(app, context);
  registerScoringTodos(context.todo);
}
