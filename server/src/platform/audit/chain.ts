import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';

/** The previous hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);
const BATCH = 1000;

/** One event as the chain sees it: its place, its links and its canonical text (computed in SQL). */
export interface ChainRow {
  seq: number;
  id: string;
  prevHash: string;
  hash: string;
  canonical: string;
}

/** The hash an event must carry: SHA-256 of the previous hash, a newline and its canonical text. */
export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(`${prevHash}\n${canonical}`, 'utf8').digest('hex');
}

type RawRow = { seq: string; id: string; prev_hash: string; hash: string; canonical: string };

const toChainRow = (row: RawRow): ChainRow => ({
  seq: Number(row.seq),
  id: row.id,
  prevHash: row.prev_hash,
  hash: row.hash,
  canonical: row.canonical,
});

/**
 * Events after a position in chain order (seq, then id so that a duplicated seq is still seen).
 * The columns are ordered as `e.*`: the output names are text and would sort as text.
 */
export async function readChainBatch(
  executor: Executor,
  after: { seq: number; id: string },
  limit = BATCH,
): Promise<ChainRow[]> {
  const result = (await executor.execute(
    sql`select seq::text as seq, id::text as id, prev_hash, hash, audit_event_canonical(e) as canonical
          from audit_events e
         where (e.seq, e.id) > (${after.seq}::bigint, ${after.id}::bigint)
         order by e.seq, e.id
         limit ${limit}`,
  )) as unknown as { rows: RawRow[] };
  return result.rows.map(toChainRow);
}

/** Every event in chain order, read in batches so memory stays flat however long the trail is. */
export async function* readChain(executor: Executor): AsyncGenerator<ChainRow> {
  let after = { seq: 0, id: '0' };
  for (;;) {
    const rows = await readChainBatch(executor, after);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = { seq: last.seq, id: last.id };
  }
}

/** An event outside the chain (no number or hash), which only a hand-made row can be. */
export async function findUnchained(executor: Executor): Promise<string | null> {
  const result = (await executor.execute(
    sql`select id::text as id from audit_events where seq is null or prev_hash is null or hash is null
         order by id limit 1`,
  )) as unknown as { rows: { id: string }[] };
  return result.rows[0]?.id ?? null;
}
