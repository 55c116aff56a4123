import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { UserQuery } from '#contracts/users.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import { roleGrants, units, users } from '#server/platform/db/schema.ts';
import { matchesText } from '#server/platform/db/search.ts';

/**
 * One keyset page of users in username order (a range scan of users_username_key), with the grants
 * of the page's users only and the total counted up to TOTAL_CAP unless the exact figure is asked for.
 */
export async function listUsers(executor: Executor, query: UserQuery) {
  const where = query.q
    ? or(matchesText(users.username, query.q), matchesText(users.fullName, query.q))
    : undefined;
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      columns: [users.username],
      kinds: ['string'],
      read: async ({ where: key, descending, limit }) =>
        executor
          .select({
            id: users.id,
            username: users.username,
            fullName: users.fullName,
            isActive: users.isActive,
            createdAt: users.createdAt,
          })
          .from(users)
          .where(and(where, key))
          .orderBy(descending ? desc(users.username) : asc(users.username))
          .limit(limit),
      keyOf: (row) => [row.username],
    }),
    countCapped(
      executor,
      executor.select({ id: users.id }).from(users).where(where),
      query.exactTotal === 'true',
    ),
  ]);
  const rows = page.rows;
  const grants = rows.length
    ? await executor
        .select({
          userId: roleGrants.userId,
          role: roleGrants.role,
          unitId: roleGrants.unitId,
          unitName: units.name,
        })
        .from(roleGrants)
        .leftJoin(units, eq(units.id, roleGrants.unitId))
        .where(
          inArray(
            roleGrants.userId,
            rows.map((row) => row.id),
          ),
        )
    : [];
  return { rows, grants, total, next: page.next, prev: page.prev };
}

/** The unit with its path, or null. */
export async function findUnit(executor: Executor, id: string) {
  const [row] = await executor
    .select({ id: units.id, path: units.path, name: units.name })
    .from(units)
    .where(eq(units.id, id));
  return row ?? null;
}

/** The unit with the given code, or null. */
export async function findUnitByCode(executor: Executor, code: string) {
  const [row] = await executor
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(eq(units.code, code));
  return row ?? null;
}
