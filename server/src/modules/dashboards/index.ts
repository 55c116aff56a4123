// Public surface of the dashboards module: charts of a unit's subtree by year (movements, reports and
// bloc scores, awards, the fairness of awards) with their tables as XLSX, and the fairness thresholds.
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { registerDashboardRoutes } from './dashboards.routes.ts';

export { getAwardsDashboard } from './awards/awards-dashboard.ts';
export { getFairness } from './fairness/fairness.service.ts';
export { updateSettings } from './settings/settings.service.ts';

/** Every route of the dashboards module. */
export function registerDashboardModule(app: FastifyInstance, context: ModuleContext): void {
  registerDashboardRoutes(app, context);
}
