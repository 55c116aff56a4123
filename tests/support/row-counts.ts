import type { DatabaseHandle } from '#server/platform/db/client.ts';

/** The number of rows in every table of the public schema, for "nothing was stored" assertions. */
export async function countAllRows(handle: DatabaseHandle): Promise<Record<string, number>> {
  const tables = await handle.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await handle.query<{ n: number | string }>(`select count(*) as n from "${name}"`);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}
