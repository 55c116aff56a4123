import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/app-context.ts';
import { registerBlocRoutes } from './blocs.routes.ts';
import { registerCouncilRoutes } from './councils.routes.ts';
import { registerPersonTransferRoutes } from './person-transfer.routes.ts';
import { registerPersonRoutes } from './persons.routes.ts';
import { registerTransferRoutes } from './transfer.routes.ts';
import { registerUnitRoutes } from './units.routes.ts';

export { copyBlocYear } from './blocs.service.ts';
export { resolveScope, type Scope, scopeCondition } from './organisation.policy.ts';
export { personSortKey, vietnameseSortKey } from './sort-key.ts';
export { predecessorPaths } from './units.repo.ts';

/** Every route of the organisation module: units, people, councils, blocs, imports and exports. */
export function registerOrganisationRoutes(app: FastifyInstance, context: AppContext): void {
  registerTransferRoutes(app, context);
  registerUnitRoutes(app, context);
  registerPersonRoutes(app, context);
  registerPersonTransferRoutes(app, context);
  registerCouncilRoutes(app, context);
  registerBlocRoutes(app, context);
}
export { type GenUnit, generateUnits, personNames } from './synthetic-data.ts';
