import { beforeAll, describe, expect, it } from 'vitest';
import { unitSuccessions } from '#server/platform/db/schema.ts';
import { buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildProvince, createByHand, readyToIssue } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const post = (url: string, headers: Record<string, string>, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object });
const get = (url: string, headers?: Record<string, string>) =>
  t.app.inject({ method: 'GET', url, ...(headers ? { headers } : {}) });

describe('GET /api/movements/:id/obligations/mine', () => {
  it("gives a lower unit's officer its own obligation, then its draft, then the issued plan", async () => {
    const p = await buildProvince(t);
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    await post(`/api/movements/${id}/launch`, p.provinceOfficer.headers, { planDeadline: '2099-12-31' });
    // The dashboard of the launching unit is not theirs to read.
    expect((await get(`/api/movements/${id}/cascade`, p.districtOfficer.headers)).statusCode).toBe(403);

    const pending = await get(`/api/movements/${id}/obligations/mine`, p.districtOfficer.headers);
    expect(pending.statusCode).toBe(200);
    expect(pending.json()).toEqual({
      movementId: id,
      items: [
        expect.objectContaining({
          unit: { id: p.districtA.id, name: 'Ủy ban nhân dân huyện Tam Đường' },
          dueOn: '2099-12-31',
          status: 'pending',
          implementingMovementId: null,
          draftMovementId: null,
        }),
      ],
    });

    const child = (
      await post(`/api/movements/${id}/implement`, p.districtOfficer.headers, {
        launchingUnitId: p.districtA.id,
      })
    ).json();
    const drafting = await get(`/api/movements/${id}/obligations/mine`, p.districtOfficer.headers);
    expect(drafting.json().items[0]).toMatchObject({ status: 'pending', draftMovementId: child.id });

    await readyToIssue(t, p.districtOfficer.headers, child.id);
    await post(`/api/movements/${child.id}/launch`, p.districtOfficer.headers, {
      planDeadline: '2099-12-31',
    });
    const issued = await get(`/api/movements/${id}/obligations/mine`, p.districtOfficer.headers);
    expect(issued.json().items).toEqual([
      expect.objectContaining({ status: 'on_time', implementingMovementId: child.id, draftMovementId: null }),
    ]);
    expect(issued.json().items[0].issuedAt).not.toBeNull();
  });

  it('follows successions: the commune that took over the district finds its issued plan and opens it', async () => {
    const p = await buildProvince(t);
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    await post(`/api/movements/${id}/launch`, p.provinceOfficer.headers, { planDeadline: '2099-12-31' });
    const child = (
      await post(`/api/movements/${id}/implement`, p.districtOfficer.headers, {
        launchingUnitId: p.districtA.id,
      })
    ).json();
    await readyToIssue(t, p.districtOfficer.headers, child.id);
    await post(`/api/movements/${child.id}/launch`, p.districtOfficer.headers, {
      planDeadline: '2099-12-31',
    });

    const successor = await buildUnit(t.handle.db, {
      parentId: p.province.id,
      name: 'Ủy ban nhân dân xã Tam Đường',
      kind: 'commune',
    });
    await t.handle.db.insert(unitSuccessions).values({
      predecessorId: p.districtA.id,
      successorId: successor.id,
      kind: 'split',
      effectiveDate: '2025-07-01',
    });
    const officer = await signInAs(t, 'tdkt_officer', successor.id);
    const mine = await get(`/api/movements/${id}/obligations/mine`, officer.headers);
    expect(mine.json().items).toEqual([
      expect.objectContaining({
        unit: expect.objectContaining({ id: p.districtA.id }),
        implementingMovementId: child.id,
      }),
    ]);
    expect((await get(`/api/movements/${child.id}`, officer.headers)).statusCode).toBe(200);
    const list = await get('/api/movements?limit=200', officer.headers);
    expect(list.json().items.map((item: { id: string }) => item.id)).toContain(child.id);
    // Without the succession the district's plan stays out of reach.
    const other = await signInAs(t, 'tdkt_officer', p.districtB.id);
    expect((await get(`/api/movements/${child.id}`, other.headers)).statusCode).toBe(404);
  });

  it('is empty for an officer whose unit owes nothing, 404 outside the movement, 401 without a session', async () => {
    const p = await buildProvince(t);
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    await post(`/api/movements/${id}/launch`, p.provinceOfficer.headers, { planDeadline: '2099-12-31' });
    // The commune answers the district's plan, not the province's: it owes this movement nothing.
    const communeOfficer = await signInAs(t, 'tdkt_officer', p.commune.id);
    const empty = await get(`/api/movements/${id}/obligations/mine`, communeOfficer.headers);
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({ movementId: id, items: [] });

    const elsewhere = await buildUnit(t.handle.db, {
      name: 'Ủy ban nhân dân tỉnh Quảng Trị',
      kind: 'province',
    });
    const foreign = await signInAs(t, 'tdkt_officer', elsewhere.id);
    expect((await get(`/api/movements/${id}/obligations/mine`, foreign.headers)).statusCode).toBe(404);
    const anonymous = await get(`/api/movements/${id}/obligations/mine`);
    expect(anonymous.statusCode).toBe(401);
  });
});
