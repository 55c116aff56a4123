import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents, blocMembers, blocs, councilMembers } from '#server/platform/db/schema.ts';
import {
  buildCouncil,
  buildPerson,
  buildUnit,
  buildUser,
  signIn,
} from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';

type Headers = Record<string, string>;

async function officerOf(
  t: TestApp,
  unitId: string,
  role: 'tdkt_officer' | 'council_member' = 'tdkt_officer',
) {
  const user = await buildUser(t.handle.db, { role, unitId });
  return { client: await signIn(t, user.username), user };
}

/**
 * A province with its council and a 2024 bloc of three districts (the first is head), each district's
 * emulation officer, the province's officer (manages the tables), a council member supervising the
 * bloc, a district outside the bloc and an officer of another province.
 */
export async function buildScoringScene(t: TestApp) {
  const db = t.handle.db;
  const nation = await buildUnit(db, { name: 'Trung ương' });
  const province = await buildUnit(db, { parentId: nation.id, name: 'Tỉnh Chấm Điểm' });
  const districts = [];
  for (const name of ['Huyện Một', 'Huyện Hai', 'Huyện Ba', 'Huyện Ngoài'])
    districts.push(await buildUnit(db, { parentId: province.id, name }));
  const [one, two, three, outside] = districts as [
    (typeof districts)[0],
    (typeof districts)[0],
    (typeof districts)[0],
    (typeof districts)[0],
  ];
  const otherProvince = await buildUnit(db, { parentId: nation.id, name: 'Tỉnh Khác' });
  const council = await buildCouncil(db, { unitId: province.id });
  const supervisor = await officerOf(t, otherProvince.id, 'council_member');
  const person = await buildPerson(db, { unitId: province.id, userId: supervisor.user.id });
  const [seat] = await db
    .insert(councilMembers)
    .values({ councilId: council.id, personId: person.id, role: 'member', termFrom: '2021-01-01' })
    .returning();
  const [bloc] = await db
    .insert(blocs)
    .values({ councilId: council.id, year: 2024, name: 'Khối huyện', supervisorMemberId: seat?.id })
    .returning();
  if (!bloc) throw new Error('bloc not created');
  await db.insert(blocMembers).values([
    { blocId: bloc.id, unitId: one.id, role: 'head', position: 1 },
    { blocId: bloc.id, unitId: two.id, role: 'member', position: 2 },
    { blocId: bloc.id, unitId: three.id, role: 'member', position: 3 },
  ]);
  return {
    province,
    one,
    two,
    three,
    outside,
    council,
    bloc,
    manager: (await officerOf(t, province.id)).client,
    head: (await officerOf(t, one.id)).client,
    twoOfficer: (await officerOf(t, two.id)).client,
    threeOfficer: (await officerOf(t, three.id)).client,
    outsideOfficer: (await officerOf(t, outside.id)).client,
    otherOfficer: (await officerOf(t, otherProvince.id)).client,
    supervisor: supervisor.client,
  };
}
export type ScoringScene = Awaited<ReturnType<typeof buildScoringScene>>;

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

/** A small table: a group with a quantitative and a qualitative criterion, a fixed one with evidence, a bonus. */
export const tableBody = (scene: ScoringScene) => ({
  councilId: scene.council.id,
  blocId: scene.bloc.id,
  year: 2024,
  name: 'Bảng chấm điểm thi đua Khối huyện năm 2024',
  tieBreak: [{ kind: 'criterion', criterionCode: '1.1' }, { kind: 'women_share' }, { kind: 'vote' }],
  leadingCount: 1,
  criteria: [
    { code: 'I', title: 'Kết quả thực hiện nhiệm vụ', kind: 'group', maxPoints: 60 },
    { code: '1.1', parentCode: 'I', title: 'Thu ngân sách', kind: 'quantitative', maxPoints: 40 },
    { code: '1.2', parentCode: 'I', title: 'Ban hành kế hoạch thi đua', kind: 'qualitative', maxPoints: 20 },
    {
      code: 'II',
      title: 'Mô hình, điển hình tiên tiến',
      kind: 'fixed',
      maxPoints: 20,
      pointsPerItem: 5,
      evidenceRequired: true,
    },
    {
      code: 'III',
      title: 'Điểm thưởng',
      kind: 'bonus_penalty',
      maxPoints: 15,
      pointsPerItem: 10,
      penaltyPerItem: 5,
      minPoints: -10,
    },
  ],
});

/** Creates the table as the manager (optionally opened, with targets of 100 on 1.1 for every member). */
export async function createTable(t: TestApp, scene: ScoringScene, options: { open?: boolean } = {}) {
  const send = sender(t);
  const created = await send(
    'POST',
    '/api/scoring-tables',
    { ...scene.manager.headers, 'idempotency-key': crypto.randomUUID() },
    tableBody(scene),
  );
  expect(created.statusCode, created.body).toBe(201);
  let table = created.json();
  const criterion = (code: string) =>
    table.criteria.find((row: { code: string }) => row.code === code).id as string;
  if (options.open) {
    for (const unit of [scene.one, scene.two, scene.three]) {
      const set = await send('PUT', `/api/scoring-tables/${table.id}/targets`, scene.manager.headers, {
        unitId: unit.id,
        targets: [{ criterionId: criterion('1.1'), target: 100 }],
        version: table.version,
      });
      expect(set.statusCode, set.body).toBe(200);
      table = set.json();
    }
    const opened = await send('POST', `/api/scoring-tables/${table.id}/open`, scene.manager.headers, {
      version: table.version,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    table = opened.json();
  }
  return { table, criterion };
}

/** The audit events of an action on a record. */
export function auditOf(t: TestApp, action: string, entityId: string) {
  return t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
}
