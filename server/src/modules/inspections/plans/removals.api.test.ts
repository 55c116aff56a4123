import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  inspectionFindings,
  inspectionPlans,
  inspectionTargets,
  inspectionTeamMembers,
} from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildInspectionScene, createPlanWithTargets, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

describe('removing content items, team members and targets from a draft plan', () => {
  it('removes a content item at the version loaded, audited; a stale removal is 409 and stores nothing', async () => {
    const scene = await buildInspectionScene(t);
    const { plan } = await createPlanWithTargets(t, scene);
    const send = sender(t);
    const headers = scene.provinceOfficer.headers;
    const url = `/api/inspections/${plan.id}`;
    const kept = plan.items.filter((item: { id: string }) => item.id !== 'ho-so');
    const removed = await send('PATCH', url, headers, { items: kept, version: plan.version });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().items.map((item: { id: string }) => item.id)).toEqual(['ke-hoach']);
    const [row] = await t.handle.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, plan.id));
    expect(row?.items.map((item) => item.id)).toEqual(['ke-hoach']);
    const [audit] = await auditOf(t, 'inspection.update', plan.id);
    expect(audit?.after).toMatchObject({ items: [{ id: 'ke-hoach' }] });
    const stale = await expectNothingStored(t.handle, () =>
      send('PATCH', url, headers, { items: [], version: plan.version }),
    );
    expect(stale.statusCode).toBe(409);
  });

  it('removes a team member and a target with confirmation of the version; stale (409), another province (403), a target with findings (409) store nothing', async () => {
    const scene = await buildInspectionScene(t);
    const { plan, commune, commune2 } = await createPlanWithTargets(t, scene);
    const send = sender(t);
    const headers = scene.provinceOfficer.headers;
    const added = await send('POST', `/api/inspections/${plan.id}/team`, headers, {
      personId: scene.inspector.id,
      role: 'member',
      version: plan.version,
    });
    let view = added.json();
    const memberId = view.team[0].id as string;
    const memberUrl = `/api/inspections/${plan.id}/team/${memberId}`;
    for (const [client, version, status] of [
      [scene.provinceOfficer, view.version - 1, 409],
      [scene.otherOfficer, view.version, 403],
    ] as const) {
      const reply = await expectNothingStored(t.handle, () =>
        send('DELETE', `${memberUrl}?version=${version}`, client.headers),
      );
      expect(reply.statusCode, reply.body).toBe(status);
    }
    const gone = await send('DELETE', `${memberUrl}?version=${view.version}`, headers);
    expect(gone.statusCode, gone.body).toBe(200);
    view = gone.json();
    expect(view.team).toEqual([]);
    expect(
      await t.handle.db.select().from(inspectionTeamMembers).where(eq(inspectionTeamMembers.planId, plan.id)),
    ).toEqual([]);
    expect(await auditOf(t, 'inspection.team_remove', plan.id)).toHaveLength(1);

    // A finding recorded for a target (as by an earlier approval's import) forbids removing it.
    await t.handle.db
      .insert(inspectionFindings)
      .values({ targetId: commune, itemId: 'ho-so', text: 'Đã có kết quả.', rating: 'good' });
    const withFindings = await expectNothingStored(t.handle, () =>
      send('DELETE', `/api/inspections/${plan.id}/targets/${commune}?version=${view.version}`, headers),
    );
    expect(withFindings.statusCode).toBe(409);
    expect(withFindings.json().message).toContain('đã có kết quả kiểm tra');
    expect(await auditOf(t, 'inspection.target_remove', commune)).toEqual([]);
    const staleTarget = await expectNothingStored(t.handle, () =>
      send('DELETE', `/api/inspections/${plan.id}/targets/${commune2}?version=${view.version - 1}`, headers),
    );
    expect(staleTarget.statusCode).toBe(409);
    const dropped = await send(
      'DELETE',
      `/api/inspections/${plan.id}/targets/${commune2}?version=${view.version}`,
      headers,
    );
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect(dropped.json().targetCount).toBe(1);
    const left = await t.handle.db
      .select({ id: inspectionTargets.id })
      .from(inspectionTargets)
      .where(eq(inspectionTargets.planId, plan.id));
    expect(left).toEqual([{ id: commune }]);
    expect(await auditOf(t, 'inspection.target_remove', commune2)).toHaveLength(1);
  });
});
