import { eq, sql } from 'drizzle-orm';
import type { ExemplarListItem, ExemplarListQuery, ExemplarPage } from '#contracts/exemplars.ts';
import { matchesWords, typedWords } from '#server/modules/organisation/index.ts';
import { resolveScope } from '#server/modules/organisation/organisation.policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import { units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { type Caller, EXEMPLAR_READ_ROLES } from '../exemplars.policy.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

type ListRow = Omit<ExemplarListItem, 'replicationCount'> & { replicationCount: number | string };

/**
 * The exemplars the caller reads (proposing unit in their scope), newest discovery first: per
 * movement, per unit (its subtree), by stage, kind, state and publication, and by words of the
 * title or the subject's name typed with or without diacritics.
 */
export async function listExemplars(
  db: Database,
  caller: Caller,
  query: ExemplarListQuery,
): Promise<ExemplarPage> {
  const scope = await resolveScope(db, caller.principal, EXEMPLAR_READ_ROLES);
  const paths = (column: string, prefixes: string[]) =>
    prefixes.length
      ? sql.join(
          prefixes.map((prefix) => sql`${sql.raw(column)} like ${`${prefix}%`}`),
          sql` or `,
        )
      : sql`false`;
  let under = sql``;
  if (query.unitId) {
    const [unit] = await db.select({ path: units.path }).from(units).where(eq(units.id, query.unitId));
    if (!unit)
      throw new AppError('VALIDATION_FAILED', 'Không tìm thấy đơn vị đã chọn.', [
        { path: 'unitId', message: 'Không tìm thấy đơn vị' },
      ]);
    under = sql`and u.path like ${`${unit.path}%`}`;
  }
  const words = query.q ? typedWords(query.q) : [];
  const filter = sql`(${scope === null ? sql`true` : paths('u.path', scope)}) ${under}
    ${query.movementId ? sql`and e.movement_id = ${query.movementId}` : sql``}
    ${query.stage ? sql`and e.stage = ${query.stage}` : sql``}
    ${query.kind ? sql`and e.kind = ${query.kind}` : sql``}
    ${query.status ? sql`and e.status = ${query.status}` : sql``}
    ${query.published ? sql`and e.is_published = ${query.published === 'true'}` : sql``}
    ${words.length ? sql`and ${matchesWords(sql`e.search_terms`, query.q ?? '')}` : sql``}`;
  const from = sql`from exemplars e join units u on u.id = e.unit_id`;
  const page = await readKeysetPage<ListRow>({
    query,
    order: 'desc',
    columns: [sql`e.discovered_on`, sql`e.id`],
    kinds: ['string', 'uuid'],
    keyOf: (row) => [row.discoveredOn, row.id],
    read: async ({ where, descending, limit }) => {
      const direction = sql.raw(descending ? 'desc' : 'asc');
      return rowsOf<ListRow>(
        await db.execute(sql`select e.id, e.title, e.kind, e.subject, e.subject_name as "subjectName",
            e.unit_id as "unitId", u.name as "unitName", e.movement_id as "movementId",
            (select m.name from movements m where m.id = e.movement_id) as "movementName",
            e.stage, e.status, e.is_published as "isPublished", e.discovered_on::text as "discoveredOn",
            (select count(*)::int from exemplar_replications r where r.exemplar_id = e.id) as "replicationCount"
          ${from} where ${filter} ${where ? sql`and ${where}` : sql``}
          order by e.discovered_on ${direction}, e.id ${direction} limit ${limit}`),
      );
    },
  });
  const total = await countCapped(db, sql`select e.id ${from} where ${filter}`, query.exactTotal === 'true');
  return {
    items: page.rows.map((row) => ({ ...row, replicationCount: Number(row.replicationCount) })),
    next: page.next,
    prev: page.prev,
    total,
  };
}
