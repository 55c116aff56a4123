import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoringEvents, scoringSheets } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildScoringScene, createTable, type ScoringScene, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

type Client = ScoringScene['head'];
interface SheetJson {
  id: string;
  version: number;
  status: string;
  total: number;
  actions: string[];
  rows: {
    criterion: { id: string; code: string };
    entryVersion: number;
    score: number;
    events: { stage: string }[];
    evidence: { id: string; fileName: string }[];
  }[];
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** An opened table and the sheets of its three members, with helpers to act on them. */
async function openedTable() {
  const scene = await buildScoringScene(t);
  const send = sender(t);
  const { table, criterion } = await createTable(t, scene, { open: true });
  const sheets = await t.handle.db.select().from(scoringSheets).where(eq(scoringSheets.tableId, table.id));
  const sheetOf = (unitId: string) => sheets.find((sheet) => sheet.unitId === unitId)?.id as string;
  const get = async (id: string, client: Client = scene.head) =>
    (await send('GET', `/api/scoring-sheets/${id}`, client.headers)).json() as SheetJson;
  const put = async (id: string, client: Client, code: string, figures: object | null, note = '') => {
    const sheet = await get(id, scene.manager);
    const row = sheet.rows.find((item) => item.criterion.code === code);
    return send('PUT', `/api/scoring-sheets/${id}/entries/${criterion(code)}`, client.headers, {
      figures,
      note,
      version: row?.entryVersion ?? 0,
    });
  };
  const advance = async (id: string, client: Client) =>
    send('POST', `/api/scoring-sheets/${id}/advance`, client.headers, {
      version: (await get(id, scene.manager)).version,
    });
  const upload = async (
    id: string,
    client: Client,
    code: string,
    data = pdf,
    options: { version?: number; key?: string } = {},
  ) => {
    const boundary = `----tdkt${crypto.randomUUID()}`;
    const version = options.version ?? (await get(id, scene.manager)).version;
    return t.app.inject({
      method: 'POST',
      url: `/api/scoring-sheets/${id}/entries/${criterion(code)}/evidence?version=${version}`,
      headers: {
        ...client.headers,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(options.key ? { 'idempotency-key': options.key } : {}),
      },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="mo-hinh.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
  };
  /** Takes a sheet through every step to final with the unit's figures. */
  const settle = async (unitId: string, client: Client, figures: Record<string, object>) => {
    const id = sheetOf(unitId);
    for (const [code, value] of Object.entries(figures))
      expect((await put(id, client, code, value)).statusCode).toBe(200);
    for (const actor of [client, scene.head, client, scene.head]) {
      const moved = await advance(id, actor);
      expect(moved.statusCode, moved.body).toBe(200);
    }
  };
  return { scene, send, table, criterion, sheetOf, get, put, advance, upload, settle };
}

describe('a unit self-assesses, the head reviews, the unit explains, the head settles', () => {
  it('keeps every step in the entry history with who and why, each audited', async () => {
    const { scene, send, sheetOf, get, put, advance, upload } = await openedTable();
    const two = sheetOf(scene.two.id);
    const todoKinds = async (client: Client) =>
      ((await send('GET', '/api/todo', client.headers)).json().items as { kind: string; link: string }[])
        .filter((item) => item.link === `/khoi-cum/bang-diem/${two}`)
        .map((item) => item.kind);
    expect(await todoKinds(scene.twoOfficer)).toEqual(['bloc_self_assessment']);
    expect(await todoKinds(scene.head)).toEqual([]);
    const self = await put(two, scene.twoOfficer, '1.1', { actual: 120 });
    expect(self.statusCode, self.body).toBe(200);
    // Alone in the bloc with figures, the unit leads 1.1 and takes its maximum.
    expect(
      self.json().rows.find((row: { criterion: { code: string } }) => row.criterion.code === '1.1').score,
    ).toBe(40);
    expect(await auditOf(t, 'scoring_entry.self', two)).toHaveLength(1);
    expect((await put(two, scene.twoOfficer, 'II', { count: 2 })).statusCode).toBe(200);
    expect((await put(two, scene.twoOfficer, '1.2', { met: true })).statusCode).toBe(200);
    const submitEarly = await expectNothingStored(t.handle, () => advance(two, scene.twoOfficer));
    expect(submitEarly.statusCode).toBe(409);
    expect(submitEarly.json().message).toContain('II');
    const attached = await upload(two, scene.twoOfficer, 'II');
    expect(attached.statusCode, attached.body).toBe(200);
    expect(await auditOf(t, 'scoring_entry.evidence', two)).toHaveLength(1);
    const sheet = await get(two, scene.twoOfficer);
    expect(sheet.total).toBe(70);
    const submitted = await advance(two, scene.twoOfficer);
    expect(submitted.json()).toMatchObject({ status: 'submitted', actions: [] });
    expect(await auditOf(t, 'scoring_sheet.submit', two)).toHaveLength(1);
    expect(await todoKinds(scene.twoOfficer)).toEqual([]);
    expect(await todoKinds(scene.head)).toEqual(['bloc_review']);

    const reviewWithoutReason = await expectNothingStored(t.handle, () =>
      put(two, scene.head, '1.1', { actual: 90 }),
    );
    expect(reviewWithoutReason.statusCode).toBe(400);
    const reviewed = await put(
      two,
      scene.head,
      '1.1',
      { actual: 90 },
      'Số liệu thu ngân sách theo báo cáo quyết toán',
    );
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(await auditOf(t, 'scoring_entry.review', two)).toHaveLength(1);
    expect((await advance(two, scene.head)).json().status).toBe('reviewed');
    expect(await auditOf(t, 'scoring_sheet.review', two)).toHaveLength(1);

    const explained = await put(two, scene.twoOfficer, '1.1', null, 'Đã bổ sung số thu cuối năm.');
    expect(explained.statusCode, explained.body).toBe(200);
    expect(await auditOf(t, 'scoring_entry.explain', two)).toHaveLength(1);
    expect((await advance(two, scene.twoOfficer)).json().status).toBe('explained');
    expect(await auditOf(t, 'scoring_sheet.explain', two)).toHaveLength(1);
    const second = await put(two, scene.head, '1.1', { actual: 100 }, 'Chấp nhận một phần giải trình');
    expect(second.statusCode).toBe(200);
    const final = await advance(two, scene.head);
    expect(final.json()).toMatchObject({ status: 'final', actions: [] });
    expect(await auditOf(t, 'scoring_sheet.finalize', two)).toHaveLength(1);

    const row = (await get(two, scene.twoOfficer)).rows.find((item) => item.criterion.code === '1.1');
    expect(row?.events.map((event) => event.stage)).toEqual([
      'self',
      'review1',
      'explanation',
      'review2',
      'final',
    ]);
    expect(row?.score).toBe(20);
    const events = await t.handle.db.select().from(scoringEvents);
    expect(events.some((event) => event.stage === 'review1' && event.note.startsWith('Số liệu'))).toBe(true);
    const evidence = (await get(two, scene.head)).rows.find((item) => item.criterion.code === 'II')?.evidence;
    expect(evidence).toMatchObject([{ fileName: 'mo-hinh.pdf' }]);
    const file = await send('GET', `/api/scoring-evidence/${evidence?.[0]?.id}`, scene.supervisor.headers);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await send('GET', `/api/scoring-evidence/${evidence?.[0]?.id}`, scene.threeOfficer.headers))
        .statusCode,
    ).toBe(403);
    expect(file.statusCode).toBe(200);
  });

  it('refuses scoring another unit, reviewing without being head, steps out of turn; nothing stored', async () => {
    const { scene, send, sheetOf, put, advance, upload } = await openedTable();
    const two = sheetOf(scene.two.id);
    const three = sheetOf(scene.three.id);
    const cases = [
      () => put(two, scene.threeOfficer, '1.1', { actual: 1 }),
      () => put(two, scene.supervisor, '1.1', { actual: 1 }),
      () => put(two, scene.outsideOfficer, '1.1', { actual: 1 }),
      () => put(two, scene.manager, '1.1', { actual: 1 }),
      () => upload(two, scene.threeOfficer, '1.1'),
    ];
    for (const attempt of cases) expect((await expectNothingStored(t.handle, attempt)).statusCode).toBe(403);
    const headTooEarly = await expectNothingStored(t.handle, () =>
      put(two, scene.head, '1.1', { actual: 1 }, 'Sớm'),
    );
    expect(headTooEarly.statusCode).toBe(409);
    const missing = await expectNothingStored(t.handle, () =>
      put(two, scene.twoOfficer, '1.1', { met: true }),
    );
    expect(missing.statusCode).toBe(400);
    const group = await expectNothingStored(t.handle, () => put(two, scene.twoOfficer, 'I', { actual: 1 }));
    expect(group.statusCode).toBe(400);
    const notDocument = await put(two, scene.twoOfficer, 'II', { count: 1 });
    expect(notDocument.statusCode).toBe(200);
    expect(
      (await expectNothingStored(t.handle, () => upload(two, scene.twoOfficer, 'II', Buffer.from('chữ'))))
        .statusCode,
    ).toBe(415);
    const stale = await expectNothingStored(t.handle, () =>
      send('POST', `/api/scoring-sheets/${two}/advance`, scene.twoOfficer.headers, { version: 99 }),
    );
    expect(stale.statusCode).toBe(409);
    const headSubmits = await expectNothingStored(t.handle, () => advance(two, scene.head));
    expect(headSubmits.statusCode).toBe(403);
    expect((await send('GET', `/api/scoring-sheets/${three}`, scene.twoOfficer.headers)).statusCode).toBe(
      403,
    );
    for (const client of [scene.head, scene.supervisor, scene.manager])
      expect((await send('GET', `/api/scoring-sheets/${three}`, client.headers)).statusCode).toBe(200);
  });
});

describe('ranking and publication', () => {
  it('ranks live for the head, breaks a tie with the vote, publishes and shows the result to every member', async () => {
    const { scene, send, table, sheetOf, settle } = await openedTable();
    const ranking = `/api/scoring-tables/${table.id}/blocs/${scene.bloc.id}/ranking`;
    const publish = `/api/scoring-tables/${table.id}/blocs/${scene.bloc.id}/publish`;
    await settle(scene.one.id, scene.head, { '1.1': { actual: 80 }, '1.2': { met: true } });
    await settle(scene.two.id, scene.twoOfficer, {
      '1.1': { actual: 110 },
      '1.2': { met: true },
      III: { bonusCount: 1 },
    });
    expect(
      (await expectNothingStored(t.handle, () => send('GET', ranking, scene.twoOfficer.headers))).statusCode,
    ).toBe(403);
    const early = await expectNothingStored(t.handle, () =>
      send('POST', publish, scene.head.headers, { version: table.version }),
    );
    expect(early.statusCode).toBe(409);
    await settle(scene.three.id, scene.threeOfficer, {
      '1.1': { actual: 110 },
      '1.2': { met: true },
      III: { bonusCount: 1 },
    });
    const live = await send('GET', ranking, scene.supervisor.headers);
    expect(live.statusCode, live.body).toBe(200);
    expect(live.json()).toMatchObject({ published: false, unresolved: true });
    expect(
      live
        .json()
        .rows.map((row: { unitId: string; rank: number; total: number }) => [
          row.unitId,
          row.rank,
          row.total,
        ]),
    ).toEqual([
      [scene.two.id, 1, 70],
      [scene.three.id, 1, 70],
      [scene.one.id, 3, 36],
    ]);
    const version = live.json().tableVersion;
    const sheetNames = async (client: Client) => {
      const workbook = new ExcelJS.Workbook();
      const file = await send('GET', `/api/scoring-tables/${table.id}/xlsx`, client.headers);
      await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      return workbook;
    };
    expect((await sheetNames(scene.twoOfficer)).worksheets.map((sheet) => sheet.name)).toEqual([
      'Bảng tiêu chí',
    ]);
    const noVote = await expectNothingStored(t.handle, () =>
      send('POST', publish, scene.head.headers, { version }),
    );
    expect(noVote.statusCode).toBe(409);
    const byMember = await expectNothingStored(t.handle, () =>
      send('POST', publish, scene.twoOfficer.headers, {
        version,
        votes: [{ unitId: scene.two.id, votes: 3 }],
      }),
    );
    expect(byMember.statusCode).toBe(403);
    const votes = [
      { unitId: scene.two.id, votes: 1 },
      { unitId: scene.three.id, votes: 2 },
    ];
    const published = await send('POST', publish, scene.head.headers, {
      version,
      votes,
      note: 'Biểu quyết tại hội nghị',
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ published: true, unresolved: false });
    expect(
      published
        .json()
        .rows.map((row: { unitId: string; rank: number; isLeading: boolean }) => [
          row.unitId,
          row.rank,
          row.isLeading,
        ]),
    ).toEqual([
      [scene.three.id, 1, true],
      [scene.two.id, 2, false],
      [scene.one.id, 3, false],
    ]);
    expect(published.json().rows[1].decidedBy).toEqual({ kind: 'vote' });
    const [event] = await auditOf(t, 'scoring_bloc.publish', table.id);
    expect(event?.after).toMatchObject({ blocId: scene.bloc.id, leading: [scene.three.id] });
    const after = await send('GET', `/api/scoring-tables/${table.id}`, scene.twoOfficer.headers);
    expect(after.json()).toMatchObject({ status: 'published', actions: [] });
    expect((await send('GET', ranking, scene.twoOfficer.headers)).json().rows[0].unitId).toBe(scene.three.id);
    expect(
      (await send('GET', `/api/scoring-sheets/${sheetOf(scene.three.id)}`, scene.twoOfficer.headers))
        .statusCode,
    ).toBe(200);
    const workbook = await sheetNames(scene.twoOfficer);
    const results = workbook.getWorksheet('Khối huyện');
    const lines: string[] = [];
    results?.eachRow((row) => lines.push((row.values as unknown[]).slice(1).join('|')));
    expect(lines).toContain('|Tổng điểm||70|70|36');
    expect(lines).toContain('|Xếp hạng||1 (dẫn đầu)|2|3');
    const eligibility = (unitId: string) =>
      send('GET', `/api/units/${unitId}/eligibility?award=CO_BO_TINH&forYear=2024`, scene.manager.headers);
    const leader = await eligibility(scene.three.id);
    expect(leader.statusCode, leader.body).toBe(200);
    expect(leader.json()).toMatchObject({ verdict: 'eligible', facts: { leadsBloc: true } });
    expect((await eligibility(scene.two.id)).json().verdict).toBe('needs_review');
    const lateTarget = await expectNothingStored(t.handle, () =>
      send('PUT', `/api/scoring-tables/${table.id}/targets`, scene.manager.headers, {
        unitId: scene.two.id,
        targets: [],
        version: after.json().version,
      }),
    );
    expect(lateTarget.statusCode).toBe(409);
    const again = await expectNothingStored(t.handle, () =>
      send('POST', publish, scene.head.headers, { version: after.json().version, votes }),
    );
    expect(again.statusCode).toBe(409);
  });
});
