// Public surface of the decisions module: the number register, decisions, their documents and the fund.
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { registerDecisionDocumentRoutes } from './certificates/document-jobs.ts';
import { registerDecisionRoutes } from './decisions/decisions.routes.ts';
import { registerFundRoutes } from './fund/fund.routes.ts';

export { composeDecision, recipientsTable } from './certificates/decision-document.ts';
export { decisionNumber, registerSymbol, takeNextNumber } from './register/decision-register.ts';

/** Every route of the decisions module. */
export function registerDecisionModule(app: FastifyInstance, context: ModuleContext): void {
  registerDecisionRoutes(app, context);
  registerDecisionDocumentRoutes(app, context);
  registerFundRoutes(app, context);
}
