import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, it } from 'vitest';
import {
  blocMembers,
  blocs,
  councilMembers,
  councils,
  employments,
  persons,
  unitSuccessions,
  units,
} from '#server/platform/db/schema.ts';
import { buildCouncil, buildPerson, buildUnit, signInAs } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { expectOptimisticLocking, type VersionedRecord } from '../../../../tests/support/versioning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A province with three districts and two officers of the province who edit the same records. */
async function buildProvince() {
  const db = t.handle.db;
  const province = await buildUnit(db, { name: `Tỉnh Phiên Bản ${tag()}`, kind: 'province' });
  const [districtA, districtB, districtC] = await Promise.all(
    ['Huyện Một', 'Huyện Hai', 'Huyện Ba'].map((name) =>
      buildUnit(db, { parentId: province.id, name, kind: 'district' }),
    ),
  );
  if (!districtA || !districtB || !districtC) throw new Error('districts not built');
  const first = await signInAs(t, 'tdkt_officer', province.id);
  const second = await signInAs(t, 'tdkt_officer', province.id);
  return { province, districtA, districtB, districtC, first, second };
}

const unitRow = async (id: string) => (await t.handle.db.select().from(units).where(eq(units.id, id)))[0];
const unitVersion = async (id: string) => (await unitRow(id))?.version ?? 0;
const ownVersion = (body: Record<string, unknown>) => body.version as number;

/** Each editable record of the organisation module, built fresh for its test. */
const records: Record<string, () => Promise<VersionedRecord>> = {
  'PATCH /api/units/:id': async () => {
    const { districtA, first, second } = await buildProvince();
    return {
      first,
      second,
      update: (version, writer) => ({
        method: 'PATCH',
        url: `/api/units/${districtA.id}`,
        payload: writer === 'first' ? { name: 'Huyện Một (đổi tên)', version } : { shortName: 'H1', version },
      }),
      missing: { method: 'PATCH', url: `/api/units/${randomUUID()}`, payload: { name: 'X', version: 1 } },
      stored: () => unitRow(districtA.id),
      version: () => unitVersion(districtA.id),
      replyVersion: ownVersion,
      action: 'unit.update',
      entityId: districtA.id,
    };
  },
  'POST /api/units/:id/move': async () => {
    const { districtA, districtB, districtC, first, second } = await buildProvince();
    const commune = await buildUnit(t.handle.db, { parentId: districtA.id, name: 'Xã Chuyển' });
    return {
      first,
      second,
      update: (version, writer) => ({
        method: 'POST',
        url: `/api/units/${commune.id}/move`,
        payload: { parentId: writer === 'first' ? districtB.id : districtC.id, version },
      }),
      missing: {
        method: 'POST',
        url: `/api/units/${randomUUID()}/move`,
        payload: { parentId: districtB.id, version: 1 },
      },
      stored: () => unitRow(commune.id),
      version: () => unitVersion(commune.id),
      replyVersion: ownVersion,
      action: 'unit.move',
      entityId: commune.id,
    };
  },
  'POST /api/units/:id/successions': async () => {
    const { districtA, districtB, districtC, first, second } = await buildProvince();
    return {
      first,
      second,
      update: (version, writer) => ({
        method: 'POST',
        url: `/api/units/${districtA.id}/successions`,
        payload: {
          successorIds: [writer === 'first' ? districtB.id : districtC.id],
          kind: 'merger',
          effectiveDate: writer === 'first' ? '2025-07-01' : '2025-08-01',
          version,
        },
      }),
      missing: {
        method: 'POST',
        url: `/api/units/${randomUUID()}/successions`,
        payload: { successorIds: [districtB.id], kind: 'merger', effectiveDate: '2025-07-01', version: 1 },
      },
      stored: async () => ({
        unit: await unitRow(districtA.id),
        successions: await t.handle.db
          .select()
          .from(unitSuccessions)
          .where(eq(unitSuccessions.predecessorId, districtA.id)),
      }),
      version: () => unitVersion(districtA.id),
      replyVersion: ownVersion,
      action: 'unit.end',
      entityId: districtA.id,
    };
  },
  'PATCH /api/persons/:id': async () => {
    const { districtA, districtB, first, second } = await buildProvince();
    const person = await buildPerson(t.handle.db, { unitId: districtA.id });
    const read = async () => (await t.handle.db.select().from(persons).where(eq(persons.id, person.id)))[0];
    return {
      first,
      second,
      update: (version, writer) => ({
        method: 'PATCH',
        url: `/api/persons/${person.id}`,
        payload:
          writer === 'first'
            ? { position: 'Trưởng phòng', version }
            : { unitId: districtB.id, startedOn: '2025-01-01', version },
      }),
      missing: {
        method: 'PATCH',
        url: `/api/persons/${randomUUID()}`,
        payload: { position: 'X', version: 1 },
      },
      stored: async () => ({
        person: await read(),
        employments: await t.handle.db
          .select()
          .from(employments)
          .where(eq(employments.personId, person.id))
          .orderBy(asc(employments.createdAt)),
      }),
      version: async () => (await read())?.version ?? 0,
      replyVersion: ownVersion,
      action: 'person.update',
      entityId: person.id,
    };
  },
  'PATCH /api/councils/:id': async () => {
    const { province, districtA, first, second } = await buildProvince();
    const council = await buildCouncil(t.handle.db, { unitId: province.id });
    const read = async () =>
      (await t.handle.db.select().from(councils).where(eq(councils.id, council.id)))[0];
    return {
      first,
      second,
      update: (version, writer) => ({
        method: 'PATCH',
        url: `/api/councils/${council.id}`,
        payload:
          writer === 'first'
            ? { name: 'Hội đồng TĐKT tỉnh', version }
            : { standingUnitId: districtA.id, version },
      }),
      missing: { method: 'PATCH', url: `/api/councils/${randomUUID()}`, payload: { name: 'X', version: 1 } },
      stored: read,
      version: async () => (await read())?.version ?? 0,
      replyVersion: ownVersion,
      action: 'council.update',
      entityId: council.id,
    };
  },
  'PATCH /api/councils/:id/members/:memberId': async () => {
    const { province, first, second } = await buildProvince();
    const council = await buildCouncil(t.handle.db, { unitId: province.id });
    const person = await buildPerson(t.handle.db, { unitId: province.id });
    const [member] = await t.handle.db
      .insert(councilMembers)
      .values({ councilId: council.id, personId: person.id, role: 'member', termFrom: '2021-01-01' })
      .returning();
    if (!member) throw new Error('member not built');
    const read = async () =>
      (await t.handle.db.select().from(councilMembers).where(eq(councilMembers.id, member.id)))[0];
    return {
      first,
      second,
      update: (version, writer) => ({
        method: 'PATCH',
        url: `/api/councils/${council.id}/members/${member.id}`,
        payload: writer === 'first' ? { role: 'vice_chair', version } : { termTo: '2026-12-31', version },
      }),
      missing: {
        method: 'PATCH',
        url: `/api/councils/${council.id}/members/${randomUUID()}`,
        payload: { role: 'member', version: 1 },
      },
      stored: read,
      version: async () => (await read())?.version ?? 0,
      replyVersion: (body) =>
        (body.members as { id: string; version: number }[]).find((one) => one.id === member.id)?.version ?? 0,
      action: 'council.member.update',
      entityId: council.id,
    };
  },
  'PATCH /api/blocs/:id': async () => {
    const { province, districtA, districtB, districtC, first, second } = await buildProvince();
    const council = await buildCouncil(t.handle.db, { unitId: province.id });
    const [bloc] = await t.handle.db
      .insert(blocs)
      .values({ councilId: council.id, year: 2026, name: `Khối ${tag()}` })
      .returning();
    if (!bloc) throw new Error('bloc not built');
    await t.handle.db.insert(blocMembers).values([
      { blocId: bloc.id, unitId: districtA.id, role: 'head', position: 1 },
      { blocId: bloc.id, unitId: districtB.id, role: 'member', position: 2 },
    ]);
    const read = async () => (await t.handle.db.select().from(blocs).where(eq(blocs.id, bloc.id)))[0];
    return {
      first,
      second,
      update: (version, writer) => ({
        method: 'PATCH',
        url: `/api/blocs/${bloc.id}`,
        payload:
          writer === 'first'
            ? { name: `Khối đổi tên ${tag()}`, version }
            : { members: [{ unitId: districtC.id, role: 'head' }], version },
      }),
      missing: { method: 'PATCH', url: `/api/blocs/${randomUUID()}`, payload: { name: 'X', version: 1 } },
      stored: async () => ({
        bloc: await read(),
        members: await t.handle.db
          .select()
          .from(blocMembers)
          .where(eq(blocMembers.blocId, bloc.id))
          .orderBy(asc(blocMembers.position)),
      }),
      version: async () => (await read())?.version ?? 0,
      replyVersion: ownVersion,
      action: 'bloc.update',
      entityId: bloc.id,
    };
  },
};

describe('optimistic locking of the organisation records', () => {
  for (const [route, build] of Object.entries(records)) {
    it(`${route}: a fresh update is saved and audited; a stale one is 409 and changes nothing`, async () => {
      await expectOptimisticLocking(t, await build());
    });
  }
});
