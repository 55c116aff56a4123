import type { SQL } from 'drizzle-orm';
import type { Executor } from '#server/platform/db/client.ts';

/** Runs raw SQL (recursive queries the builder cannot express) and returns its rows on either engine. */
export async function selectRows<Row>(executor: Executor, query: SQL): Promise<Row[]> {
  const result = (await executor.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/** True when the error is a unique-constraint violation (PostgreSQL code 23505), wrapped or not. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; ) {
    if (current.code === '23505') return true;
    current = current.cause as typeof current;
  }
  return false;
}

/** Today's date as YYYY-MM-DD in the server's zone. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The name of the unique constraint an error broke (from the driver's error, wrapped or not), or ''. */
export function violatedConstraint(error: unknown): string {
  for (
    let current = error as { constraint?: string; message?: string; cause?: unknown } | undefined;
    current;
  ) {
    if (current.constraint) return current.constraint;
    const match = /unique constraint "([^"]+)"/.exec(current.message ?? '');
    if (match?.[1]) return match[1];
    current = current.cause as typeof current;
  }
  return '';
}
