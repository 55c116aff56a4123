import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { appRoleName } from '#server/platform/db/app-role.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL database this run created, or null when the run uses PGlite. */
    databaseUrl: string | null;
  }
}

/** The server the PostgreSQL tests use; the run creates and drops its own database on it. */
export const testServerUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates a fresh PostgreSQL database for the `api-postgres` project and drops it afterwards. */
export default async function setup(project: TestProject) {
  if (project.config.env.TDKT_TEST_DB !== 'postgres') {
    project.provide('databaseUrl', null);
    return;
  }
  const name = `tdkt_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: testServerUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  project.provide('databaseUrl', url.toString());
  return async () => {
    const client = new pg.Client({ connectionString: testServerUrl });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`drop role if exists "${appRoleName(name)}"`);
    await client.end();
  };
}
