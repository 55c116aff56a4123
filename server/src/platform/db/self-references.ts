import { sql } from 'drizzle-orm';
import type { Transaction } from './client.ts';

type Row = Record<string, unknown>;

/** Columns whose foreign key points back into their own table (a unit's parent, a movement's parent), by table. */
export async function listSelfReferences(tx: Transaction): Promise<Map<string, string[]>> {
  const result = (await tx.execute(sql`
    select c.conrelid::regclass::text as table_name, a.attname as column_name
      from pg_constraint c
      join pg_namespace n on n.oid = c.connamespace
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
     where c.contype = 'f' and c.conrelid = c.confrelid and n.nspname = 'public'`)) as unknown as {
    rows: { table_name: string; column_name: string }[];
  };
  const columns = new Map<string, string[]>();
  for (const row of result.rows) {
    const table = row.table_name.replace(/^public\./, '').replace(/"/g, '');
    columns.set(table, [...(columns.get(table) ?? []), row.column_name]);
  }
  return columns;
}

/**
 * Splits a batch of a self-referencing table: the rows to insert with those links emptied, and the
 * links to set once every row of the table is in — a child may come in a batch before its parent.
 */
export function splitSelfReferences(batch: Row[], columns: string[]): { rows: Row[]; links: Row[] } {
  const rows = batch.map((row) => ({
    ...row,
    ...Object.fromEntries(columns.map((column) => [column, null])),
  }));
  const links = batch
    .filter((row) => columns.some((column) => row[column] !== null && row[column] !== undefined))
    .map((row) => ({ id: row.id, ...Object.fromEntries(columns.map((column) => [column, row[column]])) }));
  return { rows, links };
}

/** Sets the links kept aside by splitSelfReferences, a thousand rows per statement. */
export async function restoreSelfReferences(tx: Transaction, table: string, columns: string[], links: Row[]) {
  const name = sql.identifier(table);
  const assignments = sql.join(
    columns.map((column) => sql`${sql.identifier(column)} = source.${sql.identifier(column)}`),
    sql`, `,
  );
  for (let start = 0; start < links.length; start += 1000) {
    const chunk = JSON.stringify(links.slice(start, start + 1000));
    await tx.execute(
      sql`update ${name} set ${assignments} from json_populate_recordset(null::${name}, ${chunk}::json) as source where ${name}.id = source.id`,
    );
  }
}
