import type { Config } from '../config.ts';
import type { Database, DatabaseKind } from '../db/client.ts';
import type { FileStore } from '../files/file-store.ts';
import type { JobRegistry } from '../jobs/job-registry.ts';
import type { TodoRegistry } from '../todo/todo-registry.ts';

/** What every module's routes receive: the database and the configuration. */
export interface AppContext {
  db: Database;
  dbKind: DatabaseKind;
  config: Config;
}

/** What a module's registration receives: the app context and the registries modules contribute to. */
export interface ModuleContext extends AppContext {
  /** The home page's to-do providers: a module registers its own here (see platform/todo). */
  todo: TodoRegistry;
  /** Long work any server process may run: a module registers its job kinds here (see platform/jobs). */
  jobs: JobRegistry;
  /** Where files live: the database, or the S3-compatible store when one is configured. */
  files: FileStore;
}
