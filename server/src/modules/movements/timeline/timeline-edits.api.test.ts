import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { movementAssignments, movementMilestones } from '#server/platform/db/schema.ts';
import { buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildProvince, createByHand } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

/** A launched provincial movement; the province's officer manages it, the district's does not. */
async function buildLaunchedMovement() {
  const p = await buildProvince(t);
  const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
  const launched = await t.app.inject({
    method: 'POST',
    url: `/api/movements/${id}/launch`,
    headers: p.provinceOfficer.headers,
    payload: {},
  });
  expect(launched.statusCode).toBe(200);
  return { ...p, id };
}

const milestonesOf = (movementId: string) =>
  t.handle.db.select().from(movementMilestones).where(eq(movementMilestones.movementId, movementId));
const assignmentsOf = (movementId: string) =>
  t.handle.db.select().from(movementAssignments).where(eq(movementAssignments.movementId, movementId));

describe('POST /api/movements/:id/milestones', () => {
  it('adds a milestone, stores it, and audits milestone.create', async () => {
    const p = await buildLaunchedMovement();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/movements/${p.id}/milestones`,
      headers: p.provinceOfficer.headers,
      payload: { kind: 'midterm_review', title: 'Sơ kết 3 năm thực hiện phong trào', dueOn: '2022-09-30' },
    });
    expect(response.statusCode).toBe(201);
    const milestone = response.json();
    expect(milestone).toMatchObject({
      kind: 'midterm_review',
      title: 'Sơ kết 3 năm thực hiện phong trào',
      dueOn: '2022-09-30',
      doneAt: null,
      isOverdue: true,
    });
    const stored = (await milestonesOf(p.id)).find((row) => row.id === milestone.id);
    expect(stored).toMatchObject({ kind: 'midterm_review', dueOn: '2022-09-30', doneAt: null });
    const events = await auditOf(t, 'milestone.create', milestone.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: p.provinceOfficer.user.id,
      entityType: 'movement_milestone',
      after: { id: milestone.id, movementId: p.id, title: 'Sơ kết 3 năm thực hiện phong trào' },
    });
  });

  it('refuses a district officer, bad input and an unknown movement, storing nothing', async () => {
    const p = await buildLaunchedMovement();
    const before = await milestonesOf(p.id);
    const add = (movementId: string, headers: Record<string, string>, payload: object) =>
      expectNothingStored(t.handle, () =>
        t.app.inject({ method: 'POST', url: `/api/movements/${movementId}/milestones`, headers, payload }),
      );
    const valid = { kind: 'final_review', title: 'Tổng kết phong trào', dueOn: '2025-09-02' };
    expect((await add(p.id, p.districtOfficer.headers, valid)).statusCode).toBe(403);
    expect((await add(p.id, p.provinceOfficer.headers, { ...valid, title: 'ab' })).statusCode).toBe(400);
    expect((await add(p.id, p.provinceOfficer.headers, { ...valid, dueOn: '02/09/2025' })).statusCode).toBe(
      400,
    );
    expect((await add(p.id, p.provinceOfficer.headers, { ...valid, kind: 'party' })).statusCode).toBe(400);
    expect((await add(crypto.randomUUID(), p.provinceOfficer.headers, valid)).statusCode).toBe(404);
    expect(await milestonesOf(p.id)).toEqual(before);
  });
});

describe('PATCH /api/milestones/:id', () => {
  it('refuses an officer who does not manage the movement, storing nothing', async () => {
    const p = await buildLaunchedMovement();
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/movements/${p.id}/milestones`,
      headers: p.provinceOfficer.headers,
      payload: { title: 'Báo cáo năm', dueOn: '2099-12-15' },
    });
    const refused = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/milestones/${created.json().id}`,
        headers: p.districtOfficer.headers,
        payload: { done: true, version: created.json().version },
      }),
    );
    expect(refused.statusCode).toBe(403);
    expect(await auditOf(t, 'milestone.update', created.json().id)).toEqual([]);
  });
});

describe('POST /api/movements/:id/assignments', () => {
  it('assigns a task to a unit of the subtree, stores it, and audits assignment.create', async () => {
    const p = await buildLaunchedMovement();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/movements/${p.id}/assignments`,
      headers: p.provinceOfficer.headers,
      payload: {
        assigneeUnitId: p.districtB.id,
        task: 'Báo cáo kết quả thực hiện văn hóa công sở',
        dueOn: '2031-11-30',
        recurrence: 'yearly',
      },
    });
    expect(response.statusCode).toBe(201);
    const assignment = response.json();
    expect(assignment).toMatchObject({
      assignee: { id: p.districtB.id, name: 'Ủy ban nhân dân huyện Phong Thổ' },
      task: 'Báo cáo kết quả thực hiện văn hóa công sở',
      recurrence: 'yearly',
      status: 'open',
      doneAt: null,
    });
    const stored = (await assignmentsOf(p.id)).find((row) => row.id === assignment.id);
    expect(stored).toMatchObject({
      assigneeUnitId: p.districtB.id,
      dueOn: '2031-11-30',
      recurrence: 'yearly',
      status: 'open',
    });
    const events = await auditOf(t, 'assignment.create', assignment.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: p.provinceOfficer.user.id,
      entityType: 'movement_assignment',
      after: { id: assignment.id, movementId: p.id, assigneeUnitId: p.districtB.id },
    });
  });

  it('refuses a unit outside the movement, a district officer, an unknown unit and bad input, storing nothing', async () => {
    const p = await buildLaunchedMovement();
    const elsewhere = await buildUnit(t.handle.db, { name: 'Ủy ban nhân dân tỉnh Điện Biên' });
    const add = (headers: Record<string, string>, payload: object) =>
      expectNothingStored(t.handle, () =>
        t.app.inject({ method: 'POST', url: `/api/movements/${p.id}/assignments`, headers, payload }),
      );
    const task = 'Tổ chức hội nghị sơ kết';
    const outside = await add(p.provinceOfficer.headers, { assigneeUnitId: elsewhere.id, task });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('OUT_OF_SCOPE');
    expect((await add(p.districtOfficer.headers, { assigneeUnitId: p.commune.id, task })).statusCode).toBe(
      403,
    );
    const unknown = await add(p.provinceOfficer.headers, { assigneeUnitId: crypto.randomUUID(), task });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await add(p.provinceOfficer.headers, { assigneeUnitId: p.districtA.id, task: 'x' })).statusCode,
    ).toBe(400);
    const badDate = await add(p.provinceOfficer.headers, {
      assigneeUnitId: p.districtA.id,
      task,
      dueOn: 'mai',
    });
    expect(badDate.statusCode).toBe(400);
    expect(await assignmentsOf(p.id)).toEqual([]);
  });
});

describe('PATCH /api/assignments/:id', () => {
  it('lets the assignee report it done, audits assignment.status, and refuses another district', async () => {
    const p = await buildLaunchedMovement();
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/movements/${p.id}/assignments`,
      headers: p.provinceOfficer.headers,
      payload: { assigneeUnitId: p.districtA.id, task: 'Gửi báo cáo sơ kết' },
    });
    const id = created.json().id as string;
    const otherDistrict = await signInAs(t, 'tdkt_officer', p.districtB.id);
    const refused = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/assignments/${id}`,
        headers: otherDistrict.headers,
        payload: { status: 'done', version: created.json().version },
      }),
    );
    expect(refused.statusCode).toBe(403);
    const done = await t.app.inject({
      method: 'PATCH',
      url: `/api/assignments/${id}`,
      headers: p.districtOfficer.headers,
      payload: { status: 'done', version: created.json().version },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ id, status: 'done' });
    expect((await assignmentsOf(p.id))[0]).toMatchObject({ id, status: 'done' });
    const events = await auditOf(t, 'assignment.status', id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: p.districtOfficer.user.id,
      before: { status: 'open' },
      after: { status: 'done' },
    });
  });
});
