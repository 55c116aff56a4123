import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoringCriteria } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildScoringScene, createTable, type ScoringScene, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const upload = (tableId: string, version: number, client: ScoringScene['manager'], data: Buffer) => {
  const boundary = `----tdkt${crypto.randomUUID()}`;
  return t.app.inject({
    method: 'POST',
    url: `/api/scoring-tables/${tableId}/xlsx?version=${version}`,
    headers: { ...client.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bang-tieu-chi.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
};

describe('GET and POST /api/scoring-tables/:id/xlsx', () => {
  it('exports the criteria in rows with the maximum in a column, and imports an edited file into a draft', async () => {
    const scene = await buildScoringScene(t);
    const send = sender(t);
    const { table } = await createTable(t, scene, { open: true });
    const exported = await send('GET', `/api/scoring-tables/${table.id}/xlsx`, scene.twoOfficer.headers);
    expect(exported.statusCode, exported.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const rows: string[] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 5).join('|')));
    expect(rows[1]).toBe('Mã tiêu chí|Nội dung tiêu chí|Điểm tối đa|Loại tiêu chí');
    expect(rows).toContain('1.1|Thu ngân sách|40|Định lượng theo chỉ tiêu giao');

    sheet.getRow(5).getCell(3).value = 30;
    sheet.addRow(['IV', 'Công tác khen thưởng', 10, 'Định tính (đạt / không đạt)']);
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const locked = await expectNothingStored(t.handle, () =>
      upload(table.id, table.version, scene.manager, edited),
    );
    expect(locked.statusCode).toBe(409);

    const draft = (await createTable(t, scene)).table;
    const imported = await upload(draft.id, draft.version, scene.manager, edited);
    expect(imported.statusCode, imported.body).toBe(200);
    const stored = await t.handle.db
      .select()
      .from(scoringCriteria)
      .where(eq(scoringCriteria.tableId, draft.id));
    expect(stored.find((row) => row.code === '1.2')?.maxPoints).toBe(30);
    expect(stored.find((row) => row.code === 'IV')?.kind).toBe('qualitative');
    expect(await auditOf(t, 'scoring_table.import', draft.id)).toHaveLength(1);
  });

  it('refuses a file that is not a workbook, a bad row, a member unit; nothing stored', async () => {
    const scene = await buildScoringScene(t);
    const { table } = await createTable(t, scene);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Bảng');
    sheet.addRow(['Mã tiêu chí', 'Nội dung tiêu chí', 'Điểm tối đa', 'Loại tiêu chí']);
    sheet.addRow(['1', 'Tiêu chí', 'mười', 'Định tính (đạt / không đạt)']);
    sheet.addRow(['2', 'Tiêu chí', 5, 'Không rõ']);
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());
    const badRow = await expectNothingStored(t.handle, () =>
      upload(table.id, table.version, scene.manager, bad),
    );
    expect(badRow.statusCode).toBe(400);
    expect(badRow.json().fields.map((field: { message: string }) => field.message.slice(0, 6))).toEqual([
      'Dòng 2',
      'Dòng 3',
    ]);
    const text = await expectNothingStored(t.handle, () =>
      upload(table.id, table.version, scene.manager, Buffer.from('a,b')),
    );
    expect(text.statusCode).toBe(415);
    const member = await expectNothingStored(t.handle, () =>
      upload(table.id, table.version, scene.head, bad),
    );
    expect(member.statusCode).toBe(403);
  });
});
