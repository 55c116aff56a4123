// Public surface of the awards module: the pure rule engine, the records and their routes.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { registerRulesAdminRoutes } from './admin/rules-admin.ts';
import { registerEligibilityRoutes } from './eligibility/eligibility.routes.ts';
import { registerRecordRoutes } from './records/records.routes.ts';

export { effectiveRegistry } from './eligibility/effective-rules.ts';
export { runCheck } from './eligibility/eligibility.service.ts';
export { reasonOf } from './eligibility/reason.ts';
export { eligibilityInput, personFacts } from './eligibility/record-facts.ts';
export { unitFacts } from './eligibility/unit-facts.ts';
export { personRecords, unitRecords } from './records/records-read.ts';
export { decideAuthority, deciderLabel } from './rules/authority.ts';
export { type AwardRuleView, viewAward } from './rules/award-view.ts';
export { computeCash, formatDate, formatMultiple, formatVnd } from './rules/cash.ts';
export { type DescribedLine, describeCondition, describeRule } from './rules/describe.ts';
export { checkEligibility } from './rules/engine.ts';
export { explainResult } from './rules/explain.ts';
export { buildFacts, type Facts } from './rules/facts.ts';
export { parseEligibilityInput } from './rules/input.ts';
export { loadRuleSet, loadShippedRules, shippedDataDir } from './rules/loader.ts';
export { applyOverrides } from './rules/overrides.ts';
export {
  baseSalaryOn,
  type CompiledRuleSet,
  createRegistry,
  getShippedRegistry,
  type RuleRegistry,
  ruleSetOn,
} from './rules/registry.ts';
export { EligibilityInputError, RuleDataError } from './rules/rule-data-error.ts';
export {
  type EffectiveCriteria,
  procedureOf,
  type RuleSetData,
  type ShippedRules,
} from './rules/rule-set.ts';
export { type RuleSetSummary, summariseRuleSets } from './rules/summary.ts';

/** Every route of the awards module: records, eligibility, candidates, catalogue and overrides. */
export function registerAwardRoutes(app: FastifyInstance, context: AppContext): void {
  registerRecordRoutes(app, context);
  registerEligibilityRoutes(app, context);
  registerRulesAdminRoutes(app, context);
}
