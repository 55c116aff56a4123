import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardSettings } from '#server/platform/db/schema.ts';
import type { Client } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildDashboardScene, type DashboardScene, getAs, settingsAudits } from '../test-support.ts';

let t: TestApp;
let scene: DashboardScene;
beforeAll(async () => {
  t = await getTestApp();
  scene = await buildDashboardScene(t);
});

const body = (version: number, extra: Record<string, unknown> = {}) => ({
  directWorkerGap: 30,
  womenGap: 5,
  smallCollectiveGap: 0,
  smallCollectiveSize: 5,
  version,
  ...extra,
});
const put = (client: Client, unitId: string, payload: object) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/dashboards/${unitId}/settings`,
    headers: client.headers,
    payload,
  });
const rowOf = async (unitId: string) =>
  (await t.handle.db.select().from(dashboardSettings).where(eq(dashboardSettings.unitId, unitId)))[0];

describe('PUT /api/dashboards/:unitId/settings', () => {
  it('stores the unit’s thresholds, audited, raises the version, and units below inherit them', async () => {
    const created = await put(scene.provinceOfficer, scene.province.id, body(0));
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({
      source: 'own',
      version: 1,
      directWorkerGap: 30,
      smallCollectiveSize: 5,
    });
    const row = await rowOf(scene.province.id);
    expect(row).toMatchObject({ directWorkerGap: 30, womenGap: 5, version: 1 });
    const updated = await put(scene.provinceOfficer, scene.province.id, body(1, { directWorkerGap: 20 }));
    expect(updated.json()).toMatchObject({ version: 2, directWorkerGap: 20 });
    const events = await settingsAudits(t, [row?.id as string]);
    expect(events.map((event) => event.action)).toEqual([
      'dashboard_settings.update',
      'dashboard_settings.update',
    ]);
    expect(events[1]?.before).toMatchObject({ directWorkerGap: 30 });
    expect(events[1]?.after).toMatchObject({ directWorkerGap: 20, version: 2 });
    const below = await getAs(t, scene.districtOfficer, `/api/dashboards/${scene.district.id}/settings`);
    expect(below.json()).toMatchObject({ source: 'inherited', sourceUnitName: 'Tỉnh Biểu Đồ', version: 0 });
    const fairness = await getAs(
      t,
      scene.provinceOfficer,
      `/api/dashboards/${scene.province.id}/fairness?year=2025`,
    );
    const rows = fairness.json().rows;
    // 25 % against 50 % is within a threshold of 30 points; with 20 points it is flagged.
    expect(rows[0]).toMatchObject({ threshold: 20, isBelow: true });
    expect(rows[3]).toMatchObject({ group: 'small_collective', awards: 1, staff: 1, staffBase: 3 });
  });

  it('answers 409 with the current thresholds when stale, storing nothing', async () => {
    await put(scene.districtOfficer, scene.district.id, body(0));
    const stale = await expectNothingStored(t.handle, () =>
      put(scene.districtOfficer, scene.district.id, body(0)),
    );
    expect(stale.statusCode).toBe(409);
    const older = await expectNothingStored(t.handle, () =>
      put(scene.districtOfficer, scene.district.id, body(7, { womenGap: 1 })),
    );
    expect(older.statusCode).toBe(409);
    expect(older.json().conflict).toMatchObject({ version: 1, current: { version: 1, source: 'own' } });
    expect((await rowOf(scene.district.id))?.version).toBe(1);
  });

  it('refuses the head, another province, bad figures and control characters; nothing stored', async () => {
    const cases: [Client, string, object, number][] = [
      [scene.provinceHead, scene.province.id, body(2), 403],
      [scene.provinceStaff, scene.commune.id, body(0), 403],
      [scene.otherOfficer, scene.commune.id, body(0), 403],
      [scene.districtOfficer, scene.province.id, body(2), 403],
      [scene.provinceOfficer, scene.commune.id, body(0, { directWorkerGap: 101 }), 400],
      [scene.provinceOfficer, scene.commune.id, body(0, { smallCollectiveSize: 0 }), 400],
      [scene.provinceOfficer, scene.commune.id, body(0, { womenGap: 2.5 }), 400],
      [scene.provinceOfficer, scene.commune.id, body(0, { note: 'a\u0007' }), 400],
      [scene.provinceOfficer, crypto.randomUUID(), body(0), 404],
    ];
    for (const [client, unitId, payload, status] of cases) {
      const reply = await expectNothingStored(t.handle, () => put(client, unitId, payload));
      expect(reply.statusCode, reply.body).toBe(status);
    }
    expect(await rowOf(scene.commune.id)).toBeUndefined();
  });

  it('refuses a change without the CSRF token', async () => {
    const reply = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PUT',
        url: `/api/dashboards/${scene.commune.id}/settings`,
        headers: { cookie: scene.provinceOfficer.cookie },
        payload: body(0),
      }),
    );
    expect(reply.statusCode).toBe(403);
  });
});

describe('GET /api/dashboards/:unitId/settings', () => {
  it('shows the defaults to a reader and refuses outsiders', async () => {
    const reply = await getAs(t, scene.provinceHead, `/api/dashboards/${scene.district2.id}/settings`);
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ canEdit: false });
    const other = await getAs(t, scene.otherOfficer, `/api/dashboards/${scene.district2.id}/settings`);
    expect(other.statusCode).toBe(403);
  });
});
