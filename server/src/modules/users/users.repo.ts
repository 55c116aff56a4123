import { asc, count, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { roleGrants, units, users } from '../../platform/db/schema.ts';
import { matchesText } from '../../platform/db/search.ts';

/** A page of users matching a search on username or full name. */
export async function listUsers(
  executor: Executor,
  query: { q?: string | undefined; page: number; pageSize: number },
) {
  const where = query.q
    ? or(matchesText(users.username, query.q), matchesText(users.fullName, query.q))
    : undefined;
  const [rows, [total]] = await Promise.all([
    executor
      .select({
        id: users.id,
        username: users.username,
        fullName: users.fullName,
        isActive: users.isActive,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(where)
      .orderBy(asc(users.username))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ value: count() }).from(users).where(where),
  ]);
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
  return { rows, grants, total: total?.value ?? 0 };
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
