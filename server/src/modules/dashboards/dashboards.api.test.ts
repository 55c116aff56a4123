import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { buildDashboardScene, type DashboardScene, getAs } from './test-support.ts';

let t: TestApp;
let scene: DashboardScene;
beforeAll(async () => {
  t = await getTestApp();
  scene = await buildDashboardScene(t);
});

const url = (unitId: string, part: string, year = 2025) => `/api/dashboards/${unitId}/${part}?year=${year}`;

describe('GET /api/dashboards/:unitId/fairness', () => {
  it('compares the award shares of direct workers, leaders, women and small collectives with the staff, with a note', async () => {
    const reply = await getAs(t, scene.provinceOfficer, url(scene.province.id, 'fairness'));
    expect(reply.statusCode, reply.body).toBe(200);
    const view = reply.json();
    expect(view.settings).toMatchObject({
      source: 'default',
      version: 0,
      canEdit: true,
      directWorkerGap: 10,
    });
    const byGroup = Object.fromEntries(view.rows.map((row: { group: string }) => [row.group, row]));
    expect(byGroup.direct_worker).toMatchObject({
      awards: 1,
      awardBase: 4,
      awardShare: 25,
      staff: 6,
      staffBase: 12,
      staffShare: 50,
      threshold: 10,
      isBelow: true,
    });
    expect(byGroup.leader).toMatchObject({
      awards: 3,
      awardShare: 75,
      staff: 2,
      staffShare: 16.7,
      threshold: null,
    });
    expect(byGroup.women).toMatchObject({
      awards: 2,
      awardShare: 50,
      staff: 5,
      staffShare: 41.7,
      isBelow: false,
    });
    expect(byGroup.small_collective).toMatchObject({ awards: 2, awardBase: 2, staff: 3, staffBase: 3 });
    expect(view.notes).toHaveLength(1);
    expect(view.notes[0]).toContain(
      'Tỷ lệ khen thưởng người lao động trực tiếp (25 %) thấp hơn tỷ lệ của họ trong biên chế (50 %)',
    );
  });

  it('reads only the chosen subtree: the commune alone has no individual award', async () => {
    const reply = await getAs(t, scene.provinceOfficer, url(scene.commune.id, 'fairness'));
    const view = reply.json();
    expect(view.rows[0]).toMatchObject({ awardBase: 0, awardShare: null, staffBase: 2, isBelow: false });
    expect(view.notes).toEqual([]);
  });

  it('lets the head read without editing, and refuses staff, another province and a bad year', async () => {
    const head = await getAs(t, scene.provinceHead, url(scene.province.id, 'fairness'));
    expect(head.statusCode).toBe(200);
    expect(head.json().settings.canEdit).toBe(false);
    expect((await getAs(t, scene.provinceStaff, url(scene.province.id, 'fairness'))).statusCode).toBe(403);
    const other = await getAs(t, scene.otherOfficer, url(scene.province.id, 'fairness'));
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('OUT_OF_SCOPE');
    expect((await getAs(t, scene.provinceOfficer, url(scene.province.id, 'fairness', 1999))).statusCode).toBe(
      400,
    );
    const missing = await getAs(t, scene.provinceOfficer, url(crypto.randomUUID(), 'fairness'));
    expect(missing.statusCode).toBe(404);
  });
});

describe('GET /api/dashboards/:unitId/awards', () => {
  it('counts the year’s awards by form and subject, by deciding level and by reward type', async () => {
    const reply = await getAs(t, scene.provinceOfficer, url(scene.province.id, 'awards'));
    expect(reply.statusCode, reply.body).toBe(200);
    const view = reply.json();
    expect(view.total).toBe(6);
    expect(view.byCode).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'BK_BO_TINH', individual: 1, collective: 1, total: 2 }),
        expect.objectContaining({ code: 'LDTT', individual: 2, total: 2 }),
        expect.objectContaining({ code: 'GIAY_KHEN', collective: 1 }),
      ]),
    );
    expect(view.byLevel).toEqual([
      { level: 'state', label: expect.any(String), count: 1 },
      { level: 'province', label: 'Cấp tỉnh', count: 2 },
      { level: 'grassroots', label: expect.any(String), count: 3 },
    ]);
    expect(view.byRewardType).toEqual([
      { rewardType: 'thuong_xuyen', label: expect.any(String), count: 5 },
      { rewardType: 'chuyen_de', label: expect.any(String), count: 1 },
    ]);
    expect((await getAs(t, scene.otherOfficer, url(scene.province.id, 'awards'))).statusCode).toBe(403);
  });
});

describe('GET /api/dashboards/:unitId/movements and /reports', () => {
  it('lists the movements running in the year and each child unit’s implementing plans', async () => {
    const reply = await getAs(t, scene.provinceOfficer, url(scene.province.id, 'movements'));
    expect(reply.statusCode, reply.body).toBe(200);
    const view = reply.json();
    expect(view).toMatchObject({ movementCount: 1, launchedInYear: 1 });
    expect(view.movements[0]).toMatchObject({
      name: 'Phong trào chuyển đổi số',
      planNumber: '15/KH-UBND',
      launchedOn: '2025-03-01',
      issued: 1,
      overdue: 1,
    });
    expect(view.cascade).toMatchObject([
      { unitName: 'Huyện Hai', issued: 0, overdue: 1 },
      { unitName: 'Huyện Một', issued: 1, overdue: 0 },
    ]);
    const before = await getAs(t, scene.provinceOfficer, url(scene.province.id, 'movements', 2024));
    expect(before.json()).toMatchObject({ movementCount: 0, movements: [], cascade: [] });
    expect((await getAs(t, scene.districtOfficer, url(scene.province.id, 'movements'))).statusCode).toBe(403);
  });

  it('shows the unit’s report requests of the year with on time, late and missing reports', async () => {
    const reply = await getAs(t, scene.provinceOfficer, url(scene.province.id, 'reports'));
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json().requests).toEqual([
      {
        id: scene.request?.id,
        title: 'Báo cáo thi đua năm 2025',
        dueOn: '2025-12-05',
        onTime: 1,
        late: 0,
        missing: 1,
        pending: 0,
      },
    ]);
    expect(reply.json().blocResults).toEqual([]);
    expect((await getAs(t, scene.otherOfficer, url(scene.province.id, 'reports'))).statusCode).toBe(403);
  });
});

describe('GET /api/dashboards/:unitId/:section/xlsx', () => {
  it('exports the table behind each chart as a workbook', async () => {
    const reply = await getAs(t, scene.provinceOfficer, url(scene.province.id, 'fairness/xlsx'));
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-disposition']).toContain('bieu-do-fairness-2025.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Công bằng');
    expect(sheet?.getRow(4).values).toEqual(
      expect.arrayContaining(['Người lao động trực tiếp', 1, 4, 25, 6, 12, 50]),
    );
    expect(workbook.getWorksheet('Nhận xét')?.getRow(4).getCell(1).value).toContain(
      'người lao động trực tiếp',
    );
    for (const section of ['movements', 'reports', 'awards']) {
      const part = await getAs(t, scene.provinceOfficer, url(scene.province.id, `${section}/xlsx`));
      expect(part.statusCode, section).toBe(200);
    }
    expect((await getAs(t, scene.otherOfficer, url(scene.province.id, 'awards/xlsx'))).statusCode).toBe(403);
    expect((await getAs(t, scene.provinceOfficer, url(scene.province.id, 'nothing/xlsx'))).statusCode).toBe(
      400,
    );
  });
});
