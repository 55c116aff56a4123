import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { exemplarStageMoves, exemplars } from '#server/platform/db/schema.ts';
import { buildMovement } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildExemplarScene, exemplarBody, proposeExemplar, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const stored = async (id: string) =>
  (await t.handle.db.select().from(exemplars).where(eq(exemplars.id, id)))[0];
const idsOf = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

describe('POST /api/exemplars', () => {
  it('lets a unit officer propose an exemplar at stage "phát hiện", audited, once per idempotency key', async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    const key = { 'idempotency-key': crypto.randomUUID() };
    const reply = await send('POST', '/api/exemplars', scene.communeOfficer, exemplarBody(scene), key);
    expect(reply.statusCode, reply.body).toBe(201);
    const view = reply.json();
    expect(view).toMatchObject({
      stage: 'discover',
      status: 'proposed',
      isPublished: false,
      subjectName: 'Nguyễn Thị Điển',
      movementName: 'Phong trào văn hóa công sở',
      unitName: 'Xã Công Sở',
      version: 1,
      actions: ['edit', 'files', 'replications', 'awards'],
    });
    expect(view.moves).toMatchObject([{ stage: 'discover', movedOn: '2024-03-01' }]);
    expect((await stored(view.id))?.searchTerms.length).toBeGreaterThan(0);
    const [event] = await auditOf(t, 'exemplar.create', view.id);
    expect(event?.after).toMatchObject({ title: 'Gương sáng văn hóa công sở', status: 'proposed' });
    const again = await send('POST', '/api/exemplars', scene.communeOfficer, exemplarBody(scene), key);
    expect(again.json().id).toBe(view.id);
    expect(
      await t.handle.db.select().from(exemplarStageMoves).where(eq(exemplarStageMoves.exemplarId, view.id)),
    ).toHaveLength(1);
  });

  it('refuses outsiders, staff, a person of another unit, a mismatched subject, bad text and dates; nothing stored', async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    const hidden = await buildMovement(t.handle.db, { launchingUnitId: scene.otherProvince.id });
    const cases = [
      [scene.otherOfficer, exemplarBody(scene), 403],
      [scene.districtStaff, exemplarBody(scene), 403],
      [scene.communeOfficer, exemplarBody(scene, { personId: scene.outsider.id }), 400],
      [scene.communeOfficer, exemplarBody(scene, { subject: 'collective' }), 400],
      [
        scene.communeOfficer,
        exemplarBody(scene, { subject: 'collective', personId: null, subjectUnitId: scene.province.id }),
        400,
      ],
      [scene.communeOfficer, exemplarBody(scene, { title: 'Gương\u0007sáng' }), 400],
      [scene.communeOfficer, exemplarBody(scene, { discoveredOn: '2024-02-30' }), 400],
      [scene.communeOfficer, exemplarBody(scene, { movementId: hidden.id }), 404],
    ] as const;
    for (const [client, payload, status] of cases) {
      const reply = await expectNothingStored(t.handle, () =>
        send('POST', '/api/exemplars', client, payload, { 'idempotency-key': crypto.randomUUID() }),
      );
      expect(reply.statusCode, reply.body).toBe(status);
    }
  });

  it('takes a collective of the unit and a model without subject', async () => {
    const scene = await buildExemplarScene(t);
    const collective = await proposeExemplar(t, scene, {
      body: { subject: 'collective', personId: null, subjectUnitId: scene.commune.id, kind: 'advanced' },
    });
    expect(collective).toMatchObject({ subject: 'collective', subjectName: 'Xã Công Sở' });
    const model = await proposeExemplar(t, scene, {
      body: { subject: 'model', personId: null, kind: 'good_model', movementId: null },
    });
    expect(model).toMatchObject({ subject: 'model', subjectName: null, movementId: null });
  });
});

describe('GET /api/exemplars and /api/exemplars/:id', () => {
  it('lists per movement and per unit subtree, filters by stage, kind and state, and searches without diacritics', async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    const first = await proposeExemplar(t, scene);
    const model = await proposeExemplar(t, scene, {
      body: {
        subject: 'model',
        personId: null,
        kind: 'good_model',
        title: 'Mô hình một cửa thân thiện',
        movementId: null,
      },
    });
    const list = async (query: string, client = scene.provinceOfficer) => {
      const reply = await send('GET', `/api/exemplars?${query}`, client);
      expect(reply.statusCode, reply.body).toBe(200);
      return reply.json();
    };
    expect(idsOf(await list(`movementId=${scene.movement.id}`))).toEqual([first.id]);
    expect(idsOf(await list(`unitId=${scene.district.id}`)).sort()).toEqual([first.id, model.id].sort());
    expect(idsOf(await list(`unitId=${scene.district.id}&kind=good_model`))).toEqual([model.id]);
    expect(idsOf(await list(`unitId=${scene.district.id}&stage=nurture`))).toEqual([]);
    expect(idsOf(await list(`unitId=${scene.district.id}&status=proposed&published=false`))).toHaveLength(2);
    expect(
      idsOf(await list(`unitId=${scene.district.id}&q=${encodeURIComponent('mo hinh mot cua')}`)),
    ).toEqual([model.id]);
    expect(idsOf(await list(`unitId=${scene.district.id}&q=${encodeURIComponent('nguyen dien')}`))).toEqual([
      first.id,
    ]);
    const staffView = await list(`unitId=${scene.district.id}`, scene.districtStaff);
    expect(staffView.total).toEqual({ value: 2, exact: true });
    expect(idsOf(await list('', scene.otherOfficer))).not.toContain(first.id);
    const bad = await send('GET', `/api/exemplars?unitId=${crypto.randomUUID()}`, scene.provinceOfficer);
    expect(bad.statusCode).toBe(400);
  });

  it('pages with cursors, newest discovery first', async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    const ids: string[] = [];
    for (const day of ['2024-01-05', '2024-02-05', '2024-03-05'])
      ids.push((await proposeExemplar(t, scene, { body: { discoveredOn: day } })).id);
    const first = (
      await send('GET', `/api/exemplars?unitId=${scene.commune.id}&limit=2`, scene.communeOfficer)
    ).json();
    expect(idsOf(first)).toEqual([ids[2], ids[1]]);
    const second = (
      await send(
        'GET',
        `/api/exemplars?unitId=${scene.commune.id}&limit=2&after=${first.next}`,
        scene.communeOfficer,
      )
    ).json();
    expect(idsOf(second)).toEqual([ids[0]]);
    expect(second.next).toBeNull();
  });

  it('shows one exemplar within scope, 403 outside it, 404 when there is none', async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    const view = await proposeExemplar(t, scene);
    const upper = await send('GET', `/api/exemplars/${view.id}`, scene.districtOfficer);
    expect(upper.json().actions).toEqual(expect.arrayContaining(['confirm', 'return', 'edit']));
    expect((await send('GET', `/api/exemplars/${view.id}`, scene.districtStaff)).json().actions).toEqual([]);
    expect((await send('GET', `/api/exemplars/${view.id}`, scene.otherOfficer)).statusCode).toBe(403);
    expect(
      (await send('GET', `/api/exemplars/${crypto.randomUUID()}`, scene.provinceOfficer)).statusCode,
    ).toBe(404);
  });
});

describe('PATCH /api/exemplars/:id', () => {
  it('changes the fields at the version loaded, audited; a stale version is 409 with the current record', async () => {
    const scene = await buildExemplarScene(t);
    const send = sender(t);
    const view = await proposeExemplar(t, scene);
    const reply = await send('PATCH', `/api/exemplars/${view.id}`, scene.communeOfficer, {
      title: 'Gương sáng công sở văn minh',
      kind: 'advanced',
      version: view.version,
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({
      title: 'Gương sáng công sở văn minh',
      kind: 'advanced',
      version: 2,
    });
    const [event] = await auditOf(t, 'exemplar.update', view.id);
    expect(event?.before).toMatchObject({ title: 'Gương sáng văn hóa công sở', kind: 'good_deed' });
    const stale = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/exemplars/${view.id}`, scene.communeOfficer, {
        title: 'Cũ hơn',
        version: view.version,
      }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().conflict.current).toMatchObject({ version: 2 });
    const outsider = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/exemplars/${view.id}`, scene.otherOfficer, { title: 'Không được', version: 2 }),
    );
    expect(outsider.statusCode).toBe(403);
    const staff = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/exemplars/${view.id}`, scene.districtStaff, { title: 'Không được', version: 2 }),
    );
    expect(staff.statusCode).toBe(403);
  });
});

describe('a proposing unit that does not exist', () => {
  it('is refused with 400 and nothing stored', async () => {
    const scene = await buildExemplarScene(t);
    const reply = await expectNothingStored(t.handle, () =>
      sender(t)(
        'POST',
        '/api/exemplars',
        scene.communeOfficer,
        exemplarBody(scene, { unitId: crypto.randomUUID() }),
        {
          'idempotency-key': crypto.randomUUID(),
        },
      ),
    );
    expect(reply.statusCode).toBe(400);
  });
});
