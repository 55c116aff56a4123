// Public surface of the council sessions module: sessions, the secret ballot, the tally and the minutes.
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { registerCouncilSessionRoutes } from './council-sessions.routes.ts';
import { registerSessionTodos } from './todo/session-todos.ts';

export { castBallot } from './ballot/ballot.service.ts';
export { addToAgenda } from './sessions/agenda.service.ts';
export { setAttendance } from './sessions/attendance.service.ts';
export { type CouncilResult, closeSession, councilResults } from './sessions/close.service.ts';
export { createSession } from './sessions/sessions.service.ts';
export { tallySession } from './tally/session-tally.ts';
export { DEFAULT_QUORUM, tallyNominee } from './tally/vote-tally.ts';

/** Every route of the council sessions module, and its to-do kinds. */
export function registerCouncilSessionModule(app: FastifyInstance, context: ModuleContext): void {
  registerCouncilSessionRoutes(app, context);
  registerSessionTodos(context.todo);
}
