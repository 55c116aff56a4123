import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ActorContext } from '../audit/audit.ts';
import { AppError } from '../http/app-error.ts';
import { VersionConflictError } from '../http/version-conflict.ts';
import type { Executor } from './client.ts';

/** A table whose rows carry `version` and `updated_by` (see `versioning` in columns.ts). */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/** How a versioned record is named in messages: "Đơn vị này", and the 404 text when it is gone. */
export interface VersionedSubject {
  subject: string;
  notFound: string;
}

/**
 * The SET members every update of a versioned record carries: the next version (computed in the
 * same statement), the time and the user who made the change.
 */
export function nextVersion(table: VersionedTable, actor: ActorContext) {
  return { version: sql`${table.version} + 1`, updatedAt: new Date(), updatedBy: actor.userId };
}

/** WHERE id = $1 AND version = $2: the row only while it is still at the version the client loaded. */
export function atVersion(table: VersionedTable, id: string, version: number): SQL {
  return and(eq(table.id, id), eq(table.version, version)) as SQL;
}

/**
 * Why an update `atVersion` changed no row: the record is gone (404), or it changed since the client
 * loaded it (409 VERSION_CONFLICT naming who changed it and when).
 */
export async function staleVersionError(
  executor: Executor,
  table: VersionedTable,
  id: string,
  what: VersionedSubject,
): Promise<AppError> {
  const result = (await executor.execute(sql`
    select t.version, t.updated_at as "updatedAt", u.full_name as "updatedBy"
    from ${table} t left join users u on u.id = t.updated_by
    where t.id = ${id}`)) as unknown as {
    rows: { version: number; updatedAt: Date | string; updatedBy: string | null }[];
  };
  const [row] = result.rows;
  if (!row) return new AppError('NOT_FOUND', what.notFound);
  return new VersionConflictError(what.subject, {
    version: Number(row.version),
    updatedAt: new Date(row.updatedAt).toISOString(),
    updatedBy: row.updatedBy,
  });
}

/** The updated row, or the reason there is none (gone or stale), thrown. */
export async function versionedRow<Row>(
  executor: Executor,
  rows: Row[],
  table: VersionedTable,
  id: string,
  what: VersionedSubject,
): Promise<Row> {
  const [row] = rows;
  if (row) return row;
  throw await staleVersionError(executor, table, id, what);
}
