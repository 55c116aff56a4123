import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  inspectionPlans,
  inspectionTargets,
  inspectionTeamMembers,
  planVersions,
} from '#server/platform/db/schema.ts';
import { buildMovement } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildInspectionScene, createPlanWithTargets, planBody, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const planRow = async (id: string) =>
  (await t.handle.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id)))[0];
const idsOf = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

describe('POST /api/inspections', () => {
  it('drafts a plan of the council for its officer, audited, with the items given ids', async () => {
    const scene = await buildInspectionScene(t);
    const send = sender(t);
    const reply = await send(
      'POST',
      '/api/inspections',
      { ...scene.provinceOfficer.headers, 'idempotency-key': crypto.randomUUID() },
      { ...planBody(scene), items: [{ text: 'Công tác tuyên truyền', assessment: 'none', maxScore: null }] },
    );
    expect(reply.statusCode, reply.body).toBe(201);
    const view = reply.json();
    expect(view).toMatchObject({
      status: 'draft',
      version: 1,
      year: 2024,
      isFullView: true,
      actions: ['edit', 'approve'],
    });
    expect(view.items[0].id).toMatch(/^[a-z0-9-]+$/);
    expect((await planRow(view.id))?.title).toBe(planBody(scene).title);
    const [event] = await auditOf(t, 'inspection.create', view.id);
    expect(event?.after).toMatchObject({ year: 2024, status: 'draft' });
  });

  it('refuses an officer of another level or province, bad dates, a scored item without maximum; nothing stored', async () => {
    const scene = await buildInspectionScene(t);
    const send = sender(t);
    const body = planBody(scene);
    const cases = [
      [scene.otherOfficer, body, 403],
      [scene.communeOfficer, body, 403],
      [scene.nationalReader, body, 403],
      [scene.provinceOfficer, { ...body, endsOn: '2024-08-01' }, 400],
      [scene.provinceOfficer, { ...body, startsOn: '2024-02-30' }, 400],
      [scene.provinceOfficer, { ...body, endsOn: '2025-01-10' }, 400],
      [
        scene.provinceOfficer,
        { ...body, items: [{ text: 'Chấm điểm', assessment: 'score', maxScore: null }] },
        400,
      ],
      [scene.provinceOfficer, { ...body, title: 'Kiểm tra\u0007' }, 400],
    ] as const;
    for (const [client, payload, status] of cases) {
      const reply = await expectNothingStored(t.handle, () =>
        send(
          'POST',
          '/api/inspections',
          { ...client.headers, 'idempotency-key': crypto.randomUUID() },
          payload,
        ),
      );
      expect(reply.statusCode, reply.body).toBe(status);
    }
  });
});

describe('GET /api/inspections and /api/inspections/:id', () => {
  it('lists plans for the council level, its members, bloc supervisors, upper levels, and the inspected unit (its target only)', async () => {
    const scene = await buildInspectionScene(t);
    const { plan } = await createPlanWithTargets(t, scene, { approve: true });
    const send = sender(t);
    for (const client of [
      scene.provinceOfficer,
      scene.chair.client,
      scene.supervisor,
      scene.nationalReader,
      scene.communeOfficer,
    ]) {
      const list = await send('GET', '/api/inspections?year=2024', client.headers);
      expect(list.statusCode, list.body).toBe(200);
      expect(idsOf(list.json())).toContain(plan.id);
    }
    const outsider = await send('GET', '/api/inspections', scene.otherOfficer.headers);
    expect(idsOf(outsider.json())).not.toContain(plan.id);
    expect((await send('GET', `/api/inspections/${plan.id}`, scene.otherOfficer.headers)).statusCode).toBe(
      403,
    );
    const upper = await send('GET', `/api/inspections/${plan.id}`, scene.nationalReader.headers);
    expect(upper.json()).toMatchObject({ isFullView: true, actions: [] });
    const asUnit = await send('GET', `/api/inspections/${plan.id}`, scene.communeOfficer.headers);
    expect(asUnit.json()).toMatchObject({ isFullView: false, targetCount: 1, team: [] });
    const unitTargets = await send(
      'GET',
      `/api/inspections/${plan.id}/targets`,
      scene.communeOfficer.headers,
    );
    expect(unitTargets.json().items.map((item: { unitId: string }) => item.unitId)).toEqual([
      scene.commune.id,
    ]);
    const allTargets = await send(
      'GET',
      `/api/inspections/${plan.id}/targets?limit=1`,
      scene.chair.client.headers,
    );
    expect(allTargets.json().items).toHaveLength(1);
    const next = await send(
      'GET',
      `/api/inspections/${plan.id}/targets?limit=1&after=${allTargets.json().next}`,
      scene.chair.client.headers,
    );
    expect(next.json().items).toHaveLength(1);
    expect(next.json().items[0].id).not.toBe(allTargets.json().items[0].id);
    expect(
      (await send('GET', `/api/inspections/${plan.id}/targets`, scene.otherOfficer.headers)).statusCode,
    ).toBe(403);
  });
});

describe('PATCH /api/inspections/:id and content from a movement', () => {
  it('edits a draft at its version, refuses a stale version (409) and dates out of order (400), nothing stored', async () => {
    const scene = await buildInspectionScene(t);
    const { plan } = await createPlanWithTargets(t, scene);
    const send = sender(t);
    const url = `/api/inspections/${plan.id}`;
    const edited = await send('PATCH', url, scene.provinceOfficer.headers, {
      title: 'Kiểm tra năm 2024 (sửa)',
      version: plan.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Kiểm tra năm 2024 (sửa)', version: plan.version + 1 });
    expect(await auditOf(t, 'inspection.update', plan.id)).toHaveLength(1);
    for (const [client, payload, status] of [
      [scene.provinceOfficer, { title: 'Tên cũ', version: plan.version }, 409],
      [scene.provinceOfficer, { endsOn: '2024-08-01', version: plan.version + 1 }, 400],
      [
        scene.provinceOfficer,
        { startsOn: '2025-01-02', endsOn: '2025-02-01', version: plan.version + 1 },
        400,
      ],
      [scene.chair.client, { title: 'Thành viên sửa', version: plan.version + 1 }, 403],
    ] as const) {
      const reply = await expectNothingStored(t.handle, () => send('PATCH', url, client.headers, payload));
      expect(reply.statusCode, reply.body).toBe(status);
    }
  });

  it("adds the movement plan's criteria as content items", async () => {
    const scene = await buildInspectionScene(t);
    const { plan } = await createPlanWithTargets(t, scene);
    const movement = await buildMovement(t.handle.db, {
      launchingUnitId: scene.province.id,
      status: 'launched',
    });
    const [version] = await t.handle.db
      .select()
      .from(planVersions)
      .where(eq(planVersions.movementId, movement.id));
    const content = version?.content as NonNullable<typeof version>['content'];
    content.criteria.collective = [
      { id: 'A1', label: '1.', text: 'Hoàn thành xuất sắc nhiệm vụ', points: 20, lines: null, children: [] },
      { id: 'A2', label: '2.', text: 'Có mô hình mới', points: null, lines: null, children: [] },
      { id: 'A3', label: '-', text: 'Công sở xanh, sạch, đẹp', points: 15, lines: null, children: [] },
    ];
    await t.handle.db.update(planVersions).set({ content }).where(eq(planVersions.movementId, movement.id));
    const send = sender(t);
    const reply = await send(
      'POST',
      `/api/inspections/${plan.id}/items/from-movement`,
      scene.provinceOfficer.headers,
      {
        movementId: movement.id,
        version: plan.version,
      },
    );
    expect(reply.statusCode, reply.body).toBe(200);
    const items = reply.json().items;
    expect(items).toHaveLength(5);
    expect(items[2]).toMatchObject({
      text: '1. Hoàn thành xuất sắc nhiệm vụ',
      assessment: 'score',
      maxScore: 20,
    });
    expect(items[3]).toMatchObject({ assessment: 'none', maxScore: null });
    // A bullet is not kept in the item's text (the page numbers the items).
    expect(items[4]).toMatchObject({ text: 'Công sở xanh, sạch, đẹp', maxScore: 15 });
    const stale = await expectNothingStored(t.handle, () =>
      send('POST', `/api/inspections/${plan.id}/items/from-movement`, scene.provinceOfficer.headers, {
        movementId: movement.id,
        version: plan.version,
      }),
    );
    expect(stale.statusCode).toBe(409);
  });
});

describe('team, targets, approve and complete', () => {
  it('adds and removes team members and targets on a draft, checked and audited', async () => {
    const scene = await buildInspectionScene(t);
    const { plan, commune2 } = await createPlanWithTargets(t, scene);
    expect(await auditOf(t, 'inspection.target_add', commune2)).toHaveLength(1);
    const send = sender(t);
    const headers = scene.provinceOfficer.headers;
    const lead = await send('POST', `/api/inspections/${plan.id}/team`, headers, {
      personId: scene.chair.person.id,
      councilMemberId: scene.chair.member.id,
      role: 'lead',
      version: plan.version,
    });
    expect(lead.statusCode, lead.body).toBe(200);
    let view = lead.json();
    const secretary = await send('POST', `/api/inspections/${plan.id}/team`, headers, {
      personId: scene.inspector.id,
      role: 'secretary',
      version: view.version,
    });
    view = secretary.json();
    expect(view.team.map((member: { role: string }) => member.role)).toEqual(['lead', 'secretary']);
    expect(await auditOf(t, 'inspection.team_add', plan.id)).toHaveLength(2);
    const refusals = [
      [
        'POST',
        `/api/inspections/${plan.id}/team`,
        { personId: scene.inspector.id, role: 'member', version: view.version },
        409,
      ],
      [
        'POST',
        `/api/inspections/${plan.id}/team`,
        {
          personId: scene.chair.person.id,
          councilMemberId: scene.chair.member.id,
          role: 'member',
          version: view.version - 1,
        },
        409,
      ],
      [
        'POST',
        `/api/inspections/${plan.id}/targets`,
        { unitId: scene.otherProvince.id, inspectOn: '2024-10-01', version: view.version },
        400,
      ],
      [
        'POST',
        `/api/inspections/${plan.id}/targets`,
        { unitId: scene.district.id, inspectOn: '2024-12-25', version: view.version },
        400,
      ],
      [
        'POST',
        `/api/inspections/${plan.id}/targets`,
        { unitId: scene.district.id, inspectOn: '2024-13-01', version: view.version },
        400,
      ],
      [
        'POST',
        `/api/inspections/${plan.id}/targets`,
        { unitId: scene.district.id, inspectOn: '2024-10-01', version: 1 },
        409,
      ],
    ] as const;
    for (const [method, url, payload, status] of refusals) {
      const reply = await expectNothingStored(t.handle, () => send(method, url, headers, payload));
      expect(reply.statusCode, `${url} ${reply.body}`).toBe(status);
    }
    const outsider = await expectNothingStored(t.handle, () =>
      send('POST', `/api/inspections/${plan.id}/targets`, scene.communeOfficer.headers, {
        unitId: scene.district.id,
        inspectOn: '2024-10-01',
        version: view.version,
      }),
    );
    expect(outsider.statusCode).toBe(403);
    const memberId = view.team[1].id as string;
    const removed = await send(
      'DELETE',
      `/api/inspections/${plan.id}/team/${memberId}?version=${view.version}`,
      headers,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    view = removed.json();
    expect(await auditOf(t, 'inspection.team_remove', plan.id)).toHaveLength(1);
    const dropped = await send(
      'DELETE',
      `/api/inspections/${plan.id}/targets/${commune2}?version=${view.version}`,
      headers,
    );
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect(dropped.json().targetCount).toBe(1);
    expect(await auditOf(t, 'inspection.target_remove', commune2)).toHaveLength(1);
    expect(
      await t.handle.db.select().from(inspectionTargets).where(eq(inspectionTargets.id, commune2)),
    ).toEqual([]);
    expect(
      (
        await t.handle.db
          .select()
          .from(inspectionTeamMembers)
          .where(eq(inspectionTeamMembers.planId, plan.id))
      ).length,
    ).toBe(1);
  });

  it('approves a draft with items and targets, then completes it; edits after approval are refused (409)', async () => {
    const scene = await buildInspectionScene(t);
    const send = sender(t);
    const headers = scene.provinceOfficer.headers;
    const empty = await send(
      'POST',
      '/api/inspections',
      { ...headers, 'idempotency-key': crypto.randomUUID() },
      planBody(scene),
    );
    const refused = await expectNothingStored(t.handle, () =>
      send('POST', `/api/inspections/${empty.json().id}/approve`, headers, { version: 1 }),
    );
    expect(refused.statusCode, refused.body).toBe(409);
    const { plan } = await createPlanWithTargets(t, scene, { approve: true });
    expect(plan).toMatchObject({ status: 'approved', actions: ['record', 'complete'] });
    expect(await auditOf(t, 'inspection.approve', plan.id)).toHaveLength(1);
    const edit = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/inspections/${plan.id}`, headers, {
        title: 'Sửa sau phê duyệt',
        version: plan.version,
      }),
    );
    expect(edit.statusCode).toBe(409);
    const byMember = await expectNothingStored(t.handle, () =>
      send('POST', `/api/inspections/${plan.id}/complete`, scene.chair.client.headers, {
        version: plan.version,
      }),
    );
    expect(byMember.statusCode).toBe(403);
    const done = await send('POST', `/api/inspections/${plan.id}/complete`, headers, {
      version: plan.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', actions: [] });
    expect((await planRow(plan.id))?.status).toBe('done');
    expect(await auditOf(t, 'inspection.complete', plan.id)).toHaveLength(1);
  });
});
