import { expect } from 'vitest';
import type { DatabaseHandle } from '#server/platform/db/client.ts';

/**
 * Tables a refused request may still write: the session it came with (its last-seen time) and the
 * throttling of sign-in attempts. Neither is data a user saved.
 */
const SESSION_TABLES = new Set(['sessions', 'login_attempts']);

interface TableState {
  rows: number;
  written: number;
}

/** Every table of the application's schema (the migrations journal lives in its own schema). */
async function tableNames(handle: DatabaseHandle): Promise<string[]> {
  const rows = await handle.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((row) => row.name).filter((name) => !SESSION_TABLES.has(name));
}

/**
 * Row count of each table, and how many of its rows were written (inserted or updated) by a
 * transaction at or after `since`: PostgreSQL stamps every row version with the id of the
 * transaction that wrote it (`xmin`, 32 bits, hence the modulo).
 */
async function snapshot(handle: DatabaseHandle, names: string[], since: number) {
  const parts = names.map(
    (name) =>
      `select '${name}' as name, count(*)::int as rows,
        (count(*) filter (where xmin::text::bigint >= ${since}))::int as written from "${name}"`,
  );
  const rows = await handle.query<{ name: string; rows: number; written: number }>(parts.join(' union all '));
  return new Map<string, TableState>(rows.map((row) => [row.name, { rows: row.rows, written: row.written }]));
}

/** The id the next writing transaction will get, as the 32-bit value stored in `xmin`. */
async function nextTransactionId(handle: DatabaseHandle): Promise<number> {
  const [row] = await handle.query<{ id: string }>(
    `select (pg_snapshot_xmax(pg_current_snapshot())::text::bigint % 4294967296)::text as id`,
  );
  return Number(row?.id);
}

/**
 * Runs a request that must be refused and asserts it stored nothing: no table gained or lost a row
 * and no row was inserted or updated (so no audit event either). Returns what `act` returned, for
 * the caller to assert the status. Tests in a project run one at a time, so nothing else writes.
 */
export async function expectNothingStored<T>(handle: DatabaseHandle, act: () => Promise<T>): Promise<T> {
  const names = await tableNames(handle);
  const since = await nextTransactionId(handle);
  const before = await snapshot(handle, names, since);
  const result = await act();
  const after = await snapshot(handle, names, since);
  const changed = names.flatMap((name) => {
    const was = before.get(name);
    const now = after.get(name);
    if (!was || !now || (was.rows === now.rows && now.written === 0)) return [];
    return [`${name}: ${was.rows} → ${now.rows} rows, ${now.written} written`];
  });
  expect(changed, 'a refused request changed stored data').toEqual([]);
  return result;
}
