import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '#server/platform/db/client.ts';
import { councilMembers, councils, persons } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { inScope, type Scope, scopeCondition } from '../organisation.policy.ts';

/** The standing body's path of the council in the row (null when it has none). */
const standingPath = sql`(select s.path from units s where s.id = ${councils.standingUnitId})`;

/** "The signed-in user's person sits on the council" (any role, any term). */
const sitsOn = (userId: string) =>
  sql`exists (select 1 from council_members m join persons p on p.id = m.person_id
    where m.council_id = ${councils.id} and p.user_id = ${userId})`;

/**
 * Councils a reader sees (the query joins `councils` and the council's unit as `units`): those of a
 * unit in their scope, those whose standing body (cơ quan thường trực) lies in their scope — the
 * Sở Nội vụ of a provincial council — and those the user sits on as a member.
 */
export function councilVisibleCondition(scope: Scope, userId: string): SQL | undefined {
  if (scope === null) return undefined;
  return or(scopeCondition(scope), scopeCondition(scope, standingPath), sitsOn(userId));
}

/**
 * Throws 403 OUT_OF_SCOPE unless the reader sees the council: its unit or its standing body lies
 * in the scope, or the user sits on it (one indexed query, only when the first two fail).
 */
export async function assertCouncilVisible(
  executor: Executor,
  scope: Scope,
  userId: string,
  council: { id: string; unitPath: string; standingUnitPath: string | null },
): Promise<void> {
  if (inScope(scope, council.unitPath)) return;
  if (council.standingUnitPath && inScope(scope, council.standingUnitPath)) return;
  const [found] = await executor
    .select({ id: councilMembers.id })
    .from(councilMembers)
    .innerJoin(persons, eq(persons.id, councilMembers.personId))
    .where(and(eq(councilMembers.councilId, council.id), eq(persons.userId, userId)))
    .limit(1);
  if (!found) throw new AppError('OUT_OF_SCOPE');
}
