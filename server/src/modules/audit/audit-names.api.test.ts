import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditReferenceKind } from '#contracts/audit-fields.ts';
import {
  buildCouncil,
  buildMovement,
  buildPerson,
  buildUnit,
  buildUser,
} from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { collectAuditIds, resolveAuditNames } from './audit-names.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const KINDS: AuditReferenceKind[] = [
  'unit',
  'person',
  'user',
  'council',
  'council_member',
  'bloc',
  'movement',
  'movement_milestone',
  'movement_assignment',
  'plan_obligation',
  'registration',
];

describe('resolveAuditNames', () => {
  it('looks up the names of every kind of record a page mentions in one query', async () => {
    const unit = await buildUnit(t.handle.db, { name: 'Sở Tên Nhật ký' });
    const person = await buildPerson(t.handle.db, { unitId: unit.id, fullName: 'Lò Thị Bún' });
    const user = await buildUser(t.handle.db);
    const council = await buildCouncil(t.handle.db, { unitId: unit.id, name: 'Hội đồng Tên Nhật ký' });
    const movement = await buildMovement(t.handle.db, { launchingUnitId: unit.id, name: 'Phong trào Tên' });
    // Ids of every kind: the kinds without a record here are named by ids nobody holds, so their
    // part of the query runs (on both engines) and finds nothing.
    const after = {
      unitId: unit.id,
      personId: person.id,
      userId: user.id,
      councilId: council.id,
      supervisorMemberId: randomUUID(),
      blocId: randomUUID(),
      movementId: movement.id,
    };
    const rows = [
      { entityType: 'movement_milestone', entityId: randomUUID(), before: null, after },
      { entityType: 'movement_assignment', entityId: randomUUID(), before: null, after: null },
      { entityType: 'plan_obligation', entityId: randomUUID(), before: null, after: null },
      { entityType: 'registration', entityId: randomUUID(), before: null, after: null },
    ];
    expect(new Set(collectAuditIds(rows).keys())).toEqual(new Set(KINDS));
    const names = await resolveAuditNames(t.handle.db, rows);
    expect(Object.fromEntries([...names].map(([kind, byId]) => [kind, Object.fromEntries(byId)]))).toEqual({
      unit: { [unit.id]: 'Sở Tên Nhật ký' },
      person: { [person.id]: 'Lò Thị Bún' },
      user: { [user.id]: `${user.fullName} (${user.username})` },
      council: { [council.id]: 'Hội đồng Tên Nhật ký' },
      movement: { [movement.id]: 'Phong trào Tên' },
    });
  });
});
