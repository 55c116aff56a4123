import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import type { Database } from '#server/platform/db/client.ts';
import * as schema from '#server/platform/db/schema.ts';

/** Tables a refused request may still write: sessions, throttling records and the audit of failed logins. */
const ignoredTables = new Set(['sessions', 'login_attempts', 'audit_events']);

/** Every application table the fuzz watches. */
export const watchedTables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table))
  .filter((name) => !ignoredTables.has(name))
  .sort();

/**
 * Watches the database for changes between two moments, cheaply: the next transaction id only moves
 * when something wrote (or tried to), so the full comparison runs only then. It compares, per table,
 * the row count and a hash of every visible row version (its place and the transaction that wrote it):
 * an insert, update or delete changes it, a write rolled back by a refused request does not.
 */
export function createChangeWatch(db: Database) {
  const nextTransaction = async () =>
    (
      await selectRows<{ xmax: string }>(
        db,
        sql`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`,
      )
    )[0]?.xmax ?? '';
  const fingerprint = async () => {
    const parts = watchedTables.map(
      (table) =>
        `select '${table}' as name, count(*)::text as rows, coalesce(sum(hashtext(ctid::text || xmin::text)::bigint), 0)::text as hash from "${table}"`,
    );
    const rows = await selectRows<{ name: string; rows: string; hash: string }>(
      db,
      sql.raw(parts.join(' union all ')),
    );
    return new Map(rows.map((row) => [row.name, `${row.rows}:${row.hash}`]));
  };
  let xmax = '';
  let prints = new Map<string, string>();
  return {
    /** Takes the starting point. */
    async start() {
      xmax = await nextTransaction();
      prints = await fingerprint();
    },
    /** The tables that changed since the last call (or start), and moves the starting point here. */
    async changedTables(): Promise<string[]> {
      const now = await nextTransaction();
      if (now === xmax) return [];
      xmax = now;
      const next = await fingerprint();
      const changed = watchedTables.filter((table) => next.get(table) !== prints.get(table));
      prints = next;
      return changed;
    },
    /** The transaction id the watch started from, to find rows written after it. */
    startedAt: () => xmax,
  };
}
