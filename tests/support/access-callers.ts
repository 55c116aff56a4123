import type { Role } from '#contracts/auth.ts';
import type { Access } from '#server/platform/auth/access.ts';
import { buildCouncil, buildMovement, buildPerson, buildUnit, type Client, signInAs } from './factories.ts';
import type { TestApp } from './test-app.ts';

/** A caller of the access walk: its name, the role it holds (none when anonymous) and what it sends. */
export interface Caller {
  name: 'anonymous' | 'staff' | 'officer of another subtree';
  role: Role | null;
  client: Client | null;
}

/** Records of one subtree ("A") whose ids fill path parameters, so scope is probed as well as roles. */
export interface SubtreeRecords {
  unitId: string;
  personId: string;
  councilId: string;
  movementId: string;
}

/**
 * Builds subtree A with a unit, a person, a council and a launched movement, and subtree B whose
 * staff member and TĐKT officer sign in; returns the three callers of the walk and A's records.
 */
export async function buildAccessCallers(
  t: TestApp,
): Promise<{ callers: Caller[]; records: SubtreeRecords }> {
  const db = t.handle.db;
  const rootA = await buildUnit(db);
  const unitA = await buildUnit(db, { parentId: rootA.id });
  const person = await buildPerson(db, { unitId: unitA.id });
  const council = await buildCouncil(db, { unitId: rootA.id });
  const movement = await buildMovement(db, { launchingUnitId: rootA.id, status: 'launched' });
  const rootB = await buildUnit(db);
  const callers: Caller[] = [
    { name: 'anonymous', role: null, client: null },
    { name: 'staff', role: 'staff', client: await signInAs(t, 'staff', rootB.id) },
    {
      name: 'officer of another subtree',
      role: 'tdkt_officer',
      client: await signInAs(t, 'tdkt_officer', rootB.id),
    },
  ];
  return {
    callers,
    records: { unitId: unitA.id, personId: person.id, councilId: council.id, movementId: movement.id },
  };
}

/** True when a route's declared access lets the caller through the access layer (scope aside). */
export function mayUse(access: Access, caller: Caller): boolean {
  if (access === 'public') return true;
  if (!caller.role) return false;
  return access === 'signed-in' || access.includes(caller.role);
}
