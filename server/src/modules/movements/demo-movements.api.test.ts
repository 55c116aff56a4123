import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoMovements } from '#server/modules/demo/demo-movements.ts';
import { ensureDemoUnits } from '#server/modules/demo/demo-units.ts';
import { movements, registrations, units } from '#server/platform/db/schema.ts';
import { signInAs } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
// Only the units and this step: the demo accounts belong to the demo module's own test.
beforeAll(async () => {
  t = await getTestApp();
  await ensureDemoUnits(t.handle.db);
  await seedDemoMovements(t.handle.db);
});

describe('seedDemoMovements', () => {
  it("seeds Lai Châu's movement with districts on time, late, missing and exempt, once", async () => {
    await seedDemoMovements(t.handle.db);
    const [province] = await t.handle.db.select().from(units).where(eq(units.code, 'LCI'));
    const top = await t.handle.db
      .select()
      .from(movements)
      .where(and(eq(movements.launchingUnitId, province?.id ?? ''), eq(movements.planNumber, '75/KH-UBND')));
    expect(top).toHaveLength(1);
    const id = top[0]?.id as string;
    const officer = await signInAs(t, 'tdkt_officer', province?.id ?? null);
    const cascade = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${id}/cascade`,
      headers: officer.headers,
    });
    expect(cascade.statusCode).toBe(200);
    expect(cascade.json().levels[0].counts).toMatchObject({
      on_time: 5,
      late: 1,
      missing: 1,
      not_applicable: 1,
    });
    const statuses = (
      await t.handle.db.select().from(registrations).where(eq(registrations.movementId, id))
    ).map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set(['draft', 'submitted', 'approved', 'returned']));
    const diffChild = cascade.json().rows.find((row: { status: string }) => row.status === 'late');
    const diff = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${diffChild.implementingMovementId}/diff`,
      headers: officer.headers,
    });
    expect(diff.json().diff.localisedNames.length).toBeGreaterThan(0);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/movements?q=luc ngan',
      headers: (await signInAs(t, 'admin')).headers,
    });
    expect(list.json().items[0]).toMatchObject({
      planNumber: '178/KH-UBND',
      periodFrom: 2019,
      periodTo: 2025,
    });
  });
});
