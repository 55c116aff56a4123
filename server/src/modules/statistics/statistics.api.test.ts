import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPdfConverterAvailable } from '#server/modules/documents/index.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { MINISTRY } from './statistics.policy.ts';
import { statisticsPdfJob } from './statistics-pdf.job.ts';
import { buildStatisticsScene, cellOf, getAs, type StatisticsScene } from './test-support.ts';

let t: TestApp;
let s: StatisticsScene;
beforeAll(async () => {
  t = await getTestApp();
  s = await buildStatisticsScene(t);
});

const form = (code: string, unitId: string, year = 2025) =>
  `/api/statistics/forms/${code}?year=${year}&unitId=${unitId}`;
const records = (code: string, unitId: string, row: string, column: string, extra = '') =>
  `/api/statistics/forms/${code}/records?year=2025&unitId=${unitId}&row=${row}&column=${column}${extra}`;

describe('GET /api/statistics/forms', () => {
  it('lists the TT 02/2023 forms from 2023 and the TT 03/2018 forms before', async () => {
    const now = await getAs(t, '/api/statistics/forms?year=2025', s.provinceOfficer);
    expect(now.statusCode, now.body).toBe(200);
    expect(now.json().items.map((item: { code: string }) => item.code)).toEqual([
      '0601',
      '0602',
      '0603',
      '0604',
      '0605',
    ]);
    const before = await getAs(t, '/api/statistics/forms?year=2022', s.provinceOfficer);
    expect(before.json().items.map((item: { code: string }) => item.code)).toEqual(['0701', '0702', '0703']);
  });

  it('refuses staff (403) and a year out of range (400)', async () => {
    expect((await getAs(t, '/api/statistics/forms?year=2025', s.staff)).statusCode).toBe(403);
    expect((await getAs(t, '/api/statistics/forms?year=1990', s.provinceOfficer)).statusCode).toBe(400);
  });
});

describe('GET /api/statistics/forms/:code', () => {
  it('fills biểu 0603 for the province over its subtree by decision date in 01/12/2024–30/11/2025', async () => {
    const reply = await getAs(t, form('0603', s.province.id), s.provinceOfficer);
    expect(reply.statusCode, reply.body).toBe(200);
    const body = reply.json();
    expect(body).toMatchObject({
      year: 2025,
      periodFrom: '2024-12-01',
      periodTo: '2025-11-30',
      unit: { name: 'Tỉnh Thống Kê' },
      receivingUnit: MINISTRY,
      canEnter: true,
    });
    const expected: [string, string, number][] = [
      ['01', '1', 5],
      ['01', '2', 3],
      ['01', '3', 1],
      ['01', '4', 1],
      ['01', '5', 0],
      ['02', '1', 2],
      ['03', '2', 1],
      ['04', '2', 1],
      ['05', '1', 2],
      ['07', '3', 1],
      ['10', '2', 1],
      ['06', '1', 0],
      ['11', '1', 4],
      ['13', '2', 1],
    ];
    for (const [row, column, value] of expected)
      expect([row, column, cellOf(body, row, column)]).toEqual([row, column, value]);
  });

  it('sums only the commune subtree for the commune, reporting to the province', async () => {
    const body = (await getAs(t, form('0603', s.commune.id), s.communeOfficer)).json();
    expect(body.receivingUnit).toBe('Tỉnh Thống Kê');
    expect(cellOf(body, '01', '1')).toBe(4);
    expect(cellOf(body, '05', '1')).toBe(1);
  });

  it('fills biểu 0602 with state awards and 0601 with the movements launched in the year', async () => {
    const state = (await getAs(t, form('0602', s.province.id), s.provinceOfficer)).json();
    expect(cellOf(state, '01', '1')).toBe(1);
    expect(cellOf(state, '01', '7.CN')).toBe(1);
    expect(cellOf(state, '11', '7.CN')).toBe(1);
    expect(state.cells.find((cell: { row: string }) => cell.row === '02')).toMatchObject({
      manual: true,
      value: 0,
    });
    const launched = (await getAs(t, form('0601', s.province.id), s.provinceOfficer)).json();
    expect([cellOf(launched, '01', '1'), cellOf(launched, '01', '3'), cellOf(launched, '01', '4')]).toEqual([
      2, 1, 1,
    ]);
    expect([cellOf(launched, '07', '1'), cellOf(launched, '10', '1')]).toEqual([1, 1]);
    expect([cellOf(launched, '11', '1'), cellOf(launched, '12', '1')]).toEqual([1, 1]);
  });

  it('agrees with its drill-down: every counted cell of 0603 equals the total of its records', async () => {
    const body = (await getAs(t, form('0603', s.province.id), s.provinceOfficer)).json();
    for (const cell of body.cells as { row: string; column: string; value: number; manual: boolean }[]) {
      if (cell.manual) continue;
      const page = (
        await getAs(t, records('0603', s.province.id, cell.row, cell.column), s.provinceOfficer)
      ).json();
      expect([cell.row, cell.column, page.total.value]).toEqual([cell.row, cell.column, cell.value]);
    }
  });

  it('refuses outside the scope (403), staff (403), no unit (400), an unknown form (404), a form of another circular (400)', async () => {
    expect((await getAs(t, form('0603', s.province.id), s.otherOfficer)).statusCode).toBe(403);
    expect((await getAs(t, form('0603', s.province.id), s.communeOfficer)).statusCode).toBe(403);
    expect((await getAs(t, form('0603', s.province.id), s.staff)).statusCode).toBe(403);
    expect((await getAs(t, '/api/statistics/forms/0603?year=2025', s.provinceOfficer)).statusCode).toBe(400);
    expect((await getAs(t, form('0999', s.province.id), s.provinceOfficer)).statusCode).toBe(404);
    expect((await getAs(t, form('0603', s.province.id, 2022), s.provinceOfficer)).statusCode).toBe(400);
    expect((await getAs(t, form('0603', crypto.randomUUID()), s.provinceOfficer)).statusCode).toBe(404);
  });

  it('lets a unit head read, and an administrator read the whole system', async () => {
    expect((await getAs(t, form('0603', s.province.id), s.provinceHead)).json().canEnter).toBe(false);
    const all = await getAs(t, '/api/statistics/forms/0603?year=2025', s.admin);
    expect(all.statusCode, all.body).toBe(200);
    expect(cellOf(all.json(), '01', '1')).toBeGreaterThanOrEqual(6);
  });
});

describe('GET /api/statistics/forms/:code/records', () => {
  it('pages the records behind a cell, newest decision first, with the decision number and date', async () => {
    const first = await getAs(t, records('0603', s.province.id, '01', '2', '&limit=2'), s.provinceOfficer);
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json();
    expect(page.total).toEqual({ value: 3, exact: true });
    expect(page.items).toMatchObject([
      {
        subject: 'Lò Thị Mai',
        subjectKind: 'individual',
        unitName: 'Xã Số Liệu',
        decisionNumber: '12/QĐ-UBND',
        decisionDate: '2025-06-01',
      },
      { subject: 'Hộ ông Lò Văn Páo', subjectKind: 'household', decisionDate: '2025-05-01' },
    ]);
    const next = (
      await getAs(
        t,
        records('0603', s.province.id, '01', '2', `&limit=2&after=${page.next}`),
        s.provinceOfficer,
      )
    ).json();
    expect(next.items).toMatchObject([
      { subject: 'Công ty Thủy lợi', subjectKind: 'enterprise', rewardType: 'Đột xuất' },
    ]);
    expect(next.next).toBeNull();
  });

  it('lists the movements behind a cell of 0601', async () => {
    const page = (
      await getAs(
        t,
        `/api/statistics/forms/0601/records?year=2025&unitId=${s.province.id}&row=12&column=1`,
        s.provinceOfficer,
      )
    ).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      subjectKind: 'movement',
      unitName: 'Xã Số Liệu',
      decisionDate: '2025-05-01',
    });
  });

  it('refuses a typed cell or a heading (400/404), outside the scope (403) and a bad cursor (400)', async () => {
    expect((await getAs(t, records('0602', s.province.id, '02', '1'), s.provinceOfficer)).statusCode).toBe(
      400,
    );
    expect((await getAs(t, records('0603', s.province.id, 'I', '1'), s.provinceOfficer)).statusCode).toBe(
      404,
    );
    expect((await getAs(t, records('0603', s.province.id, '01', '9'), s.provinceOfficer)).statusCode).toBe(
      404,
    );
    expect((await getAs(t, records('0603', s.province.id, '01', '1'), s.otherOfficer)).statusCode).toBe(403);
    expect(
      (await getAs(t, records('0603', s.province.id, '01', '1', '&after=bad'), s.provinceOfficer)).statusCode,
    ).toBe(400);
  });
});

describe('GET /api/statistics/forms/:code/xlsx', () => {
  it('downloads the form in the official layout', async () => {
    const reply = await getAs(
      t,
      `/api/statistics/forms/0603/xlsx?year=2025&unitId=${s.province.id}`,
      s.provinceOfficer,
    );
    expect(reply.statusCode, reply.body.slice(0, 200)).toBe(200);
    expect(reply.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('0603');
    expect(sheet?.getCell('A1').value).toBe('Biểu số 0603.N/BNV-TĐKT');
    expect(String(sheet?.getCell('A2').value)).toContain('02/2023/TT-BNV');
    const texts: string[] = [];
    sheet?.eachRow((row) => {
      texts.push(Array.isArray(row.values) ? row.values.slice(1).join('|') : '');
    });
    expect(texts.some((line) => line.includes('Đơn vị báo cáo: Tỉnh Thống Kê'))).toBe(true);
    expect(texts.some((line) => line.includes(`Đơn vị nhận báo cáo: ${MINISTRY}`))).toBe(true);
    expect(texts.some((line) => line === 'Tổng số|01||5|3|1|1|0')).toBe(true);
  });

  it('refuses outside the scope (403)', async () => {
    const reply = await getAs(
      t,
      `/api/statistics/forms/0603/xlsx?year=2025&unitId=${s.province.id}`,
      s.otherOfficer,
    );
    expect(reply.statusCode).toBe(403);
  });
});

describe('POST /api/statistics/forms/:code/pdf-jobs', () => {
  const post = (client: StatisticsScene['provinceOfficer'], unitId: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/statistics/forms/0603/pdf-jobs',
      headers: { ...client.headers, 'idempotency-key': crypto.randomUUID() },
      payload: { year: 2025, unitId },
    });

  it('queues the PDF of the form for a reader of the unit', async () => {
    const reply = await post(s.provinceOfficer, s.province.id);
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json()).toMatchObject({ kind: 'statistics.form_pdf', status: 'queued' });
  });

  it('makes a landscape PDF of the filled form with LibreOffice', async () => {
    if (!(await isPdfConverterAvailable())) return;
    const outcome = await statisticsPdfJob.run({
      db: t.handle.db,
      files: undefined as never,
      payload: { code: '0603', year: 2025, unitId: s.province.id },
      job: { id: crypto.randomUUID(), createdBy: null, attempt: 1 },
      progress: async () => undefined,
    });
    expect(outcome.file?.fileName).toBe('bieu-0603-2025.pdf');
    expect(outcome.file?.data.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('refuses outside the scope (403) and stores no job', async () => {
    const { expectNothingStored } = await import('../../../../tests/support/nothing-stored.ts');
    const reply = await expectNothingStored(t.handle, () => post(s.otherOfficer, s.province.id));
    expect(reply.statusCode).toBe(403);
  });
});
