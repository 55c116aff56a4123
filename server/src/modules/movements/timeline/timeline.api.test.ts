import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { movementAssignments } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildProvince, createByHand } from '../test-support.ts';
import { createDueReminders } from './reminders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

describe('milestones and assignments', () => {
  it('flags overdue milestones, tracks assignment status and reminds before deadlines', async () => {
    const p = await buildProvince(t);
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    await t.app.inject({
      method: 'POST',
      url: `/api/movements/${id}/launch`,
      headers: p.provinceOfficer.headers,
      payload: {},
    });
    const past = await t.app.inject({
      method: 'POST',
      url: `/api/movements/${id}/milestones`,
      headers: p.provinceOfficer.headers,
      payload: { kind: 'midterm_review', title: 'Sơ kết phong trào', dueOn: '2022-09-30' },
    });
    expect(past.statusCode).toBe(201);
    expect(past.json()).toMatchObject({ isOverdue: true, doneAt: null });
    await t.app.inject({
      method: 'POST',
      url: `/api/movements/${id}/milestones`,
      headers: p.provinceOfficer.headers,
      payload: { kind: 'final_review', title: 'Tổng kết phong trào', dueOn: '2099-09-02' },
    });
    const done = await t.app.inject({
      method: 'PATCH',
      url: `/api/milestones/${past.json().id}`,
      headers: p.provinceOfficer.headers,
      payload: { done: true, version: past.json().version },
    });
    expect(done.json().isOverdue).toBe(false);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${id}/milestones`,
      headers: p.districtOfficer.headers,
    });
    expect(list.json().items.map((m: { title: string }) => m.title)).toEqual([
      'Sơ kết phong trào',
      'Tổng kết phong trào',
    ]);
    expect(await auditOf(t, 'milestone.update', past.json().id)).toHaveLength(1);

    const assigned = await t.app.inject({
      method: 'POST',
      url: `/api/movements/${id}/assignments`,
      headers: p.provinceOfficer.headers,
      payload: {
        assigneeUnitId: p.districtA.id,
        task: 'Báo cáo kết quả thực hiện',
        dueOn: '2031-11-30',
        recurrence: 'yearly',
      },
    });
    expect(assigned.statusCode).toBe(201);
    const reminders = await createDueReminders(t.handle.db, '2032-11-25');
    expect(reminders.assignments).toBeGreaterThanOrEqual(1);
    const inbox = await t.app.inject({
      method: 'GET',
      url: '/api/notifications',
      headers: p.districtOfficer.headers,
    });
    expect(
      inbox
        .json()
        .items.some(
          (n: { kind: string; body: string }) =>
            n.kind === 'reminder.assignment' && n.body.includes('30/11/2032'),
        ),
    ).toBe(true);
    const reported = await t.app.inject({
      method: 'PATCH',
      url: `/api/assignments/${assigned.json().id}`,
      headers: p.districtOfficer.headers,
      payload: { status: 'done', version: assigned.json().version },
    });
    expect(reported.json()).toMatchObject({ status: 'done', isOverdue: false });
    const [row] = await t.handle.db
      .select()
      .from(movementAssignments)
      .where(eq(movementAssignments.id, assigned.json().id));
    expect(row?.status).toBe('done');
    const outsider = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: `/api/movements/${id}/assignments`,
        headers: p.districtOfficer.headers,
        payload: { assigneeUnitId: p.districtB.id, task: 'Việc ngoài phạm vi' },
      }),
    );
    expect(outsider.statusCode).toBe(403);
  });
});
