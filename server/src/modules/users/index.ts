export { registerAccountRoutes } from './accounts.routes.ts';
export { findUnitByCode } from './users.repo.ts';
export { registerUserRoutes } from './users.routes.ts';
export { createUser, grantRole } from './users.service.ts';
