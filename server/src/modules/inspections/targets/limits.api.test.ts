import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { REMEDIES_MAX, TEAM_MAX } from '#contracts/inspections.ts';
import { inspectionRemedies, inspectionTeamMembers } from '#server/platform/db/schema.ts';
import { buildPerson } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildInspectionScene, createPlanWithTargets, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

describe('the lists a plan and a target page show in full are bounded', () => {
  it(`refuses a team member past ${TEAM_MAX} (409) and stores nothing`, async () => {
    const scene = await buildInspectionScene(t);
    const { plan } = await createPlanWithTargets(t, scene);
    const people = [];
    for (let index = 0; index < TEAM_MAX; index += 1)
      people.push(await buildPerson(t.handle.db, { unitId: scene.inspector.unitId as string }));
    await t.handle.db
      .insert(inspectionTeamMembers)
      .values(people.map((person) => ({ planId: plan.id, personId: person.id, role: 'member' })));
    const refused = await expectNothingStored(t.handle, () =>
      sender(t)('POST', `/api/inspections/${plan.id}/team`, scene.provinceOfficer.headers, {
        personId: scene.inspector.id,
        role: 'member',
        version: plan.version,
      }),
    );
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().message).toContain(`${TEAM_MAX} người`);
    expect(await auditOf(t, 'inspection.team_add', plan.id)).toEqual([]);
  });

  it(`refuses a remedy past ${REMEDIES_MAX} (409) and stores nothing`, async () => {
    const scene = await buildInspectionScene(t);
    const { commune } = await createPlanWithTargets(t, scene, { approve: true });
    await t.handle.db.insert(inspectionRemedies).values(
      Array.from({ length: REMEDIES_MAX }, (_, index) => ({
        targetId: commune,
        text: `Yêu cầu khắc phục số ${index + 1}`,
        dueOn: '2024-12-31',
      })),
    );
    const send = sender(t);
    const headers = scene.provinceOfficer.headers;
    const view = (await send('GET', `/api/inspection-targets/${commune}`, headers)).json();
    const refused = await expectNothingStored(t.handle, () =>
      send('POST', `/api/inspection-targets/${commune}/remedies`, headers, {
        text: 'Một yêu cầu nữa.',
        dueOn: '2024-12-31',
        version: view.version,
      }),
    );
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().message).toContain(`${REMEDIES_MAX} yêu cầu`);
    const stored = await t.handle.db
      .select()
      .from(inspectionRemedies)
      .where(eq(inspectionRemedies.targetId, commune));
    expect(stored).toHaveLength(REMEDIES_MAX);
  });
});
