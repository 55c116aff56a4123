import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role, SessionResponse } from '#contracts/auth.ts';
import { emptyPlanContent } from '#server/modules/movements/index.ts';
import { personSortKey, vietnameseSortKey } from '#server/modules/organisation/index.ts';
import { createUser } from '#server/modules/users/index.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import {
  councils,
  employments,
  movements,
  persons,
  planVersions,
  units,
} from '#server/platform/db/schema.ts';
import type { TestApp } from './test-app.ts';

export const TEST_PASSWORD = 'test-password-123';
let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A random address per login, so throttling by address never couples tests. */
export const randomAddress = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

/** Inserts a unit under an optional parent and returns it with its path. */
export async function buildUnit(
  db: Database,
  input: { parentId?: string; name?: string; code?: string; kind?: string; validTo?: string | null } = {},
) {
  const id = randomUUID();
  const [parent] = input.parentId ? await db.select().from(units).where(eq(units.id, input.parentId)) : [];
  const name = input.name ?? unique('Đơn vị ');
  const [unit] = await db
    .insert(units)
    .values({
      id,
      parentId: input.parentId ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      name,
      code: input.code ?? unique('U'),
      kind: input.kind ?? 'other',
      validTo: input.validTo ?? null,
      sortKey: vietnameseSortKey(name),
    })
    .returning();
  if (!unit) throw new Error('unit not created');
  return unit;
}

/** Inserts a person in a unit (with an open employment) and returns it. */
export async function buildPerson(
  db: Database,
  input: {
    unitId: string;
    fullName?: string;
    birthDate?: string | null;
    userId?: string | null;
    isLeader?: boolean;
    idNumber?: string | null;
  },
) {
  const fullName = input.fullName ?? unique('Nguyễn Văn ');
  const [person] = await db
    .insert(persons)
    .values({
      fullName,
      gender: 'male',
      birthDate: input.birthDate === undefined ? '1980-05-17' : input.birthDate,
      idNumber: input.idNumber ?? null,
      category: 'civil_servant',
      position: 'Chuyên viên',
      isLeader: input.isLeader ?? false,
      unitId: input.unitId,
      userId: input.userId ?? null,
      sortKey: personSortKey(fullName),
    })
    .returning();
  if (!person) throw new Error('person not created');
  await db
    .insert(employments)
    .values({ personId: person.id, unitId: input.unitId, position: person.position });
  return person;
}

/** Inserts a council for a unit and returns it. */
export async function buildCouncil(db: Database, input: { unitId: string; name?: string }) {
  const [council] = await db
    .insert(councils)
    .values({ unitId: input.unitId, name: input.name ?? unique('Hội đồng Thi đua – Khen thưởng ') })
    .returning();
  if (!council) throw new Error('council not created');
  return council;
}

/** Creates a user holding one role (on a unit, or system-wide). */
export async function buildUser(
  db: Database,
  input: { role?: Role; unitId?: string | null; username?: string; email?: string | null } = {},
) {
  const username = input.username ?? unique('user.');
  const user = await createUser(
    db,
    {
      username,
      fullName: `Người dùng ${username}`,
      password: TEST_PASSWORD,
      role: input.role ?? 'staff',
      unitId: input.unitId ?? null,
      email: input.email ?? null,
    },
    systemActor('test'),
  );
  return { ...user, password: TEST_PASSWORD };
}

/** A signed-in client: the cookie and CSRF token to send, plus the user. */
export interface Client {
  cookie: string;
  csrfToken: string;
  user: { id: string; username: string };
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Signs in through the API and returns the session cookie and CSRF token. */
export async function signIn({ app }: TestApp, username: string, password = TEST_PASSWORD): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: randomAddress(),
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const body = response.json<SessionResponse>();
  return {
    cookie,
    csrfToken: body.csrfToken as string,
    user: { id: body.user?.id as string, username },
    headers: { cookie, 'x-csrf-token': body.csrfToken as string },
  };
}

/** Creates a user with the role and signs them in. */
export async function signInAs(testApp: TestApp, role: Role, unitId: string | null = null) {
  const user = await buildUser(testApp.handle.db, { role, unitId });
  return signIn(testApp, user.username);
}

/** Inserts a movement with version 1 of an empty plan (draft unless told) and returns it. */
export async function buildMovement(
  db: Database,
  input: {
    launchingUnitId: string;
    name?: string;
    status?: 'draft' | 'launched';
    parentMovementId?: string | null;
    rootMovementId?: string | null;
    planDeadline?: string | null;
  },
) {
  const id = randomUUID();
  const name = input.name ?? unique('Phong trào thi đua ');
  const [movement] = await db
    .insert(movements)
    .values({
      id,
      name,
      kind: 'thematic',
      status: input.status ?? 'draft',
      periodFrom: 2019,
      periodTo: 2025,
      launchingUnitId: input.launchingUnitId,
      parentMovementId: input.parentMovementId ?? null,
      rootMovementId: input.rootMovementId ?? id,
      planDeadline: input.planDeadline ?? null,
      launchedAt: input.status === 'launched' ? new Date() : null,
    })
    .returning();
  const plan = emptyPlanContent({
    issuerName: null,
    title: `Kế hoạch ${name}`,
    movementName: name,
    periodFrom: 2019,
    periodTo: 2025,
  });
  if (!input.parentMovementId) {
    // A top-level plan is issued at launch: it carries its number, date and signer (NĐ 30/2020).
    plan.document.number = `${Math.floor(Math.random() * 900) + 100}/KH-UBND`;
    plan.document.date = '2025-01-15';
    plan.document.signature = { ...plan.document.signature, name: 'Nguyễn Văn Ký' };
  }
  await db.insert(planVersions).values({ movementId: id, version: 1, content: plan });
  if (!movement) throw new Error('movement not created');
  return movement;
}
