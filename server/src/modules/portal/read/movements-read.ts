import { sql } from 'drizzle-orm';
import type { PlanContent } from '#contracts/movements.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { readKeysetPage } from '#server/platform/db/keyset.ts';
import { matchesText } from '#server/platform/db/search.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The one rule of what the public may read of movements: launched (or since closed) and published. */
const PUBLISHED = sql`m.status <> 'draft' and m.published_at is not null`;

/** A published movement as the portal lists it. */
export interface PublicMovement {
  id: string;
  name: string;
  theme: string | null;
  periodFrom: number;
  periodTo: number;
  unitName: string;
  planNumber: string | null;
  launchedAt: string | null;
  publishedAt: string;
}

const COLUMNS = sql`m.id, m.name, m.theme, m.period_from as "periodFrom", m.period_to as "periodTo",
  u.name as "unitName", m.plan_number as "planNumber",
  to_char(m.launched_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as "launchedAt",
  to_char(m.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "publishedAt"`;
const FROM = sql`from movements m join units u on u.id = m.launching_unit_id`;

/** Published movements, newest publication first, one keyset page; words of the name. */
export function listPublicMovements(
  db: Executor,
  query: { after?: string | undefined; before?: string | undefined; q?: string | undefined; limit: number },
) {
  const words = query.q ? sql`and ${matchesText(sql`m.name`, query.q)}` : sql``;
  return readKeysetPage<PublicMovement>({
    query,
    order: 'desc',
    columns: [sql`m.published_at`, sql`m.id`],
    kinds: ['string', 'uuid'],
    keyOf: (row) => [row.publishedAt, row.id],
    read: async ({ where, descending, limit }) => {
      const direction = sql.raw(descending ? 'desc' : 'asc');
      return rowsOf<PublicMovement>(
        await db.execute(sql`select ${COLUMNS} ${FROM} where ${PUBLISHED} ${words}
          ${where ? sql`and ${where}` : sql``}
          order by m.published_at ${direction}, m.id ${direction} limit ${limit}`),
      );
    },
  });
}

/** A published movement with its current plan, or null (draft, unpublished, withdrawn or unknown). */
export async function findPublicMovement(db: Executor, id: string) {
  const [row] = rowsOf<PublicMovement & { plan: PlanContent | null }>(
    await db.execute(sql`select ${COLUMNS},
        (select v.content from plan_versions v where v.movement_id = m.id and v.version = m.current_version) as plan
      ${FROM} where ${PUBLISHED} and m.id = ${id}`),
  );
  if (!row) return null;
  const plan = typeof row.plan === 'string' ? (JSON.parse(row.plan) as PlanContent) : row.plan;
  return { ...row, periodFrom: Number(row.periodFrom), periodTo: Number(row.periodTo), plan };
}
