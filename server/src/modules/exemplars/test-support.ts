import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents } from '#server/platform/db/schema.ts';
import {
  buildMovement,
  buildPerson,
  buildUnit,
  buildUser,
  type Client,
  signIn,
} from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';

async function clientOn(t: TestApp, role: 'tdkt_officer' | 'unit_head' | 'staff', unitId: string) {
  const user = await buildUser(t.handle.db, { role, unitId });
  return signIn(t, user.username);
}

/**
 * A province with a district and a commune under it (an officer each), a staff member of the
 * district, another province (its officer), a person of the commune and a launched movement of the
 * province.
 */
export async function buildExemplarScene(t: TestApp) {
  const db = t.handle.db;
  const nation = await buildUnit(db, { name: 'Trung ương' });
  const province = await buildUnit(db, { parentId: nation.id, name: 'Tỉnh Điển Hình' });
  const district = await buildUnit(db, { parentId: province.id, name: 'Huyện Văn Hóa' });
  const commune = await buildUnit(db, { parentId: district.id, name: 'Xã Công Sở' });
  const otherProvince = await buildUnit(db, { parentId: nation.id, name: 'Tỉnh Khác' });
  const person = await buildPerson(db, { unitId: commune.id, fullName: 'Nguyễn Thị Điển' });
  const outsider = await buildPerson(db, { unitId: otherProvince.id, fullName: 'Trần Văn Ngoài' });
  const movement = await buildMovement(db, {
    launchingUnitId: province.id,
    name: 'Phong trào văn hóa công sở',
    status: 'launched',
  });
  return {
    nation,
    province,
    district,
    commune,
    otherProvince,
    person,
    outsider,
    movement,
    provinceOfficer: await clientOn(t, 'tdkt_officer', province.id),
    districtOfficer: await clientOn(t, 'tdkt_officer', district.id),
    communeOfficer: await clientOn(t, 'tdkt_officer', commune.id),
    otherOfficer: await clientOn(t, 'tdkt_officer', otherProvince.id),
    districtStaff: await clientOn(t, 'staff', district.id),
  };
}
export type ExemplarScene = Awaited<ReturnType<typeof buildExemplarScene>>;

/** Sends a request as a client (a GET when there is no payload). */
export function sender(t: TestApp) {
  return (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    client: Client,
    payload?: object,
    extra: Record<string, string> = {},
  ) =>
    payload === undefined
      ? t.app.inject({ method, url, headers: { ...client.headers, ...extra } })
      : t.app.inject({ method, url, headers: { ...client.headers, ...extra }, payload });
}

/** The body proposing the commune's person as a good example of the province's movement. */
export const exemplarBody = (scene: ExemplarScene, extra: Record<string, unknown> = {}) => ({
  unitId: scene.commune.id,
  kind: 'good_deed',
  subject: 'person',
  personId: scene.person.id,
  movementId: scene.movement.id,
  title: 'Gương sáng văn hóa công sở',
  summary: 'Luôn đúng giờ, tận tình với người dân.',
  discoveredOn: '2024-03-01',
  ...extra,
});

/** Proposes an exemplar as the commune officer (optionally confirmed by the district); returns its view. */
export async function proposeExemplar(
  t: TestApp,
  scene: ExemplarScene,
  options: { confirm?: boolean; body?: Record<string, unknown> } = {},
) {
  const send = sender(t);
  const created = await send(
    'POST',
    '/api/exemplars',
    scene.communeOfficer,
    exemplarBody(scene, options.body),
    {
      'idempotency-key': crypto.randomUUID(),
    },
  );
  expect(created.statusCode, created.body).toBe(201);
  let view = created.json();
  if (options.confirm) {
    const confirmed = await send('POST', `/api/exemplars/${view.id}/confirm`, scene.districtOfficer, {
      version: view.version,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    view = confirmed.json();
  }
  return view as { id: string; version: number; [key: string]: unknown };
}

/** The audit events of an action on an exemplar. */
export function auditOf(t: TestApp, action: string, entityId: string) {
  return t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
}
