import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  blocMembers,
  blocs,
  scoringEntries,
  scoringPublications,
  scoringSheets,
  scoringTables,
} from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildScoringScene, createTable, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

/**
 * An opened table whose three sheets are settled (written straight to the store: the sheet flow has
 * its own tests): Huyện Hai 70 (leads), Huyện Ba 38, Huyện Một 16.
 */
async function settledTable() {
  const scene = await buildScoringScene(t);
  const send = sender(t);
  const { table, criterion } = await createTable(t, scene, { open: true });
  const figures: [string, Record<string, object>][] = [
    [scene.one.id, { '1.1': { actual: 80 } }],
    [scene.two.id, { '1.1': { actual: 110 }, '1.2': { met: true }, III: { bonusCount: 1 } }],
    [scene.three.id, { '1.1': { actual: 90 }, '1.2': { met: true } }],
  ];
  for (const [unitId, byCode] of figures) {
    const [sheet] = await t.handle.db
      .update(scoringSheets)
      .set({ status: 'final' })
      .where(and(eq(scoringSheets.tableId, table.id), eq(scoringSheets.unitId, unitId)))
      .returning();
    await t.handle.db.insert(scoringEntries).values(
      Object.entries(byCode).map(([code, value]) => ({
        sheetId: sheet?.id as string,
        criterionId: criterion(code),
        selfFigures: value,
        figures: value,
      })),
    );
  }
  const base = `/api/scoring-tables/${table.id}`;
  const bloc = `${base}/blocs/${scene.bloc.id}`;
  const version = async () =>
    (await t.handle.db.select().from(scoringTables).where(eq(scoringTables.id, table.id)))[0]
      ?.version as number;
  const publish = async (body: object) =>
    send('POST', `${bloc}/publish`, scene.head.headers, { version: await version(), ...body });
  const documentXml = async (bytes: Buffer) =>
    (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
  return { scene, send, table, base, bloc, version, publish, documentXml };
}

describe('proposal quotas and the meeting record', () => {
  it('refuses proposals over a quota, stores the meeting with the result, gives its minutes and proposal', async () => {
    const { scene, send, table, base, bloc, version, publish, documentXml } = await settledTable();
    const quotas = [
      { award: 'CO_BO_TINH', maxCount: 1 },
      { award: 'BK_BO_TINH', maxPercent: 50 },
    ];
    const byMember = await expectNothingStored(t.handle, () =>
      send('PUT', `${base}/quotas`, scene.twoOfficer.headers, { quotas, version: table.version }),
    );
    expect(byMember.statusCode).toBe(403);
    const empty = await expectNothingStored(t.handle, () =>
      send('PUT', `${base}/quotas`, scene.manager.headers, {
        quotas: [{ award: 'CO_CP' }],
        version: table.version,
      }),
    );
    expect(empty.statusCode).toBe(400);
    const set = await send('PUT', `${base}/quotas`, scene.manager.headers, {
      quotas,
      version: table.version,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ editable: true, quotas: [{ maxCount: 1 }, { maxPercent: 50 }] });
    expect(await auditOf(t, 'scoring_table.quotas', table.id)).toHaveLength(1);

    const overQuota = await expectNothingStored(t.handle, () =>
      publish({
        proposals: [
          { unitId: scene.two.id, award: 'BK_BO_TINH' },
          { unitId: scene.three.id, award: 'BK_BO_TINH' },
        ],
      }),
    );
    expect(overQuota.statusCode).toBe(400);
    expect(overQuota.json().message).toBe(
      'Số đề nghị tặng Bằng khen của Bộ, ban, ngành, tỉnh (2) vượt hạn mức của bảng tiêu chí: tối đa 1 (không quá 50% của 3 tập thể trong khối/cụm).',
    );
    const flagForSecond = await expectNothingStored(t.handle, () =>
      publish({ proposals: [{ unitId: scene.three.id, award: 'CO_BO_TINH' }] }),
    );
    expect(flagForSecond.statusCode).toBe(400);
    expect(flagForSecond.json().message).toContain('dẫn đầu');
    const outsider = await expectNothingStored(t.handle, () => publish({ nextHeadUnitId: scene.outside.id }));
    expect(outsider.statusCode).toBe(400);

    const record = {
      presentUnitIds: [scene.one.id, scene.two.id],
      proposals: [
        { unitId: scene.two.id, award: 'CO_BO_TINH' },
        { unitId: scene.two.id, award: 'BK_BO_TINH' },
      ],
      nextHeadUnitId: scene.three.id,
      nextDeputyUnitId: scene.one.id,
    };
    const published = await publish({ ...record, note: 'Hội nghị tổng kết khối' });
    expect(published.statusCode, published.body).toBe(200);
    const [stored] = await t.handle.db
      .select()
      .from(scoringPublications)
      .where(eq(scoringPublications.tableId, table.id));
    expect(stored).toMatchObject({ ...record, nextBlocId: null });
    const [event] = await auditOf(t, 'scoring_bloc.publish', table.id);
    expect(event?.after).toMatchObject({ nextHeadUnitId: scene.three.id, leading: [scene.two.id] });

    const meeting = async (client: typeof scene.head) =>
      (await send('GET', `${bloc}/meeting`, client.headers)).json();
    expect(await meeting(scene.twoOfficer)).toMatchObject({
      published: true,
      present: [{ unitName: 'Huyện Một' }, { unitName: 'Huyện Hai' }],
      proposals: [{ unitName: 'Huyện Hai', award: 'CO_BO_TINH' }, { award: 'BK_BO_TINH' }],
      quotas: [
        { award: 'CO_BO_TINH', limit: 1 },
        { award: 'BK_BO_TINH', limit: 1 },
      ],
      nextHead: { unitName: 'Huyện Ba' },
      nextDeputy: { unitName: 'Huyện Một' },
      actions: [],
    });
    expect((await meeting(scene.head)).actions).toEqual(['minutes', 'proposal']);
    expect((await meeting(scene.manager)).actions).toEqual(['minutes', 'proposal', 'create_next_bloc']);
    const locked = await expectNothingStored(t.handle, async () =>
      send('PUT', `${base}/quotas`, scene.manager.headers, { quotas: [], version: await version() }),
    );
    expect(locked.statusCode).toBe(409);

    for (const client of [scene.head, scene.supervisor, scene.manager]) {
      const minutes = await send('GET', `${bloc}/minutes`, client.headers);
      expect(minutes.statusCode, minutes.body).toBe(200);
      expect(minutes.headers['content-type']).toContain('wordprocessingml');
    }
    const minutesXml = await documentXml(
      (await send('GET', `${bloc}/minutes`, scene.head.headers)).rawPayload,
    );
    for (const text of [
      'BIÊN BẢN',
      'BẢNG TỔNG HỢP ĐIỂM VÀ XẾP HẠNG',
      'Có mặt: 2 (Huyện Một, Huyện Hai)',
      'Dẫn đầu',
    ])
      expect(minutesXml).toContain(text);
    expect(minutesXml).toContain('Khối trưởng năm 2025: Huyện Ba; khối phó: Huyện Một.');
    const proposal = await send('GET', `${bloc}/proposal`, scene.supervisor.headers);
    expect(proposal.statusCode, proposal.body).toBe(200);
    const proposalXml = await documentXml(proposal.rawPayload);
    for (const text of ['TỜ TRÌNH', 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG', 'Cờ thi đua của Bộ, ban, ngành, tỉnh'])
      expect(proposalXml).toContain(text);
    for (const path of ['minutes', 'proposal'])
      expect((await send('GET', `${bloc}/${path}`, scene.twoOfficer.headers)).statusCode).toBe(403);

    const byHead = await expectNothingStored(t.handle, () =>
      send('POST', `${bloc}/next-bloc`, scene.head.headers, {}),
    );
    expect(byHead.statusCode).toBe(403);
    const key = { ...scene.manager.headers, 'idempotency-key': crypto.randomUUID() };
    const next = await send('POST', `${bloc}/next-bloc`, key, {});
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({ year: 2025, name: 'Khối huyện' });
    const members = await t.handle.db
      .select()
      .from(blocMembers)
      .where(eq(blocMembers.blocId, next.json().blocId))
      .orderBy(blocMembers.position);
    expect(members.map((member) => [member.unitId, member.role])).toEqual([
      [scene.one.id, 'deputy'],
      [scene.two.id, 'member'],
      [scene.three.id, 'head'],
    ]);
    expect(await auditOf(t, 'bloc.create', next.json().blocId)).toHaveLength(1);
    const [rotation] = await auditOf(t, 'scoring_bloc.next_bloc', table.id);
    expect(rotation?.after).toMatchObject({ nextBlocId: next.json().blocId, year: 2025 });
    expect((await meeting(scene.manager)).nextBlocId).toBe(next.json().blocId);
    const repeated = await send('POST', `${bloc}/next-bloc`, key, {});
    expect(repeated.json()).toEqual(next.json());
    const again = await expectNothingStored(t.handle, () =>
      send('POST', `${bloc}/next-bloc`, scene.manager.headers, {}),
    );
    expect(again.statusCode).toBe(409);
  });

  it('has no documents before publication, no proposal without proposals, no next bloc without a head or when it exists', async () => {
    const { scene, send, bloc, publish } = await settledTable();
    for (const path of ['minutes', 'proposal'])
      expect((await send('GET', `${bloc}/${path}`, scene.head.headers)).statusCode).toBe(409);
    const early = await expectNothingStored(t.handle, () =>
      send('POST', `${bloc}/next-bloc`, scene.manager.headers, {}),
    );
    expect(early.statusCode).toBe(409);
    const published = await publish({ nextHeadUnitId: scene.two.id });
    expect(published.statusCode, published.body).toBe(200);
    expect((await send('GET', `${bloc}/minutes`, scene.head.headers)).statusCode).toBe(200);
    const noProposal = await send('GET', `${bloc}/proposal`, scene.head.headers);
    expect(noProposal.statusCode).toBe(409);
    expect(noProposal.json().message).toContain('không đề nghị');
    await t.handle.db.insert(blocs).values({ councilId: scene.council.id, year: 2025, name: 'Khối huyện' });
    expect((await send('GET', `${bloc}/meeting`, scene.manager.headers)).json().actions).toEqual(['minutes']);
    const taken = await expectNothingStored(t.handle, () =>
      send('POST', `${bloc}/next-bloc`, scene.manager.headers, {}),
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toContain('Năm 2025 đã có khối/cụm "Khối huyện"');
  });
});
