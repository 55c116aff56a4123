import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, nominees } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildConsolidationScene } from './consolidation-test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

type Scene = Awaited<ReturnType<typeof buildConsolidationScene>>;
const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const nomineeRow = async (id: string) =>
  (await t.handle.db.select().from(nominees).where(eq(nominees.id, id)))[0];
const consolidate = (headers: Record<string, string>, id: string, nomineeIds: string[], version: number) =>
  t.app.inject({
    method: 'POST',
    url: `/api/nominations/${id}/consolidate`,
    headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
    payload: { nomineeIds, version },
  });
const sourceIds = (scene: Scene) => scene.schoolNomination.nominees.map((nominee) => nominee.id);

describe('consolidating lower levels’ nominees into the upper tờ trình', () => {
  it('lists the received nominees, copies the chosen one with its link, forwards the source, audits both', async () => {
    const scene = await buildConsolidationScene(t);
    const [first, second] = sourceIds(scene) as [string, string];
    const candidates = await t.app.inject({
      url: `/api/nominations/${scene.upper.id}/consolidation-candidates?limit=1`,
      headers: scene.departmentOfficer.headers,
    });
    expect(candidates.statusCode, candidates.body).toBe(200);
    expect(candidates.json()).toMatchObject({
      items: [
        { id: first, name: 'Phạm Thị Lan', proposingUnit: { name: 'Trường Tổng Hợp' }, status: 'received' },
      ],
      total: { value: 2 },
    });
    const next = await t.app.inject({
      url: `/api/nominations/${scene.upper.id}/consolidation-candidates?limit=1&after=${candidates.json().next}`,
      headers: scene.departmentOfficer.headers,
    });
    expect(next.json().items.map((item: { id: string }) => item.id)).toEqual([second]);

    const done = await consolidate(
      scene.departmentOfficer.headers,
      scene.upper.id,
      [first],
      scene.upper.version,
    );
    expect(done.statusCode, done.body).toBe(200);
    const body = done.json();
    expect(body.version).toBe(scene.upper.version + 1);
    expect(body.nominees).toHaveLength(2);
    const copy = body.nominees[1];
    expect(copy).toMatchObject({
      person: { fullName: 'Phạm Thị Lan' },
      awardCode: 'BK_BO_TINH',
      rewardType: 'thuong_xuyen',
      periodFrom: 2024,
      periodTo: 2025,
      achievements: 'Hoàn thành xuất sắc nhiệm vụ hai năm liên tục.',
      status: 'draft',
      source: {
        nomineeId: first,
        nominationId: scene.schoolNomination.id,
        unit: { name: 'Trường Tổng Hợp' },
      },
      consolidatedInto: null,
    });
    expect(await nomineeRow(copy.id)).toMatchObject({ sourceNomineeId: first, nominationId: scene.upper.id });
    expect(await nomineeRow(first)).toMatchObject({ status: 'forwarded' });
    expect(await nomineeRow(second)).toMatchObject({ status: 'received' });
    const [event] = await auditOf('nomination.consolidate', scene.upper.id);
    expect(event?.after).toMatchObject({ copies: [{ id: copy.id, sourceNomineeId: first }] });
    expect(await auditOf('nominee.forward', first)).toHaveLength(1);

    const lower = await t.app.inject({
      url: `/api/nominations/${scene.schoolNomination.id}`,
      headers: scene.departmentOfficer.headers,
    });
    expect(lower.json().nominees[0]).toMatchObject({
      status: 'forwarded',
      consolidatedInto: {
        nominationId: scene.upper.id,
        unit: { name: 'Sở Tổng Hợp' },
        status: 'draft',
        canOpen: true,
      },
    });
    const asSchool = await t.app.inject({
      url: `/api/nominations/${scene.schoolNomination.id}`,
      headers: scene.schoolOfficer.headers,
    });
    expect(asSchool.json().nominees[0].consolidatedInto).toMatchObject({ canOpen: false });
    const left = await t.app.inject({
      url: `/api/nominations/${scene.upper.id}/consolidation-candidates`,
      headers: scene.departmentOfficer.headers,
    });
    expect(left.json().items.map((item: { id: string }) => item.id)).toEqual([second]);
    // The lower tờ trình can no longer be returned: its forwarded nominee is in the upper one.
    const back = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: `/api/nominations/${scene.schoolNomination.id}/return`,
        headers: scene.departmentOfficer.headers,
        payload: { version: lower.json().version, reason: 'Thiếu hồ sơ' },
      }),
    );
    expect(back.statusCode).toBe(409);
  });

  it('refuses a nominee consolidated twice with 409 and stores nothing', async () => {
    const scene = await buildConsolidationScene(t);
    const [first] = sourceIds(scene) as [string];
    const once = await consolidate(
      scene.departmentOfficer.headers,
      scene.upper.id,
      [first],
      scene.upper.version,
    );
    expect(once.statusCode, once.body).toBe(200);
    const twice = await expectNothingStored(t.handle, () =>
      consolidate(scene.departmentOfficer.headers, scene.upper.id, [first], once.json().version),
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('đã được tổng hợp');
  });

  it('refuses a unit that did not receive the tờ trình with 403 and stores nothing', async () => {
    const scene = await buildConsolidationScene(t);
    const response = await expectNothingStored(t.handle, () =>
      consolidate(scene.sideOfficer.headers, scene.sideUpper.id, sourceIds(scene), scene.sideUpper.version),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toContain('Sở Bên');
    const other = await expectNothingStored(t.handle, () =>
      consolidate(scene.sideOfficer.headers, scene.upper.id, sourceIds(scene), scene.upper.version),
    );
    expect(other.statusCode).toBe(403);
  });

  it('refuses a nominee not yet received, and a stale version, with 409 storing nothing', async () => {
    const scene = await buildConsolidationScene(t);
    const pending = await expectNothingStored(t.handle, () =>
      consolidate(
        scene.departmentOfficer.headers,
        scene.upper.id,
        [scene.pendingNominee],
        scene.upper.version,
      ),
    );
    expect(pending.statusCode).toBe(409);
    expect(pending.json().message).toContain('đã tiếp nhận');
    const stale = await expectNothingStored(t.handle, () =>
      consolidate(scene.departmentOfficer.headers, scene.upper.id, sourceIds(scene), scene.upper.version + 5),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('gives the source back to the lower level when the upper draft drops the copy', async () => {
    const scene = await buildConsolidationScene(t);
    const [first] = sourceIds(scene) as [string];
    const done = await consolidate(
      scene.departmentOfficer.headers,
      scene.upper.id,
      [first],
      scene.upper.version,
    );
    const [own, copy] = done.json().nominees;
    const forged = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/nominations/${scene.upper.id}`,
        headers: scene.departmentOfficer.headers,
        payload: {
          nominees: [
            scene.nominee(own.person.id),
            { ...scene.nominee(copy.person.id), sourceNomineeId: own.id },
          ],
          version: done.json().version,
        },
      }),
    );
    expect(forged.statusCode).toBe(400);
    const kept = await t.app.inject({
      method: 'PATCH',
      url: `/api/nominations/${scene.upper.id}`,
      headers: scene.departmentOfficer.headers,
      payload: {
        nominees: [
          scene.nominee(own.person.id),
          { ...scene.nominee(copy.person.id), sourceNomineeId: first },
        ],
        version: done.json().version,
      },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().nominees[1].source).toMatchObject({ nomineeId: first });
    expect(await nomineeRow(first)).toMatchObject({ status: 'forwarded' });
    const dropped = await t.app.inject({
      method: 'PATCH',
      url: `/api/nominations/${scene.upper.id}`,
      headers: scene.departmentOfficer.headers,
      payload: { nominees: [scene.nominee(own.person.id)], version: kept.json().version },
    });
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect(await nomineeRow(first)).toMatchObject({ status: 'received' });
    expect(await auditOf('nominee.unforward', first)).toHaveLength(1);

    // Consolidated again, then the whole draft deleted: the source goes back once more.
    const again = await consolidate(
      scene.departmentOfficer.headers,
      scene.upper.id,
      [first],
      dropped.json().version,
    );
    expect(again.statusCode, again.body).toBe(200);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/nominations/${scene.upper.id}?version=${again.json().version}`,
      headers: scene.departmentOfficer.headers,
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await nomineeRow(first)).toMatchObject({ status: 'received' });
    expect(await auditOf('nominee.unforward', first)).toHaveLength(2);
  });

  it('refuses an award the consolidating level decides itself with 422 and stores nothing', async () => {
    const scene = await buildConsolidationScene(t);
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/nominations',
      headers: scene.schoolOfficer.headers,
      payload: {
        roundId: scene.departmentRoundId,
        proposingUnitId: scene.school.id,
        title: 'Tờ trình đề nghị Giấy khen của Giám đốc sở',
        nominees: [scene.nominee(scene.schoolPersonId, 'GIAY_KHEN')],
      },
    });
    const id = own.json().id;
    await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${id}/submit`,
      headers: scene.schoolOfficer.headers,
      payload: { version: 1 },
    });
    const received = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${id}/receive`,
      headers: scene.departmentOfficer.headers,
      payload: { version: 2 },
    });
    expect(received.statusCode, received.body).toBe(200);
    const nomineeId = received.json().nominees[0].id;
    const candidates = await t.app.inject({
      url: `/api/nominations/${scene.upper.id}/consolidation-candidates`,
      headers: scene.departmentOfficer.headers,
    });
    expect(candidates.json().items.map((item: { id: string }) => item.id)).not.toContain(nomineeId);
    const refused = await expectNothingStored(t.handle, () =>
      consolidate(scene.departmentOfficer.headers, scene.upper.id, [nomineeId], scene.upper.version),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain('có thẩm quyền quyết định');
  });
});
