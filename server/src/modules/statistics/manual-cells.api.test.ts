import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, statisticsManualCells } from '#server/platform/db/schema.ts';
import type { Client } from '../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { buildStatisticsScene, cellOf, getAs, type StatisticsScene } from './test-support.ts';

let t: TestApp;
let s: StatisticsScene;
beforeAll(async () => {
  t = await getTestApp();
  s = await buildStatisticsScene(t);
});

const put = (client: Client, body: object, code = '0605') =>
  t.app.inject({
    method: 'PUT',
    url: `/api/statistics/forms/${code}/manual-cells`,
    headers: client.headers,
    payload: body,
  });
const cell = (unitId: string, extra: object = {}) => ({
  unitId,
  year: 2025,
  row: '01',
  column: '1',
  value: 5,
  ...extra,
});
const storedOf = (unitId: string) =>
  t.handle.db
    .select()
    .from(statisticsManualCells)
    .where(and(eq(statisticsManualCells.unitId, unitId), eq(statisticsManualCells.formCode, '0605')));

describe('PUT /api/statistics/forms/:code/manual-cells', () => {
  it('stores a typed figure with its version, audited, and a level sums its subtree', async () => {
    const first = await put(s.provinceOfficer, cell(s.province.id, { note: 'Theo báo cáo của Sở Nội vụ' }));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ value: 5, version: 1 });
    const [row] = await storedOf(s.province.id);
    expect(row).toMatchObject({ value: 5, version: 1, note: 'Theo báo cáo của Sở Nội vụ', rowCode: '01' });
    const [event] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'statistics.manual_cell_set'), eq(auditEvents.entityId, row?.id ?? '')),
      );
    expect(event?.after).toMatchObject({ form: '0605', value: 5, version: 1 });
    const changed = await put(s.provinceOfficer, cell(s.province.id, { value: 6, version: 1 }));
    expect(changed.json()).toEqual({ value: 6, version: 2 });
    expect((await put(s.communeOfficer, cell(s.commune.id, { value: 2 }))).statusCode).toBe(200);
    const body = (
      await getAs(t, `/api/statistics/forms/0605?year=2025&unitId=${s.province.id}`, s.provinceOfficer)
    ).json();
    expect(cellOf(body, '01', '1')).toBe(8);
    expect(
      body.cells.find((item: { row: string; column: string }) => item.row === '01' && item.column === '1')
        .own,
    ).toEqual({
      value: 6,
      version: 2,
    });
  });

  it('refuses a stale version with 409 and keeps the stored figure', async () => {
    await put(s.provinceOfficer, cell(s.province.id, { row: '02', value: 1 }));
    await put(s.provinceOfficer, cell(s.province.id, { row: '02', value: 2, version: 1 }));
    const stale = await expectNothingStored(t.handle, () =>
      put(s.provinceOfficer, cell(s.province.id, { row: '02', value: 9, version: 1 })),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().conflict.version).toBe(2);
    const again = await expectNothingStored(t.handle, () =>
      put(s.provinceOfficer, cell(s.province.id, { row: '02', value: 9 })),
    );
    expect(again.statusCode).toBe(409);
  });

  it('refuses a counted cell, a heading, bad values, outsiders, unit heads and staff; nothing stored', async () => {
    const cases: [Client, object, number, string?][] = [
      [s.provinceOfficer, cell(s.province.id), 400, '0603'],
      [s.provinceOfficer, cell(s.province.id, { row: 'I' }), 404],
      [s.provinceOfficer, cell(s.province.id, { value: -1 }), 400],
      [s.provinceOfficer, cell(s.province.id, { value: 1.5 }), 400],
      [s.provinceOfficer, cell(s.province.id, { note: 'a\u0000b' }), 400],
      [s.provinceOfficer, cell(s.province.id, { year: 2022 }), 400],
      [s.provinceOfficer, cell(s.province.id, { row: '03', version: 3 }), 404],
      [s.otherOfficer, cell(s.province.id), 403],
      [s.communeOfficer, cell(s.province.id), 403],
      [s.provinceHead, cell(s.province.id), 403],
      [s.staff, cell(s.province.id), 403],
    ];
    for (const [client, body, status, code] of cases) {
      const reply = await expectNothingStored(t.handle, () => put(client, body, code));
      expect([JSON.stringify(body), reply.statusCode]).toEqual([JSON.stringify(body), status]);
    }
  });
});
