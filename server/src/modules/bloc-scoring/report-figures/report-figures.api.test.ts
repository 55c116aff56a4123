import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  reportRequests,
  reports,
  reportTemplates,
  scoringCriteria,
  scoringEntries,
  scoringSheets,
  scoringTables,
} from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildScoringScene, createTable, type ScoringScene, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const indicators = [{ code: 'THU_NS', label: 'Thu ngân sách trên địa bàn', unit: 'tỷ đồng' }];

/** The province's yearly report template and request, and Huyện Hai's accepted report (125) and Huyện Ba's draft (90). */
async function yearlyReports(scene: ScoringScene) {
  const db = t.handle.db;
  await db
    .insert(reportTemplates)
    .values({ ownerUnitId: scene.province.id, name: 'Báo cáo năm', sections: [], indicators });
  const [request] = await db
    .insert(reportRequests)
    .values({
      unitId: scene.province.id,
      kind: 'general_yearly',
      title: 'Báo cáo tổng kết năm 2024',
      periodFrom: '2024-01-01',
      periodTo: '2024-12-31',
      dueOn: '2024-12-15',
      sections: [],
      indicators,
      targets: { mode: 'children' },
    })
    .returning();
  await db.insert(reports).values([
    {
      requestId: request?.id as string,
      unitId: scene.two.id,
      status: 'accepted',
      figures: { THU_NS: 125 },
      dueOn: '2024-12-15',
    },
    {
      requestId: request?.id as string,
      unitId: scene.three.id,
      status: 'draft',
      figures: { THU_NS: 90 },
      dueOn: '2024-12-15',
    },
  ]);
}

describe('a criterion drawing its figure from the unit’s yearly report', () => {
  it('links 1.1 to a report indicator, finds the unit’s accepted figure and pre-fills its self-assessment', async () => {
    const scene = await buildScoringScene(t);
    const send = sender(t);
    await yearlyReports(scene);
    const { table } = await createTable(t, scene);
    const url = `/api/scoring-tables/${table.id}/indicators`;
    const links = (indicatorCode: string | null, criterionCode = '1.1') => ({
      links: [{ criterionCode, indicatorCode }],
      version: table.version,
    });
    for (const [client, body, status] of [
      [scene.twoOfficer, links('THU_NS'), 403],
      [scene.manager, links('THU_NS', '1.2'), 400],
      [scene.manager, links('KHONG_CO'), 400],
    ] as const) {
      const refused = await expectNothingStored(t.handle, () => send('PUT', url, client.headers, body));
      expect(refused.statusCode, refused.body).toBe(status);
    }
    const linked = await send('PUT', url, scene.manager.headers, links('THU_NS'));
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({
      editable: true,
      links: [{ criterionCode: '1.1', indicatorCode: 'THU_NS' }],
    });
    const [stored] = await t.handle.db.select().from(scoringTables).where(eq(scoringTables.id, table.id));
    expect(stored?.indicatorLinks).toEqual({ '1.1': 'THU_NS' });
    expect(await auditOf(t, 'scoring_table.indicators', table.id)).toHaveLength(1);

    const opened = await send('POST', `/api/scoring-tables/${table.id}/open`, scene.manager.headers, {
      version: linked.json().version,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const sheets = await t.handle.db.select().from(scoringSheets).where(eq(scoringSheets.tableId, table.id));
    const sheetOf = (unitId: string) => sheets.find((sheet) => sheet.unitId === unitId)?.id as string;
    const two = sheetOf(scene.two.id);
    const found = await send('GET', `/api/scoring-sheets/${two}/report-figures`, scene.twoOfficer.headers);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().figures).toMatchObject([
      { criterionCode: '1.1', indicatorCode: 'THU_NS', value: 125, reportStatus: 'accepted', entered: false },
    ]);
    // A draft report gives nothing.
    const three = await send(
      'GET',
      `/api/scoring-sheets/${sheetOf(scene.three.id)}/report-figures`,
      scene.threeOfficer.headers,
    );
    expect(three.json().figures).toEqual([]);

    const byHead = await expectNothingStored(t.handle, () =>
      send('POST', `/api/scoring-sheets/${two}/report-figures`, scene.head.headers, { version: 1 }),
    );
    expect(byHead.statusCode).toBe(403);
    const filled = await send('POST', `/api/scoring-sheets/${two}/report-figures`, scene.twoOfficer.headers, {
      version: 1,
    });
    expect(filled.statusCode, filled.body).toBe(200);
    const row = filled
      .json()
      .rows.find((item: { criterion: { code: string } }) => item.criterion.code === '1.1');
    expect(row.selfFigures).toEqual({ actual: 125 });
    expect(row.events[0].note).toBe(
      'Số liệu lấy từ báo cáo "Báo cáo tổng kết năm 2024" (Đã tiếp nhận), chỉ tiêu THU_NS.',
    );
    const [event] = await auditOf(t, 'scoring_entry.self', two);
    expect(event?.after).toMatchObject({ figures: { actual: 125 } });
    // The unit changes the figure; a second pre-fill leaves it.
    const changed = await send(
      'PUT',
      `/api/scoring-sheets/${two}/entries/${row.criterion.id}`,
      scene.twoOfficer.headers,
      {
        figures: { actual: 130 },
        note: 'Số liệu quyết toán',
        version: row.entryVersion,
      },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const again = await send('POST', `/api/scoring-sheets/${two}/report-figures`, scene.twoOfficer.headers, {
      version: 1,
    });
    expect(
      again.json().rows.find((item: { criterion: { code: string } }) => item.criterion.code === '1.1')
        .selfFigures,
    ).toEqual({ actual: 130 });
    expect(await auditOf(t, 'scoring_entry.self', two)).toHaveLength(2);
  });

  it('pre-fills at the sheet’s version and all or nothing: a figure that fails midway stores none', async () => {
    const scene = await buildScoringScene(t);
    const send = sender(t);
    await yearlyReports(scene);
    const db = t.handle.db;
    await db
      .update(reports)
      .set({ figures: { THU_NS: 125, CHI_NS: -5 } })
      .where(eq(reports.unitId, scene.two.id));
    const { table } = await createTable(t, scene);
    await db.insert(scoringCriteria).values({
      tableId: table.id,
      position: 99,
      code: '1.3',
      title: 'Chi ngân sách',
      kind: 'quantitative',
      maxPoints: 5,
    });
    await db
      .update(scoringTables)
      .set({ indicatorLinks: { '1.1': 'THU_NS', '1.3': 'CHI_NS' } })
      .where(eq(scoringTables.id, table.id));
    const opened = await send('POST', `/api/scoring-tables/${table.id}/open`, scene.manager.headers, {
      version: table.version,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const [sheet] = (await db.select().from(scoringSheets).where(eq(scoringSheets.tableId, table.id))).filter(
      (row) => row.unitId === scene.two.id,
    );
    const url = `/api/scoring-sheets/${sheet?.id}/report-figures`;
    const stale = await expectNothingStored(t.handle, () =>
      send('POST', url, scene.twoOfficer.headers, { version: (sheet?.version ?? 0) + 1 }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const failed = await expectNothingStored(t.handle, () =>
      send('POST', url, scene.twoOfficer.headers, { version: sheet?.version }),
    );
    expect(failed.statusCode).toBe(400);
    expect(failed.json().message).toContain('chưa điền tiêu chí nào');
    expect(
      await db
        .select()
        .from(scoringEntries)
        .where(eq(scoringEntries.sheetId, sheet?.id as string)),
    ).toEqual([]);
    expect(await auditOf(t, 'scoring_entry.self', sheet?.id as string)).toEqual([]);
  });
});
