import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanContent } from '#contracts/movements.ts';
import { movements, planVersions } from '#server/platform/db/schema.ts';
import { buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, multipart, tag } from '../test-support.ts';
import { DEMO_PLAN_TEXT } from './demo-plan.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

/** Every string of a JSON value with its path, whatever the field is called. */
function textsOf(value: unknown, at = 'plan'): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => textsOf(item, `${at}[${index}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => textsOf(inner, `${at}.${key}`));
  return [];
}

/** Where the plan still names Lai Châu, aside from the citation of the parent plan it implements. */
const laiChauIn = (plan: PlanContent) =>
  textsOf(plan)
    .filter(([at, text]) => !at.startsWith('plan.document.legalBasis[0].') && /lai\s+châu/iu.test(text))
    .map(([at, text]) => `${at}: ${text}`);

/** Lai Châu province (by its real name) with Tam Đường district; the plan 75/KH-UBND launched. */
async function buildLaunchedPlan() {
  const province = await buildUnit(t.handle.db, {
    name: 'Ủy ban nhân dân tỉnh Lai Châu',
    code: `LCI${tag()}`,
    kind: 'province',
  });
  const district = await buildUnit(t.handle.db, {
    parentId: province.id,
    name: 'Ủy ban nhân dân huyện Tam Đường',
    kind: 'district',
  });
  const provinceOfficer = await signInAs(t, 'tdkt_officer', province.id);
  const districtOfficer = await signInAs(t, 'tdkt_officer', district.id);
  const body = multipart('ke-hoach-75.txt', DEMO_PLAN_TEXT);
  const imported = await t.app.inject({
    method: 'POST',
    url: `/api/movements/import?launchingUnitId=${province.id}&confirmWarnings=true`,
    headers: { ...provinceOfficer.headers, 'content-type': body.contentType },
    payload: body.payload,
  });
  expect(imported.statusCode).toBe(201);
  const id = imported.json().id as string;
  const launched = await t.app.inject({
    method: 'POST',
    url: `/api/movements/${id}/launch`,
    headers: provinceOfficer.headers,
    payload: { confirmedWarnings: ['period_over'] },
  });
  expect(launched.statusCode).toBe(200);
  return { province, district, provinceOfficer, districtOfficer, id };
}

describe('POST /api/movements/:id/implement', () => {
  it('copies the parent plan with Tam Đường in place of Lai Châu in every text field, stored and audited', async () => {
    const p = await buildLaunchedPlan();
    const [parentVersion] = await t.handle.db
      .select()
      .from(planVersions)
      .where(eq(planVersions.movementId, p.id));
    expect(laiChauIn(parentVersion?.content as PlanContent).length).toBeGreaterThan(3);

    const response = await t.app.inject({
      method: 'POST',
      url: `/api/movements/${p.id}/implement`,
      headers: p.districtOfficer.headers,
      payload: { launchingUnitId: p.district.id },
    });
    expect(response.statusCode).toBe(201);
    const child = response.json();
    expect(laiChauIn(child.plan)).toEqual([]);
    const [stored] = await t.handle.db
      .select()
      .from(planVersions)
      .where(and(eq(planVersions.movementId, child.id), eq(planVersions.version, 1)));
    const plan = stored?.content as PlanContent;
    expect(laiChauIn(plan)).toEqual([]);
    expect(plan.document.title).toContain('huyện Tam Đường');
    expect(plan.document.legalBasis[0]?.text).toMatch(/^Thực hiện Kế hoạch số .* tỉnh Lai Châu;$/u);
    const [event] = await auditOf(t, 'movement.create', child.id);
    expect(event?.after).toMatchObject({ how: 'implement', parentMovementId: p.id });
  });

  it('refuses a unit outside the parent’s subtree and an officer of another unit, storing nothing', async () => {
    const p = await buildLaunchedPlan();
    const elsewhere = await buildUnit(t.handle.db, { name: 'Ủy ban nhân dân tỉnh Điện Biên' });
    const outsider = await signInAs(t, 'tdkt_officer', elsewhere.id);
    const before = await t.handle.db.select().from(movements).where(eq(movements.parentMovementId, p.id));
    const foreignUnit = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: `/api/movements/${p.id}/implement`,
        headers: outsider.headers,
        payload: { launchingUnitId: elsewhere.id },
      }),
    );
    expect(foreignUnit.statusCode).toBe(404);
    const notTheirs = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: `/api/movements/${p.id}/implement`,
        headers: p.districtOfficer.headers,
        payload: { launchingUnitId: p.province.id },
      }),
    );
    expect(notTheirs.statusCode).toBe(403);
    expect(await t.handle.db.select().from(movements).where(eq(movements.parentMovementId, p.id))).toEqual(
      before,
    );
  });
});
