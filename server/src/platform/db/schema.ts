/** Every table of the application, for Drizzle's typed queries. Modules add their `*.schema.ts` here. */
export * from './platform.schema.ts';
