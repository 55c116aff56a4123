import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { notifications, planObligations } from '#server/platform/db/schema.ts';
import { buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildProvince, createByHand, readyToIssue } from '../test-support.ts';
import { createDueReminders } from '../timeline/reminders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const post = (url: string, headers: Record<string, string>, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object });
const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

describe('POST /api/movements/:id/launch', () => {
  it('launches once: obligations for active subordinate units, notifications for their officers; a second launch is 409', async () => {
    const p = await buildProvince(t);
    const ended = await buildUnit(t.handle.db, {
      parentId: p.province.id,
      name: 'Huyện đã giải thể',
      validTo: '2020-01-01',
    });
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    const launched = await post(`/api/movements/${id}/launch`, p.provinceOfficer.headers, {
      planDeadline: '2019-09-30',
    });
    expect(launched.statusCode).toBe(200);
    expect(launched.json()).toMatchObject({ status: 'launched', planDeadline: '2019-09-30' });
    const obligations = await t.handle.db
      .select()
      .from(planObligations)
      .where(eq(planObligations.movementId, id));
    expect(obligations.map((o) => o.unitId).sort()).toEqual(
      [p.districtA.id, p.districtB.id, p.districtC.id].sort(),
    );
    expect(obligations.some((o) => o.unitId === ended.id)).toBe(false);
    const [audit] = await auditOf(t, 'movement.launch', id);
    expect(audit?.after).toMatchObject({ obligations: 3, notified: 1 });

    const inbox = await get('/api/notifications', p.districtOfficer.headers);
    expect(inbox.json()).toMatchObject({
      unread: 1,
      items: [{ kind: 'movement.launched', link: `/phong-trao/${id}` }],
    });
    const read = await post(`/api/notifications/${inbox.json().items[0].id}/read`, p.districtOfficer.headers);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await get('/api/notifications', p.districtOfficer.headers)).json().unread).toBe(0);
    const foreign = await expectNothingStored(t.handle, () =>
      post(`/api/notifications/${inbox.json().items[0].id}/read`, p.provinceOfficer.headers),
    );
    expect(foreign.statusCode).toBe(404);

    const second = await expectNothingStored(t.handle, () =>
      post(`/api/movements/${id}/launch`, p.provinceOfficer.headers),
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(/đã được phát động/);
    expect(await auditOf(t, 'movement.launch', id)).toHaveLength(1);
  });

  it('refuses a district officer launching the province movement', async () => {
    const p = await buildProvince(t);
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    const response = await expectNothingStored(t.handle, () =>
      post(`/api/movements/${id}/launch`, p.districtOfficer.headers),
    );
    expect(response.statusCode).toBe(404);
  });
});

describe('cascade: implement, dashboard, diff, export, not applicable', () => {
  it('tracks who issued on time, late, not at all, and who is exempt', async () => {
    const p = await buildProvince(t);
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    await post(`/api/movements/${id}/launch`, p.provinceOfficer.headers, { planDeadline: '2099-12-31' });

    // District A answers by copying the parent plan with its own names, then launches it.
    const implement = await post(`/api/movements/${id}/implement`, p.districtOfficer.headers, {
      launchingUnitId: p.districtA.id,
    });
    expect(implement.statusCode).toBe(201);
    const child = implement.json();
    expect(child).toMatchObject({
      parentMovement: { id },
      status: 'draft',
      launchingUnit: { id: p.districtA.id },
    });
    expect(child.plan.document.issuer.name).toBe('ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG');
    expect(child.plan.document.number).toBeNull();
    await readyToIssue(t, p.districtOfficer.headers, child.id);
    await post(`/api/movements/${child.id}/launch`, p.districtOfficer.headers, {
      planDeadline: '2099-12-31',
    });

    // District B is late: its deadline had passed when it issued.
    const officerB = await signInAs(t, 'tdkt_officer', p.districtB.id);
    const childB = (
      await post(`/api/movements/${id}/implement`, officerB.headers, { launchingUnitId: p.districtB.id })
    ).json();
    await t.handle.db
      .update(planObligations)
      .set({ dueOn: '2019-09-30' })
      .where(and(eq(planObligations.movementId, id), eq(planObligations.unitId, p.districtB.id)));
    await readyToIssue(t, officerB.headers, childB.id);
    await post(`/api/movements/${childB.id}/launch`, officerB.headers);

    // District C is exempted by the province, with a reason.
    const [obligationC] = await t.handle.db
      .select()
      .from(planObligations)
      .where(and(eq(planObligations.movementId, id), eq(planObligations.unitId, p.districtC.id)));
    const refused = await expectNothingStored(t.handle, () =>
      post(`/api/obligations/${obligationC?.id}/not-applicable`, p.districtOfficer.headers, {
        reason: 'Không có lý do',
      }),
    );
    expect(refused.statusCode).toBe(403);
    const exempt = await post(
      `/api/obligations/${obligationC?.id}/not-applicable`,
      p.provinceOfficer.headers,
      { reason: 'Đơn vị đang sáp nhập' },
    );
    expect(exempt.statusCode).toBe(200);
    expect(await auditOf(t, 'obligation.not_applicable', obligationC?.id ?? '')).toHaveLength(1);

    const cascade = await get(`/api/movements/${id}/cascade`, p.provinceOfficer.headers);
    expect(cascade.statusCode).toBe(200);
    const rows = cascade.json().rows as {
      unit: { id: string };
      status: string;
      subtree: Record<string, number>;
      implementingMovementId: string | null;
    }[];
    const byUnit = Object.fromEntries(rows.map((row) => [row.unit.id, row]));
    expect(byUnit[p.districtA.id]).toMatchObject({
      status: 'on_time',
      implementingMovementId: child.id,
      subtree: { pending: 1 },
    });
    expect(byUnit[p.districtB.id]?.status).toBe('late');
    expect(byUnit[p.districtC.id]).toMatchObject({
      status: 'not_applicable',
      reason: 'Đơn vị đang sáp nhập',
    });
    expect(cascade.json().totals).toMatchObject({ on_time: 1, late: 1, not_applicable: 1, pending: 1 });
    expect(cascade.json().levels).toEqual([
      { depth: 1, counts: expect.objectContaining({ on_time: 1, late: 1, not_applicable: 1 }) },
      { depth: 2, counts: expect.objectContaining({ pending: 1 }) },
    ]);

    // Drill down into district A: its commune has to answer the district's plan.
    const drill = await get(
      `/api/movements/${id}/cascade?unitId=${p.districtA.id}`,
      p.districtOfficer.headers,
    );
    expect(drill.json().rows).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ id: p.commune.id }), status: 'pending' }),
    ]);
    const outside = await get(
      `/api/movements/${id}/cascade?unitId=${p.districtB.id}`,
      p.districtOfficer.headers,
    );
    expect(outside.statusCode).toBe(403);

    const diff = await get(`/api/movements/${child.id}/diff`, p.provinceOfficer.headers);
    expect(diff.statusCode).toBe(200);
    expect(diff.json()).toMatchObject({ parent: { id }, child: { id: child.id } });
    expect(typeof diff.json().summary).toBe('string');

    const xlsx = await get(`/api/movements/${id}/cascade.xlsx`, p.provinceOfficer.headers);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const draft = await get(
      `/api/movements/${id}/draft-plan?unitId=${p.districtC.id}`,
      p.provinceOfficer.headers,
    );
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['content-disposition']).toContain('du-thao-ke-hoach');
  });
});

describe('createDueReminders', () => {
  it('reminds the officers of units whose plan is due within a week, once', async () => {
    const p = await buildProvince(t);
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    await post(`/api/movements/${id}/launch`, p.provinceOfficer.headers, { planDeadline: '2030-03-05' });
    const far = await createDueReminders(t.handle.db, '2030-02-01');
    expect(far.obligations).toBe(0);
    const near = await createDueReminders(t.handle.db, '2030-03-01');
    expect(near.obligations).toBeGreaterThanOrEqual(1);
    const again = await createDueReminders(t.handle.db, '2030-03-02');
    const mine = await t.handle.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, p.districtOfficer.user.id), eq(notifications.kind, 'reminder.plan')),
      );
    expect(mine).toHaveLength(1);
    expect(mine[0]?.body).toContain('05/03/2030');
    expect(mine[0]?.link).toBe(`/phong-trao/${id}`);
    expect(again.obligations).toBe(0);
  });
});
