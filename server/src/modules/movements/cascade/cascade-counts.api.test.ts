import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { planObligations, units } from '#server/platform/db/schema.ts';
import { buildPerson, buildUnit, buildUser, signIn } from '../../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildProvince, createByHand, readyToIssue } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const post = (url: string, headers: Record<string, string>, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object });
const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;

/**
 * The counts the triggers keep must equal the counts recomputed here, in TypeScript, from every
 * obligation of the chain and the current path of its unit.
 */
async function expectCountsKept(rootId: string) {
  const obligations = rowsOf<{
    state: string;
    due_on: string | null;
    issued_on: string | null;
    path: string;
  }>(
    await t.handle.db.execute(sql`
      select o.state, o.due_on::text as due_on,
        (o.issued_at at time zone 'UTC')::date::text as issued_on, u.path
      from plan_obligations o join units u on u.id = o.unit_id
      where o.root_movement_id = ${rootId}::uuid`),
  );
  const expected: Record<string, number> = {};
  for (const o of obligations) {
    const bucket =
      o.state === 'not_applicable'
        ? 'not_applicable'
        : o.state === 'issued'
          ? o.due_on && o.issued_on && o.issued_on > o.due_on
            ? 'late'
            : 'on_time'
          : 'pending';
    const due = bucket === 'pending' ? (o.due_on ?? 'infinity') : 'infinity';
    const ids = o.path.split('/').filter(Boolean);
    for (let i = 0; i < ids.length - 1; i++) {
      const key = [ids[i], ids[i + 1], ids.length - 1 - i, bucket, due].join('|');
      expected[key] = (expected[key] ?? 0) + 1;
    }
  }
  const kept = rowsOf<{ key: string; n: number }>(
    await t.handle.db.execute(sql`
      select ancestor_id || '|' || child_id || '|' || depth || '|' || bucket || '|' || due_on::text as key, n
      from cascade_counts where root_movement_id = ${rootId}::uuid and n <> 0`),
  );
  expect(Object.fromEntries(kept.map((row) => [row.key, Number(row.n)]))).toEqual(expected);
  return obligations.length;
}

describe('cascade counts kept in the obligation’s transaction', () => {
  it('follow every change: launch, implementing launch on time and late, not applicable, deadline, unit move, deletion; registrations change nothing', async () => {
    const p = await buildProvince(t);
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    const url = `/api/movements/${id}/cascade`;
    const totals = async () => (await get(url, p.provinceOfficer.headers)).json().totals;

    // Launch: three pending obligations, one per district.
    expect(
      (await post(`/api/movements/${id}/launch`, p.provinceOfficer.headers, { planDeadline: '2099-12-31' }))
        .statusCode,
    ).toBe(200);
    expect(await expectCountsKept(id)).toBe(3);
    expect(await totals()).toMatchObject({ pending: 3, on_time: 0, late: 0, not_applicable: 0, missing: 0 });

    // District A launches its implementing plan in time: its obligation is issued, its commune owes one.
    const child = (
      await post(`/api/movements/${id}/implement`, p.districtOfficer.headers, {
        launchingUnitId: p.districtA.id,
      })
    ).json();
    await readyToIssue(t, p.districtOfficer.headers, child.id);
    await post(`/api/movements/${child.id}/launch`, p.districtOfficer.headers, {
      planDeadline: '2099-12-31',
    });
    expect(await expectCountsKept(id)).toBe(4);
    expect(await totals()).toMatchObject({ pending: 3, on_time: 1 });

    // A deadline that passed: district B's pending obligation becomes missing, then late once issued.
    await t.handle.db
      .update(planObligations)
      .set({ dueOn: '2019-09-30' })
      .where(and(eq(planObligations.movementId, id), eq(planObligations.unitId, p.districtB.id)));
    await expectCountsKept(id);
    expect(await totals()).toMatchObject({ pending: 2, missing: 1, on_time: 1 });
    const officerB = await signIn(
      t,
      (await buildUser(t.handle.db, { role: 'tdkt_officer', unitId: p.districtB.id })).username,
    );
    const childB = (
      await post(`/api/movements/${id}/implement`, officerB.headers, { launchingUnitId: p.districtB.id })
    ).json();
    await readyToIssue(t, officerB.headers, childB.id);
    await post(`/api/movements/${childB.id}/launch`, officerB.headers);
    await expectCountsKept(id);
    expect(await totals()).toMatchObject({ pending: 2, missing: 0, on_time: 1, late: 1 });

    // Not applicable: district C exempted by the province.
    const [obligationC] = await t.handle.db
      .select()
      .from(planObligations)
      .where(and(eq(planObligations.movementId, id), eq(planObligations.unitId, p.districtC.id)));
    expect(
      (
        await post(`/api/obligations/${obligationC?.id}/not-applicable`, p.provinceOfficer.headers, {
          reason: 'Đơn vị đang sáp nhập',
        })
      ).statusCode,
    ).toBe(200);
    await expectCountsKept(id);
    expect(await totals()).toMatchObject({ pending: 1, on_time: 1, late: 1, not_applicable: 1 });

    // Registrations are not obligations: creating, submitting and approving one changes no count.
    const user = await buildUser(t.handle.db, { role: 'staff', unitId: p.commune.id });
    await buildPerson(t.handle.db, { unitId: p.commune.id, userId: user.id, fullName: 'Lò Thị Hoa' });
    const staff = await signIn(t, user.username);
    const registration = await post(`/api/movements/${id}/registrations`, staff.headers, {
      pledge: 'Đăng ký danh hiệu Lao động tiên tiến',
    });
    expect(registration.statusCode).toBe(201);
    const submitted = await post(`/api/registrations/${registration.json().id}/submit`, staff.headers);
    expect(submitted.statusCode).toBe(200);
    await expectCountsKept(id);
    expect(await totals()).toMatchObject({ pending: 1, on_time: 1, late: 1, not_applicable: 1 });

    // The commune moves from district A to district C: its pending obligation follows it.
    const drillA = async () =>
      (await get(`${url}?unitId=${p.districtA.id}`, p.provinceOfficer.headers)).json().totals;
    expect(await drillA()).toMatchObject({ pending: 1 });
    const [commune] = await t.handle.db.select().from(units).where(eq(units.id, p.commune.id));
    const moved = await post(`/api/units/${p.commune.id}/move`, p.provinceOfficer.headers, {
      parentId: p.districtC.id,
      version: commune?.version,
    });
    expect(moved.statusCode).toBe(200);
    await expectCountsKept(id);
    expect(await drillA()).toMatchObject({ pending: 0 });
    const rows = (await get(url, p.provinceOfficer.headers)).json().rows as {
      unit: { id: string };
      subtree: Record<string, number>;
    }[];
    expect(rows.find((row) => row.unit.id === p.districtC.id)?.subtree).toMatchObject({ pending: 1 });
    expect(rows.find((row) => row.unit.id === p.districtA.id)?.subtree).toMatchObject({ pending: 0 });

    // Deleting an obligation takes it out of every count.
    await t.handle.db
      .delete(planObligations)
      .where(and(eq(planObligations.movementId, id), eq(planObligations.unitId, p.districtC.id)));
    await expectCountsKept(id);
    expect(await totals()).toMatchObject({ pending: 1, on_time: 1, late: 1, not_applicable: 0 });
  });

  it('pages the subordinates in name order, counting what the page does not show', async () => {
    const p = await buildProvince(t);
    // Two more districts, one ended (it has no obligation, so it is not listed).
    await buildUnit(t.handle.db, {
      parentId: p.province.id,
      name: 'Ủy ban nhân dân huyện Mường Tè',
      kind: 'district',
    });
    await buildUnit(t.handle.db, {
      parentId: p.province.id,
      name: 'Ủy ban nhân dân huyện Than Uyên',
      kind: 'district',
      validTo: '2020-01-01',
    });
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    await post(`/api/movements/${id}/launch`, p.provinceOfficer.headers, { planDeadline: '2099-12-31' });
    // A district created after the launch has no obligation: "not given".
    await buildUnit(t.handle.db, {
      parentId: p.province.id,
      name: 'Ủy ban nhân dân huyện Tân Uyên',
      kind: 'district',
    });
    const url = `/api/movements/${id}/cascade`;
    const first = (await get(`${url}?limit=2`, p.provinceOfficer.headers)).json();
    expect(first.total).toEqual({ value: 5, exact: true });
    expect(first.rows).toHaveLength(2);
    expect(first.prev).toBeNull();
    expect(first.totals).toMatchObject({ pending: 4, none: 1 });
    const second = (await get(`${url}?limit=2&after=${first.next}`, p.provinceOfficer.headers)).json();
    const third = (await get(`${url}?limit=2&after=${second.next}`, p.provinceOfficer.headers)).json();
    expect(third.next).toBeNull();
    const names = [...first.rows, ...second.rows, ...third.rows].map(
      (row: { unit: { name: string } }) => row.unit.name,
    );
    expect(names).toEqual([
      'Ủy ban nhân dân huyện Mường Tè',
      'Ủy ban nhân dân huyện Phong Thổ',
      'Ủy ban nhân dân huyện Sìn Hồ',
      'Ủy ban nhân dân huyện Tam Đường',
      'Ủy ban nhân dân huyện Tân Uyên',
    ]);
    expect(second.totals).toEqual(first.totals);
    const back = (await get(`${url}?limit=2&before=${third.prev}`, p.provinceOfficer.headers)).json();
    expect(back.rows).toEqual(second.rows);

    const bad = await get(`${url}?after=bm90LWEtY3Vyc29y`, p.provinceOfficer.headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^Vị trí trang không hợp lệ/);
  });
});
