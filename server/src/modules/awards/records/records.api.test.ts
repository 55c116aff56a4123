import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, personRatings } from '#server/platform/db/schema.ts';
import { buildPerson, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const tag = () => Math.random().toString(36).slice(2, 8).toUpperCase();

const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

async function setup() {
  const code = `C${tag()}`;
  const commune = await buildUnit(t.handle.db, { name: 'Xã Nậm Tăm', code, kind: 'commune' });
  const other = await buildUnit(t.handle.db, { name: 'Xã khác', code: `O${tag()}`, kind: 'commune' });
  const person = await buildPerson(t.handle.db, { unitId: commune.id, fullName: `Lò Văn ${tag()}` });
  const stranger = await buildPerson(t.handle.db, { unitId: other.id });
  const officer = await signInAs(t, 'tdkt_officer', commune.id);
  return { commune, other, person, stranger, officer, code };
}

const send = (
  method: 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) =>
  payload === undefined
    ? t.app.inject({ method, url, headers })
    : t.app.inject({ method, url, headers, payload });

function upload(filename: string, content: Buffer) {
  const boundary = `----tdkt${tag()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function xlsxOf(headers: string[], rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readXlsx(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) =>
    rows.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ''))),
  );
  return rows;
}

describe('awards records of a person', () => {
  it('adds, changes and removes a rating, each audited by name, and lists it on the person', async () => {
    const { person, officer } = await setup();
    const created = await send('POST', '/api/award-records/person-ratings', officer.headers, {
      personId: person.id,
      year: 2024,
      rating: 'HTXSNV',
      score: 95.5,
    });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json();
    expect(await auditOf('award_record.create', id)).toHaveLength(1);

    const stale = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/award-records/person-ratings/${id}`, officer.headers, {
        rating: 'HTTNV',
        version: version + 1,
      }),
    );
    expect(stale.statusCode).toBe(409);
    const changed = await send('PATCH', `/api/award-records/person-ratings/${id}`, officer.headers, {
      rating: 'HTTNV',
      version,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().version).toBe(version + 1);
    const [update] = await auditOf('award_record.update', id);
    expect(update?.before).toMatchObject({ rating: 'HTXSNV' });
    expect(update?.after).toMatchObject({ rating: 'HTTNV' });

    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${person.id}/award-records`,
      headers: officer.headers,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toMatchObject({
      canEdit: true,
      ratings: [{ id, year: 2024, rating: 'HTTNV', score: 95.5, source: 'manual' }],
    });

    const removed = await send('DELETE', `/api/award-records/person-ratings/${id}`, officer.headers);
    expect(removed.statusCode).toBe(200);
    expect((await auditOf('award_record.delete', id))[0]?.before).toMatchObject({ rating: 'HTTNV' });
    expect(await t.handle.db.select().from(personRatings).where(eq(personRatings.id, id))).toEqual([]);
  });

  it('records titles, awards, discipline and initiatives, and the position class', async () => {
    const { person, officer } = await setup();
    const posts = [
      ['received', { personId: person.id, awardCode: 'CSTDCS', year: 2023, decisionNumber: '12/QĐ-UBND' }],
      [
        'disciplines',
        { personId: person.id, level: 'reprimand', fromDate: '2020-03-01', toDate: '2021-03-01' },
      ],
      [
        'initiatives',
        {
          personId: person.id,
          name: 'Số hóa hồ sơ một cửa',
          scope: 'unit',
          year: 2023,
          usedForAward: 'CSTDCS',
          usedForYear: 2023,
        },
      ],
    ] as const;
    for (const [kind, body] of posts) {
      const response = await send('POST', `/api/award-records/${kind}`, officer.headers, body);
      expect(response.statusCode, `${kind}: ${response.body}`).toBe(201);
    }
    const first = await send('PUT', `/api/persons/${person.id}/position-class`, officer.headers, {
      positionClass: 'direct_worker',
    });
    expect(first.statusCode).toBe(200);
    const second = await send('PUT', `/api/persons/${person.id}/position-class`, officer.headers, {
      positionClass: 'other_leader',
      version: 1,
    });
    expect(second.json()).toMatchObject({ version: 2 });
    expect(await auditOf('award_record.update', person.id)).toHaveLength(1);
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${person.id}/award-records`,
      headers: officer.headers,
    });
    expect(listed.json()).toMatchObject({
      received: [
        { awardCode: 'CSTDCS', awardName: expect.stringContaining('Chiến sĩ thi đua cơ sở'), year: 2023 },
      ],
      disciplines: [{ level: 'reprimand', fromDate: '2020-03-01', toDate: '2021-03-01', pending: false }],
      initiatives: [{ name: 'Số hóa hồ sơ một cửa', usedForAward: 'CSTDCS', usedForYear: 2023 }],
      positionClass: { value: 'other_leader', version: 2 },
    });
  });

  it('refuses bad input, duplicates, wrong subjects and other scopes, storing nothing', async () => {
    const { person, stranger, commune, officer } = await setup();
    const ok = await send('POST', '/api/award-records/person-ratings', officer.headers, {
      personId: person.id,
      year: 2022,
      rating: 'HTTNV',
    });
    expect(ok.statusCode).toBe(201);
    const cases: [string, object, number][] = [
      ['person-ratings', { personId: person.id, year: 2022, rating: 'HTNV' }, 409],
      ['person-ratings', { personId: person.id, year: 2021, rating: 'TOT' }, 400],
      ['person-ratings', { personId: person.id, year: 2021, rating: 'HTNV', extra: 1 }, 400],
      ['person-ratings', { personId: person.id, year: 2999, rating: 'HTNV' }, 400],
      ['person-ratings', { personId: stranger.id, year: 2021, rating: 'HTNV' }, 403],
      ['received', { unitId: commune.id, awardCode: 'LDTT', year: 2021 }, 400],
      ['received', { personId: person.id, unitId: commune.id, awardCode: 'LDTT', year: 2021 }, 400],
      [
        'disciplines',
        { personId: person.id, level: 'warning', fromDate: '2022-01-01', toDate: '2021-01-01' },
        400,
      ],
      [
        'initiatives',
        { personId: person.id, name: 'X y', scope: 'unit', year: 2021, usedForAward: 'CSTDCS' },
        400,
      ],
    ];
    for (const [kind, body, status] of cases) {
      const response = await expectNothingStored(t.handle, () =>
        send('POST', `/api/award-records/${kind}`, officer.headers, body),
      );
      expect(response.statusCode, `${kind} ${JSON.stringify(body)}: ${response.body}`).toBe(status);
      expect(response.json().message).toMatch(/[À-ỹ]/);
    }
    const readOther = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${stranger.id}/award-records`,
      headers: officer.headers,
    });
    expect(readOther.statusCode).toBe(403);
  });
});

describe('awards records of a unit', () => {
  it('records the unit rating and a collective title; the unit page lists them', async () => {
    const { commune, officer } = await setup();
    const rating = await send('POST', '/api/award-records/unit-ratings', officer.headers, {
      unitId: commune.id,
      year: 2024,
      rating: 'HTXSNV',
    });
    expect(rating.statusCode).toBe(201);
    const title = await send('POST', '/api/award-records/received', officer.headers, {
      unitId: commune.id,
      awardCode: 'TTLDTT',
      year: 2024,
      decider: 'Chủ tịch UBND huyện',
    });
    expect(title.statusCode).toBe(201);
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/units/${commune.id}/award-records`,
      headers: officer.headers,
    });
    expect(listed.json()).toMatchObject({
      ratings: [{ year: 2024, rating: 'HTXSNV' }],
      received: [{ awardCode: 'TTLDTT', decider: 'Chủ tịch UBND huyện' }],
    });
  });
});

describe('awards records import and export', () => {
  const headers = ['Số định danh cá nhân', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Năm', 'Xếp loại', 'Điểm'];

  it('gives a template with the Vietnamese headers', async () => {
    const { officer } = await setup();
    const template = await t.app.inject({
      method: 'GET',
      url: '/api/award-records/person-ratings/import-template',
      headers: officer.headers,
    });
    expect(template.statusCode).toBe(200);
    expect((await readXlsx(template.rawPayload))[0]).toEqual(headers);
  });

  it('imports nothing when one row is wrong, and names the row and column', async () => {
    const { person, code, officer } = await setup();
    const file = upload(
      'xep-loai.xlsx',
      await xlsxOf(headers, [
        ['', person.fullName, '17/05/1980', code, 2023, 'HTXSNV', 91],
        ['', person.fullName, '17/05/1980', code, 2024, 'Tốt lắm', ''],
      ]),
    );
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/award-records/person-ratings/import',
        headers: { ...officer.headers, 'content-type': file.contentType },
        payload: file.payload,
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { row: 3, column: 'Xếp loại', message: expect.stringContaining('HTXSNV') },
    ]);
  });

  it('imports every row in one go (audited), refuses a repeat, and exports what it stored', async () => {
    const { person, code, officer, commune } = await setup();
    const rows = [
      ['', person.fullName, '17/05/1980', code, 2023, 'HTXSNV', 91],
      ['', person.fullName, '', code, 2024, 'Hoàn thành tốt nhiệm vụ', '88,5'],
    ];
    const file = upload('xep-loai.xlsx', await xlsxOf(headers, rows));
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/award-records/person-ratings/import',
        headers: { ...officer.headers, 'content-type': file.contentType },
        payload: file.payload,
      });
    const response = await post();
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ imported: 2 });
    const events = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'award_record.import'), eq(auditEvents.actorId, officer.user.id)));
    expect(events.map((event) => event.after)).toEqual([{ kind: 'person-ratings', imported: 2 }]);

    const again = await expectNothingStored(t.handle, post);
    expect(again.statusCode).toBe(422);
    expect(again.json().errors.map((error: { row: number }) => error.row)).toEqual([2, 3]);

    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/award-records/person-ratings/export?unitId=${commune.id}`,
      headers: officer.headers,
    });
    expect(exported.statusCode).toBe(200);
    const sheet = await readXlsx(exported.rawPayload);
    expect(sheet[0]).toEqual([...headers, 'Tên đơn vị']);
    expect(
      sheet
        .slice(1)
        .map((row) => [row[1], row[4], row[5], row[6]])
        .sort(),
    ).toEqual([
      [person.fullName, '2023', 'HTXSNV', '91'],
      [person.fullName, '2024', 'HTTNV', '88.5'],
    ]);
  });
});
