/** Every table of the application, for Drizzle's typed queries. Modules add their `*.schema.ts` here. */
export * from '../../modules/awards/awards.schema.ts';
export * from '../../modules/movements/movements.schema.ts';
export * from '../../modules/notifications/notifications.schema.ts';
export * from '../../modules/organisation/organisation.schema.ts';
export * from '../files/files.schema.ts';
export * from '../jobs/jobs.schema.ts';
export * from './platform.schema.ts';
