import { sql } from 'drizzle-orm';
import type { Transaction } from './client.ts';
import type { MigrationFile } from './migration-files.ts';

type Rows<Row> = { rows: Row[] };

async function rows<Row>(tx: Transaction, query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await tx.execute(query)) as unknown as Rows<Row>).rows;
}

/** Public-schema objects that belong to an extension (pg_trgm, unaccent) are left alone. */
const notFromExtension = (catalog: string, oid: string) =>
  sql.raw(`not exists (select 1 from pg_depend d
     where d.classid = '${catalog}'::regclass and d.objid = ${oid} and d.deptype = 'e')`);

/**
 * Drops every table, view, sequence, function and type of the public schema (extension objects
 * aside) and forgets the applied migrations, inside the caller's transaction. The schema itself
 * stays, so its owner, grants and default privileges for other database roles survive.
 */
export async function clearApplicationSchema(tx: Transaction): Promise<void> {
  const relations = await rows<{ name: string; kind: string }>(
    tx,
    sql`select c.oid::regclass::text as name, c.relkind::text as kind
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
           and ${notFromExtension('pg_class', 'c.oid')}`,
  );
  const dropRelation: Record<string, string> = {
    r: 'table',
    p: 'table',
    f: 'foreign table',
    v: 'view',
    m: 'materialized view',
    S: 'sequence',
  };
  for (const relation of relations) {
    await tx.execute(sql.raw(`drop ${dropRelation[relation.kind]} if exists ${relation.name} cascade`));
  }
  const routines = await rows<{ name: string; kind: string }>(
    tx,
    sql`select p.oid::regprocedure::text as name, p.prokind::text as kind
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = 'public' and ${notFromExtension('pg_proc', 'p.oid')}`,
  );
  const dropRoutine: Record<string, string> = {
    f: 'function',
    p: 'procedure',
    a: 'aggregate',
    w: 'function',
  };
  for (const routine of routines) {
    await tx.execute(
      sql.raw(`drop ${dropRoutine[routine.kind] ?? 'function'} if exists ${routine.name} cascade`),
    );
  }
  const types = await rows<{ name: string; kind: string }>(
    tx,
    sql`select t.oid::regtype::text as name, t.typtype::text as kind
          from pg_type t join pg_namespace n on n.oid = t.typnamespace
         where n.nspname = 'public' and t.typtype in ('e', 'd', 'r', 'c')
           and (t.typtype <> 'c' or (select relkind from pg_class where oid = t.typrelid) = 'c')
           and ${notFromExtension('pg_type', 't.oid')}`,
  );
  for (const type of types) {
    await tx.execute(sql.raw(`drop ${type.kind === 'd' ? 'domain' : 'type'} if exists ${type.name} cascade`));
  }
  await tx.execute(sql`create schema if not exists drizzle`);
  await tx.execute(
    sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
  );
  await tx.execute(sql`delete from drizzle.__drizzle_migrations`);
}

/**
 * Runs migrations inside the caller's transaction and records them exactly as drizzle's migrator
 * does, so the next start sees them applied.
 */
export async function applyMigrations(tx: Transaction, migrations: MigrationFile[]): Promise<void> {
  for (const migration of migrations) {
    for (const statement of migration.statements) await tx.execute(sql.raw(statement));
    await tx.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
    );
  }
}

/**
 * Empties every table of the public schema just built by the migrations, inside the caller's
 * transaction: a migration may seed rows (the public holidays), and the backup holds those rows as
 * they were in the source database, edits included, so the backup's copy is the one kept.
 */
export async function emptyMigratedTables(tx: Transaction): Promise<void> {
  const tables = await rows<{ name: string }>(
    tx,
    sql`select c.oid::regclass::text as name
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p')
           and ${notFromExtension('pg_class', 'c.oid')}`,
  );
  // Only the tables a migration filled: the append-only audit trail refuses even an empty TRUNCATE.
  for (const table of tables) {
    const [seeded] = await rows<{ any: boolean }>(
      tx,
      sql.raw(`select exists (select 1 from ${table.name}) as any`),
    );
    if (seeded?.any) await tx.execute(sql.raw(`delete from ${table.name}`));
  }
}
