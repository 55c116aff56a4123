import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { planVersions } from '#server/platform/db/schema.ts';
import { buildMovement, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

describe('GET /api/movements/:id of a plan saved before the contracts were strict', () => {
  it('opens it, with control characters dropped and impossible dates emptied, instead of a 500', async () => {
    const unit = await buildUnit(t.handle.db);
    const movement = await buildMovement(t.handle.db, { launchingUnitId: unit.id });
    const [version] = await t.handle.db
      .select()
      .from(planVersions)
      .where(eq(planVersions.movementId, movement.id));
    if (!version) throw new Error('no plan');
    const content = structuredClone(version.content);
    content.document.title = 'Kế hoạch\fthi đua\u0001 năm 2024';
    content.document.date = '2024-02-30';
    content.purposes = ['Mục đích\u000bmột'];
    await t.handle.db.update(planVersions).set({ content }).where(eq(planVersions.id, version.id));

    const officer = await signInAs(t, 'tdkt_officer', unit.id);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${movement.id}`,
      headers: officer.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().plan).toMatchObject({
      document: { title: 'Kế hoạch\nthi đua năm 2024', date: null },
      purposes: ['Mục đích\nmột'],
    });
  });
});
