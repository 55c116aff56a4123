import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../http/app-error.ts';
import { decodeCursor, type KeyKind } from './keyset.ts';

/**
 * A timestamp in a cursor: UTC text to the microsecond, because a JavaScript Date keeps only
 * milliseconds and a cursor that rounds would skip or repeat rows that share a millisecond.
 */
export const momentKey = (column: AnyColumn | SQL): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * Checks the cursors of a list keyed by (moment, …) before they reach the database: a moment this
 * list did not write is a 400 in Vietnamese, like any other bad cursor.
 */
export function checkMomentCursors(
  query: { after?: string | undefined; before?: string | undefined },
  kinds: readonly KeyKind[],
): void {
  for (const path of ['after', 'before'] as const) {
    const cursor = query[path];
    if (!cursor) continue;
    const [moment] = decodeCursor(cursor, kinds, path);
    if (typeof moment !== 'string' || !MOMENT.test(moment) || Number.isNaN(Date.parse(moment))) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Vị trí trang không hợp lệ. Vui lòng mở lại danh sách từ trang đầu.',
        [{ path, message: 'Vị trí trang không hợp lệ' }],
      );
    }
  }
}
