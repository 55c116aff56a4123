import type { Config } from '../config.ts';
import type { Database, DatabaseKind } from '../db/client.ts';

/** What every module's routes receive: the database and the configuration. */
export interface AppContext {
  db: Database;
  dbKind: DatabaseKind;
  config: Config;
}
