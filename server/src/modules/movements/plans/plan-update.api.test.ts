import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanContent } from '#contracts/movements.ts';
import { planVersions } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildProvince, createByHand } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const versionsOf = (movementId: string) =>
  t.handle.db.select().from(planVersions).where(eq(planVersions.movementId, movementId));

/** A draft provincial movement and its plan as the API shows it. */
async function buildDraft() {
  const p = await buildProvince(t);
  const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
  const detail = await t.app.inject({
    method: 'GET',
    url: `/api/movements/${id}`,
    headers: p.provinceOfficer.headers,
  });
  return { ...p, id, plan: detail.json().plan as PlanContent, version: detail.json().version as number };
}

describe('PUT /api/movements/:id/plan', () => {
  it('saves the whole plan of a draft in place and audits plan.update', async () => {
    const p = await buildDraft();
    const plan: PlanContent = {
      ...p.plan,
      purposes: ['Nâng cao ý thức trách nhiệm của cán bộ, công chức, viên chức'],
      funding: 'Kinh phí từ nguồn quỹ thi đua, khen thưởng của tỉnh',
    };
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/movements/${p.id}/plan`,
      headers: p.provinceOfficer.headers,
      payload: { ...plan, version: p.version },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      currentVersion: 1,
      plan: { purposes: plan.purposes, funding: plan.funding },
    });
    const stored = await versionsOf(p.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.content).toMatchObject({ purposes: plan.purposes, funding: plan.funding });
    const events = await auditOf(t, 'plan.update', p.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: p.provinceOfficer.user.id,
      entityType: 'movement',
      before: { version: 1 },
      after: { version: 1, newVersion: false },
    });
  });

  it('refuses an officer of a lower unit and a plan that breaks the contract, storing nothing', async () => {
    const p = await buildDraft();
    const put = (headers: Record<string, string>, payload: unknown) =>
      expectNothingStored(t.handle, () =>
        t.app.inject({
          method: 'PUT',
          url: `/api/movements/${p.id}/plan`,
          headers,
          payload: payload as object,
        }),
      );
    const lower = await put(p.districtOfficer.headers, {
      ...p.plan,
      version: p.version,
      funding: 'Huyện sửa',
    });
    expect(lower.statusCode).toBe(404);
    const broken = await put(p.provinceOfficer.headers, {
      ...p.plan,
      version: p.version,
      purposes: 'không phải danh sách',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('VALIDATION_FAILED');
    expect((await versionsOf(p.id))[0]?.content).toEqual(p.plan);
    expect(await auditOf(t, 'plan.update', p.id)).toEqual([]);
  });
});
