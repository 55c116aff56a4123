import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordColumns } from '#contracts/award-record-columns.ts';
import type { RecordKind } from '#contracts/award-records.ts';
import {
  auditEvents,
  awardsReceived,
  initiatives,
  personDisciplines,
  personRatings,
  unitRatings,
} from '#server/platform/db/schema.ts';
import { buildPerson, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const tag = () => Math.random().toString(36).slice(2, 8).toUpperCase();

async function setup() {
  const code = `C${tag()}`;
  const commune = await buildUnit(t.handle.db, { name: 'Xã Bản Bo', code, kind: 'commune' });
  const otherCode = `O${tag()}`;
  const other = await buildUnit(t.handle.db, { name: 'Xã khác', code: otherCode, kind: 'commune' });
  const person = await buildPerson(t.handle.db, { unitId: commune.id, fullName: `Lò Thị ${tag()}` });
  const stranger = await buildPerson(t.handle.db, { unitId: other.id, fullName: `Tao Văn ${tag()}` });
  const officer = await signInAs(t, 'tdkt_officer', commune.id);
  return { commune, other, otherCode, person, stranger, officer, code };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** A file of the kind's template with the rows given as header → value. */
async function fileOf(kind: RecordKind, rows: Record<string, unknown>[]) {
  const headers = recordColumns[kind].map((column) => column.header);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? ''));
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  const boundary = `----tdkt${tag()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

const who = (s: Setup) => ({
  'Họ và tên': s.person.fullName,
  'Ngày sinh': '17/05/1980',
  'Mã đơn vị': s.code,
});

/** Per kind: a good row, a bad row with the column it names, and the table the rows go to. */
const cases = {
  'unit-ratings': {
    good: (s: Setup) => ({ 'Mã đơn vị': s.code, Năm: 2024, 'Xếp loại': 'HTXSNV' }),
    bad: (s: Setup) => ({ 'Mã đơn vị': s.code, Năm: 2023, 'Xếp loại': 'HTXSNV', Điểm: '-3' }),
    column: 'Điểm',
    count: (s: Setup) => t.handle.db.select().from(unitRatings).where(eq(unitRatings.unitId, s.commune.id)),
  },
  disciplines: {
    good: (s: Setup) => ({ ...who(s), 'Hình thức kỷ luật': 'Khiển trách', 'Từ ngày': '02/03/2022' }),
    bad: (s: Setup) => ({ ...who(s), 'Hình thức kỷ luật': 'Khiển trách', 'Từ ngày': '31/02/2022' }),
    column: 'Từ ngày',
    count: (s: Setup) =>
      t.handle.db.select().from(personDisciplines).where(eq(personDisciplines.personId, s.person.id)),
  },
  received: {
    good: (s: Setup) => ({ ...who(s), 'Danh hiệu, hình thức': 'LDTT', 'Năm thành tích': 2023 }),
    bad: (s: Setup) => ({ ...who(s), 'Danh hiệu, hình thức': 'Huy chương vàng', 'Năm thành tích': 2022 }),
    column: 'Danh hiệu, hình thức',
    count: (s: Setup) =>
      t.handle.db.select().from(awardsReceived).where(eq(awardsReceived.personId, s.person.id)),
  },
  initiatives: {
    good: (s: Setup) => ({
      ...who(s),
      'Tên sáng kiến': 'Số hóa hồ sơ',
      'Phạm vi công nhận': 'cấp cơ sở',
      Năm: 2024,
    }),
    bad: (s: Setup) => ({ ...who(s), 'Tên sáng kiến': 'Sổ tay', 'Phạm vi công nhận': 'cấp xóm', Năm: 2024 }),
    column: 'Phạm vi công nhận',
    count: (s: Setup) => t.handle.db.select().from(initiatives).where(eq(initiatives.personId, s.person.id)),
  },
} as const;

const importOf = (
  kind: RecordKind,
  headers: Record<string, string>,
  file: Awaited<ReturnType<typeof fileOf>>,
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/award-records/${kind}/import`,
    headers: { ...headers, 'content-type': file.contentType },
    payload: file.payload,
  });

describe('awards records import of every kind', () => {
  for (const [kind, c] of Object.entries(cases) as [RecordKind, (typeof cases)['received']][]) {
    it(`${kind}: one bad row stores nothing and is named; the fixed file imports (audited)`, async () => {
      const s = await setup();
      const bad = await fileOf(kind, [c.good(s), c.bad(s)]);
      const refused = await expectNothingStored(t.handle, () => importOf(kind, s.officer.headers, bad));
      expect(refused.statusCode).toBe(422);
      expect(refused.json().message).toContain('chưa nhập dòng nào');
      expect(refused.json().errors).toEqual([{ row: 3, column: c.column, message: expect.any(String) }]);
      expect(await c.count(s)).toHaveLength(0);

      const response = await importOf(kind, s.officer.headers, await fileOf(kind, [c.good(s)]));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ imported: 1 });
      expect(await c.count(s)).toHaveLength(1);
      const events = await t.handle.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, 'award_record.import'), eq(auditEvents.actorId, s.officer.user.id)),
        );
      expect(events.map((event) => event.after)).toEqual([{ kind, imported: 1 }]);
    });
  }

  it('refuses a person outside the officer’s units and a caller who is not an officer, storing nothing', async () => {
    const s = await setup();
    const outside = await fileOf('person-ratings', [
      { ...who(s), Năm: 2024, 'Xếp loại': 'HTTNV' },
      {
        'Họ và tên': s.stranger.fullName,
        'Ngày sinh': '17/05/1980',
        'Mã đơn vị': s.otherCode,
        Năm: 2024,
        'Xếp loại': 'HTTNV',
      },
    ]);
    const refused = await expectNothingStored(t.handle, () =>
      importOf('person-ratings', s.officer.headers, outside),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((error: { row: number }) => error.row)).toEqual([3]);

    const head = await signInAs(t, 'unit_head', s.commune.id);
    const file = await fileOf('person-ratings', [{ ...who(s), Năm: 2024, 'Xếp loại': 'HTTNV' }]);
    const forbidden = await expectNothingStored(t.handle, () =>
      importOf('person-ratings', head.headers, file),
    );
    expect(forbidden.statusCode).toBe(403);
    expect(
      await t.handle.db.select().from(personRatings).where(eq(personRatings.personId, s.person.id)),
    ).toEqual([]);
  });

  it('exports one year when asked (the year comes as a query string)', async () => {
    const s = await setup();
    const file = await fileOf('person-ratings', [
      { ...who(s), Năm: 2023, 'Xếp loại': 'HTXSNV' },
      { ...who(s), Năm: 2024, 'Xếp loại': 'HTTNV' },
    ]);
    expect((await importOf('person-ratings', s.officer.headers, file)).statusCode).toBe(200);
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/award-records/person-ratings/export?unitId=${s.commune.id}&year=2024`,
      headers: s.officer.headers,
    });
    expect(exported.statusCode, exported.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const years: string[] = [];
    workbook.worksheets[0]?.eachRow((row, index) => {
      if (index > 1) years.push(String((row.values as unknown[])[5]));
    });
    expect(years).toEqual(['2024']);
  });
});
