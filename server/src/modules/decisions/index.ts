// Public surface of the decisions module: the number register, decisions, their documents and the fund.
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { registerDecisionDocumentRoutes } from './certificates/document-jobs.ts';
import { registerDecisionRoutes } from './decisions/decisions.routes.ts';
import { registerFromNomineeRoutes } from './from-nominees/from-nominees.routes.ts';
import { registerFundRoutes } from './fund/fund.routes.ts';
import { registerNationalExportRoutes } from './national-export/national-export.routes.ts';
import { registerDecisionPublicationRoutes } from './publication/publication.routes.ts';
import { registerRecipientImportRoutes } from './recipients-import/recipients-import.routes.ts';

export { composeDecision, recipientsTable } from './certificates/decision-document.ts';
export { issueDecision } from './decisions/issue.service.ts';
export {
  type PreIssueCheck,
  type PreIssueContext,
  preIssueChecks,
  runPreIssueChecks,
} from './decisions/pre-issue-checks.ts';
export { createDecisionFromNominees } from './from-nominees/from-nominees.service.ts';
export { createFundEntry, payDecision } from './fund/fund.service.ts';
export {
  registerZipParts,
  type ZipPart,
  type ZipPartContext,
  type ZipPartProvider,
} from './national-export/zip-parts.ts';
export { setDecisionPublication } from './publication/publication.service.ts';
export { decisionNumber, registerSymbol, takeNextNumber } from './register/decision-register.ts';

/** Every route of the decisions module. */
export function registerDecisionModule(app: FastifyInstance, context: ModuleContext): void {
  // Before the routes with `:id`, so /api/decisions/nominee-candidates reads as itself.
  registerFromNomineeRoutes(app, context);
  registerDecisionRoutes(app, context);
  registerDecisionPublicationRoutes(app, context);
  registerRecipientImportRoutes(app, context);
  registerNationalExportRoutes(app, context);
  registerDecisionDocumentRoutes(app, context);
  registerFundRoutes(app, context);
}
