import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectionPlans, inspectionTargets } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildInspectionScene, createPlanWithTargets, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const planRow = async (id: string) =>
  (await t.handle.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id)))[0];
const targetRow = async (id: string) =>
  (await t.handle.db.select().from(inspectionTargets).where(eq(inspectionTargets.id, id)))[0];

describe('plan dates against the targets’ inspection days', () => {
  it('refuses (409) a period leaving targets outside, naming them; accepts one that keeps them; nothing stored on refusal', async () => {
    const scene = await buildInspectionScene(t);
    // Both communes are inspected on 15/10/2024 within 01/09 – 30/11/2024.
    const { plan, commune } = await createPlanWithTargets(t, scene);
    const send = sender(t);
    const headers = scene.provinceOfficer.headers;
    const url = `/api/inspections/${plan.id}`;
    const refused = await expectNothingStored(t.handle, () =>
      send('PATCH', url, headers, { startsOn: '2024-10-20', version: plan.version }),
    );
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().message).toContain('Xã Một (15/10/2024)');
    expect(refused.json().message).toContain('Xã Hai (15/10/2024)');
    expect(refused.json().message).toContain('20/10/2024 – 30/11/2024');
    expect((await planRow(plan.id))?.startsOn).toBe('2024-09-01');

    const narrowed = await send('PATCH', url, headers, { endsOn: '2024-10-31', version: plan.version });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    expect(narrowed.json()).toMatchObject({ endsOn: '2024-10-31', version: plan.version + 1 });
    expect((await planRow(plan.id))?.endsOn).toBe('2024-10-31');
    expect(await auditOf(t, 'inspection.update', plan.id)).toHaveLength(1);

    // A target's day is checked against the plan's new period.
    // The plan's list of targets carries each target's version for the page's "Đổi ngày".
    const listed = (await send('GET', `/api/inspections/${plan.id}/targets`, headers)).json();
    const target = listed.items.find((item: { id: string }) => item.id === commune);
    expect(target).toMatchObject({ inspectOn: '2024-10-15', version: 1 });
    const outside = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/inspection-targets/${commune}`, headers, {
        inspectOn: '2024-11-15',
        version: target.version,
      }),
    );
    expect(outside.statusCode, outside.body).toBe(400);
    expect(outside.json().message).toContain('01/09/2024 – 31/10/2024');
    expect((await targetRow(commune))?.inspectOn).toBe('2024-10-15');
    const moved = await send('PATCH', `/api/inspection-targets/${commune}`, headers, {
      inspectOn: '2024-10-20',
      version: target.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().inspectOn).toBe('2024-10-20');
    expect((await targetRow(commune))?.inspectOn).toBe('2024-10-20');
    expect(await auditOf(t, 'inspection.target_update', commune)).toHaveLength(1);

    // Now only the second commune stands in the way of starting on 16/10.
    const current = (await send('GET', url, headers)).json();
    const still = await expectNothingStored(t.handle, () =>
      send('PATCH', url, headers, { startsOn: '2024-10-16', version: current.version }),
    );
    expect(still.statusCode).toBe(409);
    expect(still.json().message).toContain('Xã Hai (15/10/2024)');
    expect(still.json().message).not.toContain('Xã Một');
  });
});
