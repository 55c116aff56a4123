/** Every table of the application, for Drizzle's typed queries. Modules add their `*.schema.ts` here. */
export * from '#server/modules/awards/awards.schema.ts';
export * from '#server/modules/bloc-scoring/bloc-scoring.schema.ts';
export * from '#server/modules/council-sessions/council-sessions.schema.ts';
export * from '#server/modules/decisions/decisions.schema.ts';
export * from '#server/modules/exemplars/exemplars.schema.ts';
export * from '#server/modules/inspections/inspections.schema.ts';
export * from '#server/modules/movements/movements.schema.ts';
export * from '#server/modules/nominations/appraisal/appraisal.schema.ts';
export * from '#server/modules/nominations/dossier/dossier.schema.ts';
export * from '#server/modules/nominations/nominations.schema.ts';
export * from '#server/modules/notifications/notifications.schema.ts';
export * from '#server/modules/organisation/organisation.schema.ts';
export * from '#server/modules/public-notice/public-notice.schema.ts';
export * from '#server/modules/reports/reports.schema.ts';
export * from '../files/files.schema.ts';
export * from '../jobs/jobs.schema.ts';
export * from './platform.schema.ts';
