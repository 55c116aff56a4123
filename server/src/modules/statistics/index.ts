// Public surface of the statistics module: the Ministry of Home Affairs' statutory TĐKT forms as data
// (form-data/*.json), filled for a unit's subtree and a statistical year, with drill-down and exports.
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { registerStatisticsRoutes } from './statistics.routes.ts';

export { allForms, formsForYear, statisticalPeriod, statisticalYearOf } from './form-registry.ts';
export { fillForm } from './statistics.service.ts';

/** Every route of the statistics module, and its PDF job. */
export function registerStatisticsModule(app: FastifyInstance, context: ModuleContext): void {
  registerStatisticsRoutes(app, context);
}
