import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents, blocMembers, blocs, councilMembers } from '#server/platform/db/schema.ts';
import {
  buildCouncil,
  buildPerson,
  buildUnit,
  buildUser,
  type Client,
  signIn,
} from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';

type Headers = Record<string, string>;

async function clientOn(
  t: TestApp,
  role: 'tdkt_officer' | 'unit_head' | 'council_member' | 'staff',
  unitId: string,
) {
  const user = await buildUser(t.handle.db, { role, unitId });
  return { client: await signIn(t, user.username), user };
}

/**
 * A country with a province (its council, standing body, officer, a seated member and a bloc
 * supervisor), a district and a commune under it (officers), another province (officer), and the
 * national level (a reader above every province).
 */
export async function buildInspectionScene(t: TestApp) {
  const db = t.handle.db;
  const nation = await buildUnit(db, { name: 'Trung ương' });
  const province = await buildUnit(db, { parentId: nation.id, name: 'Tỉnh Kiểm Tra' });
  const standing = await buildUnit(db, { parentId: province.id, name: 'Sở Nội vụ' });
  const district = await buildUnit(db, { parentId: province.id, name: 'Huyện Một' });
  const commune = await buildUnit(db, { parentId: district.id, name: 'Xã Một' });
  const commune2 = await buildUnit(db, { parentId: district.id, name: 'Xã Hai' });
  const otherProvince = await buildUnit(db, { parentId: nation.id, name: 'Tỉnh Khác' });
  const council = await buildCouncil(db, { unitId: province.id });
  const provinceOfficer = (await clientOn(t, 'tdkt_officer', province.id)).client;
  const communeOfficer = (await clientOn(t, 'tdkt_officer', commune.id)).client;
  const commune2Officer = (await clientOn(t, 'tdkt_officer', commune2.id)).client;
  const districtOfficer = (await clientOn(t, 'tdkt_officer', district.id)).client;
  const otherOfficer = (await clientOn(t, 'tdkt_officer', otherProvince.id)).client;
  const nationalReader = (await clientOn(t, 'tdkt_officer', nation.id)).client;
  const seat = async (role: string) => {
    const { client, user } = await clientOn(t, 'council_member', otherProvince.id);
    const person = await buildPerson(db, { unitId: standing.id, userId: user.id });
    const [member] = await db
      .insert(councilMembers)
      .values({ councilId: council.id, personId: person.id, role, termFrom: '2021-01-01' })
      .returning();
    return { client, person, member: member as NonNullable<typeof member> };
  };
  const chair = await seat('chair');
  // A member of another council who supervises a bloc holding the commune (the bloc is that council's).
  const otherCouncil = await buildCouncil(db, { unitId: otherProvince.id });
  const supervisorUser = await clientOn(t, 'council_member', otherProvince.id);
  const supervisorPerson = await buildPerson(db, {
    unitId: otherProvince.id,
    userId: supervisorUser.user.id,
  });
  const [supervisorSeat] = await db
    .insert(councilMembers)
    .values({
      councilId: otherCouncil.id,
      personId: supervisorPerson.id,
      role: 'member',
      termFrom: '2021-01-01',
    })
    .returning();
  const [bloc] = await db
    .insert(blocs)
    .values({
      councilId: otherCouncil.id,
      year: 2024,
      name: 'Khối xã',
      supervisorMemberId: supervisorSeat?.id,
    })
    .returning();
  await db.insert(blocMembers).values({ blocId: bloc?.id as string, unitId: commune.id, position: 1 });
  const inspector = await buildPerson(db, { unitId: standing.id });
  return {
    nation,
    province,
    standing,
    district,
    commune,
    commune2,
    otherProvince,
    council,
    provinceOfficer,
    communeOfficer,
    commune2Officer,
    districtOfficer,
    otherOfficer,
    nationalReader,
    chair,
    supervisor: supervisorUser.client,
    inspector,
  };
}
export type InspectionScene = Awaited<ReturnType<typeof buildInspectionScene>>;

/** Sends a request as a client (a GET when there is no payload). */
export function sender(t: TestApp) {
  return (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    headers: Headers,
    payload?: object,
  ) =>
    payload === undefined
      ? t.app.inject({ method, url, headers })
      : t.app.inject({ method, url, headers, payload });
}

/** The body of a plan of the scene's council for 2024 with one scored and one rated item. */
export const planBody = (scene: InspectionScene) => ({
  councilId: scene.council.id,
  year: 2024,
  title: 'Kiểm tra công tác thi đua, khen thưởng năm 2024',
  purpose: 'Đánh giá việc triển khai phong trào thi đua.',
  startsOn: '2024-09-01',
  endsOn: '2024-11-30',
  items: [
    { id: 'ke-hoach', text: 'Ban hành kế hoạch triển khai phong trào', assessment: 'score', maxScore: 10 },
    { id: 'ho-so', text: 'Hồ sơ đề nghị khen thưởng', assessment: 'rating', maxScore: null },
  ],
});

/** Creates the plan as the province officer, with the commune (and optionally the second commune) as targets. */
export async function createPlanWithTargets(
  t: TestApp,
  scene: InspectionScene,
  options: { approve?: boolean } = {},
) {
  const send = sender(t);
  const created = await send(
    'POST',
    '/api/inspections',
    { ...scene.provinceOfficer.headers, 'idempotency-key': crypto.randomUUID() },
    planBody(scene),
  );
  expect(created.statusCode, created.body).toBe(201);
  let plan = created.json();
  for (const unitId of [scene.commune.id, scene.commune2.id]) {
    const added = await send('POST', `/api/inspections/${plan.id}/targets`, scene.provinceOfficer.headers, {
      unitId,
      inspectOn: '2024-10-15',
      version: plan.version,
    });
    expect(added.statusCode, added.body).toBe(200);
    plan = added.json();
  }
  if (options.approve) {
    const approved = await send(
      'POST',
      `/api/inspections/${plan.id}/approve`,
      scene.provinceOfficer.headers,
      {
        version: plan.version,
      },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    plan = approved.json();
  }
  const targets = await send('GET', `/api/inspections/${plan.id}/targets`, scene.provinceOfficer.headers);
  const items = targets.json().items as { id: string; unitId: string }[];
  const targetOf = (unitId: string) => items.find((item) => item.unitId === unitId)?.id as string;
  return { plan, commune: targetOf(scene.commune.id), commune2: targetOf(scene.commune2.id) };
}

/** The audit events of an action on a record. */
export function auditOf(t: TestApp, action: string, entityId: string) {
  return t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
}

export type { Client };
