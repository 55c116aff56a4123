import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AccountQuery } from '#contracts/accounts.ts';
import type { Role } from '#contracts/auth.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import { persons, roleGrants, units, users } from '#server/platform/db/schema.ts';
import { escapeLike, matchesText } from '#server/platform/db/search.ts';

/** The columns of an account row the page shows. */
const accountColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  email: users.email,
  isActive: users.isActive,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
  version: users.version,
};
export type AccountRow = {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  version: number;
};

/** A grant of an account with its unit's name and path. */
export interface AccountGrantRow {
  userId: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  unitPath: string | null;
}

/** `units.path` under one of the paths (a unit's subtree), for scope filters. */
export function underAnyPath(column: SQL | typeof units.path, paths: string[]): SQL {
  if (paths.length === 0) return sql`false`;
  return or(...paths.map((path) => sql`${column} like ${`${escapeLike(path)}%`}`)) as SQL;
}

/** Accounts holding at least one role on a unit of the subtrees (null = every account). */
function inScope(scope: string[] | null): SQL | undefined {
  if (scope === null) return undefined;
  return sql`exists (select 1 from ${roleGrants} g join ${units} u on u.id = g.unit_id
    where g.user_id = ${users.id} and ${underAnyPath(sql`u.path`, scope)})`;
}

/** One keyset page of accounts in username order, with the total (capped unless asked). */
export async function listAccounts(executor: Executor, query: AccountQuery, scope: string[] | null) {
  const where = and(
    query.q ? or(matchesText(users.username, query.q), matchesText(users.fullName, query.q)) : undefined,
    inScope(scope),
  );
  const page = await readKeysetPage<AccountRow>({
    query,
    columns: [users.username],
    kinds: ['string'],
    keyOf: (row) => [row.username],
    read: ({ where: key, descending, limit }) =>
      executor
        .select(accountColumns)
        .from(users)
        .where(and(where, key))
        .orderBy(descending ? desc(users.username) : asc(users.username))
        .limit(limit),
  });
  const total = await countCapped(
    executor,
    executor.select({ id: users.id }).from(users).where(where),
    query.exactTotal === 'true',
  );
  return { ...page, total };
}

/** The grants of the accounts, with each unit's name and path. */
export async function loadAccountGrants(executor: Executor, userIds: string[]): Promise<AccountGrantRow[]> {
  if (!userIds.length) return [];
  const rows = await executor
    .select({
      userId: roleGrants.userId,
      role: roleGrants.role,
      unitId: roleGrants.unitId,
      unitName: units.name,
      unitPath: units.path,
    })
    .from(roleGrants)
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(roleGrants.createdAt);
  return rows as AccountGrantRow[];
}

/** The person each account belongs to, with the person's unit. */
export async function loadAccountPersons(executor: Executor, userIds: string[]) {
  if (!userIds.length) return [];
  return executor
    .select({ userId: persons.userId, id: persons.id, fullName: persons.fullName, unitName: units.name })
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(inArray(persons.userId, userIds));
}

/** One account by id, or null. */
export async function findAccount(executor: Executor, id: string): Promise<AccountRow | null> {
  const [row] = await executor.select(accountColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

/** One unit with its path, or null. */
export async function findUnitWithPath(executor: Executor, id: string) {
  const [row] = await executor
    .select({ id: units.id, path: units.path, name: units.name })
    .from(units)
    .where(eq(units.id, id));
  return row ?? null;
}

/** One person with their unit's path and the account linked to them, or null. */
export async function findPersonForLink(executor: Executor, id: string) {
  const [row] = await executor
    .select({
      id: persons.id,
      fullName: persons.fullName,
      userId: persons.userId,
      unitPath: units.path,
      unitName: units.name,
    })
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(eq(persons.id, id));
  return row ?? null;
}

const PICKER_LIMIT = 20;

/** Units in scope matching a few words of the name or code, for the grant dialog. */
export async function searchGrantableUnits(
  executor: Executor,
  q: string | undefined,
  scope: string[] | null,
) {
  const parent = sql<string | null>`(select p.name from ${units} p where p.id = ${units.parentId})`;
  return executor
    .select({ id: units.id, name: units.name, code: units.code, parentName: parent })
    .from(units)
    .where(
      and(
        q ? or(matchesText(units.name, q), matchesText(units.code, q)) : undefined,
        scope === null ? undefined : underAnyPath(units.path, scope),
        sql`(${units.validTo} is null or ${units.validTo} >= current_date)`,
      ),
    )
    .orderBy(units.path)
    .limit(PICKER_LIMIT);
}

/** People in scope matching a few words of the name, for the link dialog. */
export async function searchLinkablePersons(
  executor: Executor,
  q: string | undefined,
  scope: string[] | null,
) {
  return executor
    .select({
      id: persons.id,
      fullName: persons.fullName,
      position: persons.position,
      unitName: units.name,
      username: users.username,
    })
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .leftJoin(users, eq(users.id, persons.userId))
    .where(
      and(
        q ? matchesText(persons.fullName, q) : undefined,
        scope === null ? undefined : underAnyPath(units.path, scope),
      ),
    )
    .orderBy(persons.sortKey, persons.id)
    .limit(PICKER_LIMIT);
}
