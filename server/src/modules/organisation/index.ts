import type { FastifyInstance } from 'fastify';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { registerBlocRoutes } from './councils/blocs.routes.ts';
import { registerCouncilRoutes } from './councils/councils.routes.ts';
import { registerPersonTransferRoutes } from './persons/person-transfer.routes.ts';
import { registerPersonRoutes } from './persons/persons.routes.ts';
import { registerTransferRoutes } from './persons/transfer.routes.ts';
import { registerUnitRoutes } from './units/units.routes.ts';

export { copyBlocYear } from './councils/blocs.service.ts';
export { resolveScope, type Scope, scopeCondition } from './organisation.policy.ts';
export { updatePerson } from './persons/persons.service.ts';
export { matchesWords, typedWords } from './search/search-terms.ts';
export { personSortKey, vietnameseSortKey } from './search/sort-key.ts';
export { predecessorPaths } from './units/units.repo.ts';

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
