import { and, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { CursorQuery } from '#contracts/common.ts';
import {
  decodeCursor,
  encodeCursor,
  type KeyKind,
  type KeysetPage,
  type KeyValue,
  keyCompare,
  type ReadSlice,
} from '#server/platform/db/keyset.ts';
import { AppError } from '#server/platform/http/app-error.ts';

const badCursor = (path: string) =>
  new AppError('VALIDATION_FAILED', 'Vị trí trang không hợp lệ. Vui lòng mở lại danh sách từ trang đầu.', [
    { path, message: 'Vị trí trang không hợp lệ' },
  ]);

interface Ranked<Row> {
  rank: number;
  row: Row;
}

/**
 * One keyset page of a search whose rows come in ranks (e.g. names written exactly as typed first),
 * each rank in the order of `columns` (ascending, the last one unique). The cursor is the rank and
 * the row's key, so each rank is read from its own index position: a deep page costs what page 1
 * costs. `read` applies the list's filter; this adds the rank's condition and the key condition.
 */
export async function readRankedPage<Row>(options: {
  query: Pick<CursorQuery, 'after' | 'before' | 'limit'>;
  /** The condition of each rank, best first; the ranks must not overlap. */
  ranks: readonly SQL[];
  columns: readonly SQLWrapper[];
  kinds: readonly KeyKind[];
  keyOf: (row: Row) => KeyValue[];
  /** Reads a slice; `rank` and `from` (the key the slice starts after, or null) let it prune by itself. */
  read: (slice: Parameters<ReadSlice<Row>>[0] & { rank: number; from: KeyValue[] | null }) => Promise<Row[]>;
}): Promise<KeysetPage<Row>> {
  const { query, ranks, columns, read, keyOf } = options;
  const kinds: KeyKind[] = ['number', ...options.kinds];
  const limit = query.limit;
  const cursorOf = (item: Ranked<Row> | undefined) =>
    item ? encodeCursor([item.rank, ...keyOf(item.row)]) : null;
  const decode = (cursor: string, path: string) => {
    const [rank, ...key] = decodeCursor(cursor, kinds, path);
    if (!Number.isInteger(rank) || (rank as number) < 0 || (rank as number) >= ranks.length)
      throw badCursor(path);
    return { rank: rank as number, key };
  };
  /** Up to `need` rows from the position on, crossing into the next (or previous) ranks as needed. */
  const collect = async (
    from: { rank: number; key: KeyValue[] | null },
    descending: boolean,
    need: number,
  ) => {
    const found: Ranked<Row>[] = [];
    for (
      let rank = from.rank;
      rank >= 0 && rank < ranks.length && found.length < need;
      rank += descending ? -1 : 1
    ) {
      const key = rank === from.rank && from.key ? from.key : null;
      const keyed = key ? keyCompare(columns, descending ? '<' : '>', key) : undefined;
      const rows = await read({
        where: and(ranks[rank], keyed),
        descending,
        limit: need - found.length,
        rank,
        from: key,
      });
      found.push(...rows.map((row) => ({ rank, row })));
    }
    return found;
  };

  if (query.after && query.before) throw badCursor('before');
  if (query.before) {
    const found = await collect(decode(query.before, 'before'), true, limit + 1);
    if (found.length > limit) {
      const page = found.slice(0, limit).reverse();
      return { rows: page.map((item) => item.row), prev: cursorOf(page[0]), next: cursorOf(page.at(-1)) };
    }
    return readRankedPage({ ...options, query: { limit } });
  }
  const start = query.after ? decode(query.after, 'after') : null;
  const found = await collect(start ?? { rank: 0, key: null }, false, limit + 1);
  const page = found.slice(0, limit);
  if (start && page.length === 0) {
    const last = await collect({ rank: ranks.length - 1, key: null }, true, limit + 1);
    const rows = last.slice(0, limit).reverse();
    return {
      rows: rows.map((item) => item.row),
      prev: last.length > limit ? cursorOf(rows[0]) : null,
      next: null,
    };
  }
  return {
    rows: page.map((item) => item.row),
    prev: start ? cursorOf(page[0]) : null,
    next: found.length > limit ? cursorOf(page.at(-1)) : null,
  };
}
