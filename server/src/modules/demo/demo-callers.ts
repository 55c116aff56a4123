import { eq } from 'drizzle-orm';
import type { Caller } from '#server/modules/nominations/index.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import { loadGrants, toPrincipal } from '#server/platform/auth/session-store.ts';
import type { Database } from '#server/platform/db/client.ts';
import { units, users } from '#server/platform/db/schema.ts';

/**
 * A demo account acting as itself through the services (its grants, audit events in its name), so the
 * demo's workflow data goes through the same rules, audit and notifications as a user's clicks.
 */
export async function demoCaller(db: Database, username: string): Promise<Caller | null> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user) return null;
  return {
    principal: toPrincipal(user, await loadGrants(db, user.id)),
    actor: { userId: user.id, username: user.username, requestId: null, ip: null },
  };
}

/**
 * The emulation officer of a demo unit that has no demo account (a department's), acting without a
 * user row: audit events name them `demo` as the start-up tasks do.
 */
export async function demoUnitOfficer(db: Database, unitCode: string): Promise<Caller | null> {
  const [unit] = await db
    .select({ id: units.id, path: units.path, name: units.name })
    .from(units)
    .where(eq(units.code, unitCode));
  if (!unit) return null;
  const grant = { role: 'tdkt_officer', unitId: unit.id, unitPath: unit.path, unitName: unit.name };
  return {
    principal: toPrincipal({ id: crypto.randomUUID(), username: 'demo', fullName: 'Cán bộ thi đua' }, [
      grant,
    ]),
    actor: systemActor('demo'),
  };
}
