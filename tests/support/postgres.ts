import pg from 'pg';
import { appRoleName } from '#server/platform/db/app-role.ts';
import { testServerUrl } from './global-setup.ts';

/** Creates an empty PostgreSQL database for one test and returns its URL and a function that drops it. */
export async function createScratchDatabase(label: string) {
  const name = `tdkt_${label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: testServerUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: testServerUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      // The request role the server created for this database (app-role.ts); roles outlive databases.
      await client.query(`drop role if exists "${appRoleName(name)}"`);
      await client.end();
    },
    async query<Row>(text: string) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(text)).rows as Row[];
      } finally {
        await client.end();
      }
    },
  };
}
