import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, nominations, nominees } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildNominationScene } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const storedNominees = (nominationId: string) =>
  t.handle.db.select().from(nominees).where(eq(nominees.nominationId, nominationId));

describe('POST /api/nominations', () => {
  it('drafts a tờ trình with its nominees, audited, seen by the commune and not yet by the province', async () => {
    const scene = await buildNominationScene(t);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/nominations',
      headers: { ...scene.communeOfficer.headers, 'idempotency-key': crypto.randomUUID() },
      payload: scene.draft(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      status: 'draft',
      deciderTier: 'receiving_level',
      proposingUnit: { id: scene.commune.id },
      receivingUnit: { id: scene.province.id },
      actions: ['edit', 'delete', 'submit'],
      version: 1,
    });
    expect(body.nominees.map((n: { person: { fullName: string } }) => n.person.fullName)).toEqual([
      'Nguyễn Thị Hoa',
      'Trần Văn Bình',
    ]);
    expect(body.nominees[0]).toMatchObject({
      awardName: expect.stringContaining('Bằng khen'),
      status: 'draft',
    });
    expect(await storedNominees(body.id)).toHaveLength(2);
    expect(await auditOf('nomination.create', body.id)).toHaveLength(1);

    const list = await t.app.inject({
      url: `/api/award-rounds/${scene.roundId}/nominations`,
      headers: scene.communeOfficer.headers,
    });
    expect(list.json().items).toEqual([expect.objectContaining({ id: body.id, nomineeCount: 2 })]);
    const province = await t.app.inject({
      url: `/api/nominations/${body.id}`,
      headers: scene.provinceOfficer.headers,
    });
    expect(province.statusCode).toBe(200);
    const other = await t.app.inject({
      url: `/api/nominations/${body.id}`,
      headers: scene.otherOfficer.headers,
    });
    expect(other.statusCode).toBe(403);
  });

  it('refuses awards of different deciders in one tờ trình with 422 and stores nothing', async () => {
    const scene = await buildNominationScene(t);
    const [first, second] = scene.people;
    if (!first || !second) throw new Error('no people');
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/nominations',
        headers: scene.communeOfficer.headers,
        payload: scene.draft([scene.nominee(first.id, 'BK_BO_TINH'), scene.nominee(second.id, 'BK_TTG')]),
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('Thủ tướng'),
    });
  });

  it('refuses a nominee outside the proposing unit, and a unit out of scope, storing nothing', async () => {
    const scene = await buildNominationScene(t);
    const outside = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/nominations',
        headers: scene.communeOfficer.headers,
        payload: scene.draft([scene.nominee(scene.outsider.id)]),
      }),
    );
    expect(outside.statusCode).toBe(400);
    const scope = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/nominations',
        headers: scene.otherOfficer.headers,
        payload: scene.draft(),
      }),
    );
    expect(scope.statusCode).toBe(403);
  });

  it('changes a draft’s nominees at its version, refuses a stale version, and deletes it', async () => {
    const scene = await buildNominationScene(t);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/nominations',
      headers: scene.communeOfficer.headers,
      payload: scene.draft(),
    });
    const id = created.json().id;
    const [first] = scene.people;
    if (!first) throw new Error('no people');
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/nominations/${id}`,
      headers: scene.communeOfficer.headers,
      payload: { nominees: [scene.nominee(first.id, 'GIAY_KHEN')], version: 1 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, nominees: [{ awardCode: 'GIAY_KHEN' }] });
    expect(await storedNominees(id)).toHaveLength(1);
    expect(await auditOf('nomination.update', id)).toHaveLength(1);

    const stale = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/nominations/${id}`,
        headers: scene.communeOfficer.headers,
        payload: { title: 'Tên cũ', version: 1 },
      }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', conflict: { current: { version: 2 } } });

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/nominations/${id}?version=2`,
      headers: scene.communeOfficer.headers,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await t.handle.db.select().from(nominations).where(eq(nominations.id, id))).toHaveLength(0);
    expect(await storedNominees(id)).toHaveLength(0);
    const [event] = await auditOf('nomination.delete', id);
    expect(event?.before).toMatchObject({ nominees: [expect.objectContaining({ awardCode: 'GIAY_KHEN' })] });
  });
});
