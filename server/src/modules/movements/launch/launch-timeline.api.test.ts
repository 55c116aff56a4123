import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { movementAssignments, movementMilestones } from '#server/platform/db/schema.ts';
import { buildUnit } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildProvince, createByHand, multipart } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
const planFile = readFileSync(
  path.resolve(import.meta.dirname, '../../../../../tests/fixtures/movements/ke-hoach-van-hoa-cong-so.txt'),
);

/** Imports the fixture plan (schedule 2019 → 2022 → 2025; tasks for Sở Nội vụ and everyone). */
async function importPlan(headers: Record<string, string>, unitId: string) {
  const body = multipart('ke-hoach.txt', planFile);
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/movements/import?launchingUnitId=${unitId}&confirmWarnings=true`,
    headers: { ...headers, 'content-type': body.contentType },
    payload: body.payload,
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

const launch = (headers: Record<string, string>, id: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/movements/${id}/launch`,
    headers,
    payload: { planDeadline: '2026-12-15', confirmedWarnings: ['period_over'] },
  });

describe('POST /api/movements/:id/launch', () => {
  it('creates the milestones and assignments the plan states, once', async () => {
    const p = await buildProvince(t);
    const department = await buildUnit(t.handle.db, {
      parentId: p.province.id,
      name: 'Sở Nội vụ tỉnh Lai Châu',
      kind: 'department',
    });
    const id = await importPlan(p.provinceOfficer.headers, p.province.id);
    expect((await launch(p.provinceOfficer.headers, id)).statusCode).toBe(200);

    const timeline = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${id}/milestones`,
      headers: p.districtOfficer.headers,
    });
    expect(timeline.json().items.map((m: { kind: string; dueOn: string }) => `${m.dueOn} ${m.kind}`)).toEqual(
      ['2019-12-31 launch', '2022-12-31 midterm_review', '2025-09-02 final_review'],
    );
    expect(timeline.json().items[2].title).toContain('Tổng kết phong trào');
    // The launch step happens with the launch itself; the later steps are still to come.
    expect(timeline.json().items.map((m: { doneAt: string | null }) => m.doneAt !== null)).toEqual([
      true,
      false,
      false,
    ]);
    expect(timeline.json().items[0].isOverdue).toBe(false);

    const assignments = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${id}/assignments`,
      headers: p.provinceOfficer.headers,
    });
    // "Các cơ quan, đơn vị, địa phương" names no single unit: the launch obligations cover them.
    expect(assignments.json().items).toEqual([
      expect.objectContaining({
        assignee: { id: department.id, name: 'Sở Nội vụ tỉnh Lai Châu' },
        recurrence: 'yearly',
        status: 'open',
      }),
    ]);
    const [stored] = await t.handle.db
      .select()
      .from(movementAssignments)
      .where(eq(movementAssignments.movementId, id));
    expect(stored).toMatchObject({ dueOn: `${new Date().getFullYear()}-11-30`, recurrence: 'yearly' });
    expect(stored?.task).toContain('tổng hợp báo cáo kết quả hằng năm');
    const [event] = await auditOf(t, 'movement.launch', id);
    expect(event?.after).toMatchObject({ milestones: 3, assignments: 1 });

    const twice = await expectNothingStored(t.handle, () => launch(p.provinceOfficer.headers, id));
    expect(twice.statusCode).toBe(409);
    expect(
      await t.handle.db.select().from(movementMilestones).where(eq(movementMilestones.movementId, id)),
    ).toHaveLength(3);
  });

  it('keeps milestones entered by hand before the launch', async () => {
    const p = await buildProvince(t);
    const id = await importPlan(p.provinceOfficer.headers, p.province.id);
    await t.handle.db
      .insert(movementMilestones)
      .values({ movementId: id, kind: 'other', title: 'Mốc nhập tay', dueOn: '2024-01-15' });
    expect((await launch(p.provinceOfficer.headers, id)).statusCode).toBe(200);
    const stored = await t.handle.db
      .select()
      .from(movementMilestones)
      .where(eq(movementMilestones.movementId, id));
    expect(stored.map((milestone) => milestone.title)).toEqual(['Mốc nhập tay']);
  });

  it('adds nothing for a plan without a schedule', async () => {
    const p = await buildProvince(t);
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    expect((await launch(p.provinceOfficer.headers, id)).statusCode).toBe(200);
    expect(
      await t.handle.db.select().from(movementMilestones).where(eq(movementMilestones.movementId, id)),
    ).toEqual([]);
    expect(
      await t.handle.db.select().from(movementAssignments).where(eq(movementAssignments.movementId, id)),
    ).toEqual([]);
  });
});
