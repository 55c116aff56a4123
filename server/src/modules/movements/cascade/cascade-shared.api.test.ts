import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildProvince, createByHand } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

describe('GET /api/movements/:id/cascade', () => {
  it('answers identical requests in flight with one read, and keeps nothing after it', async () => {
    const p = await buildProvince(t);
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    await t.app.inject({
      method: 'POST',
      url: `/api/movements/${id}/launch`,
      headers: p.provinceOfficer.headers,
      payload: { planDeadline: '2099-09-30' },
    });
    const url = `/api/movements/${id}/cascade`;
    const together = await Promise.all(
      [1, 2, 3].map(() => t.app.inject({ method: 'GET', url, headers: p.provinceOfficer.headers })),
    );
    expect(together.map((response) => response.statusCode)).toEqual([200, 200, 200]);
    const [first, ...others] = together.map((response) => response.json());
    for (const other of others) expect(other).toEqual(first);
    expect(first.totals).toMatchObject({ pending: 3, not_applicable: 0 });
    // A scope check still runs per request: the district officer may not open the province's level.
    const refused = await t.app.inject({ method: 'GET', url, headers: p.districtOfficer.headers });
    expect(refused.statusCode).toBe(403);

    const obligationId = first.rows.find((row: { unit: { id: string } }) => row.unit.id === p.districtB.id)
      ?.obligationId as string;
    const marked = await t.app.inject({
      method: 'POST',
      url: `/api/obligations/${obligationId}/not-applicable`,
      headers: p.provinceOfficer.headers,
      payload: { reason: 'Đơn vị không thuộc đối tượng' },
    });
    expect(marked.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url, headers: p.provinceOfficer.headers });
    expect(after.json().totals).toMatchObject({ pending: 2, not_applicable: 1 });
  });
});
