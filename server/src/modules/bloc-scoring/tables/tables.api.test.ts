import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  blocs,
  scoringCriteria,
  scoringSheets,
  scoringTables,
  scoringTargets,
} from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildScoringScene, createTable, sender, tableBody } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const criteriaOf = (tableId: string) =>
  t.handle.db
    .select()
    .from(scoringCriteria)
    .where(eq(scoringCriteria.tableId, tableId))
    .orderBy(scoringCriteria.position);

describe('POST /api/scoring-tables', () => {
  it('drafts a table with its criteria tree for the council officer, audited', async () => {
    const scene = await buildScoringScene(t);
    const { table } = await createTable(t, scene);
    expect(table).toMatchObject({
      status: 'draft',
      version: 1,
      year: 2024,
      actions: ['edit', 'open', 'set_targets'],
    });
    expect(table.criteria.map((row: { code: string; depth: number }) => `${row.code}:${row.depth}`)).toEqual([
      'I:0',
      '1.1:1',
      '1.2:1',
      'II:0',
      'III:0',
    ]);
    const stored = await criteriaOf(table.id);
    expect(stored.find((row) => row.code === '1.1')?.parentId).toBe(
      stored.find((row) => row.code === 'I')?.id,
    );
    const [event] = await auditOf(t, 'scoring_table.create', table.id);
    expect(event?.after).toMatchObject({ year: 2024, status: 'draft', criteria: 5 });
  });

  it('refuses a district officer, another province, a bad tree, a bad rule or text; nothing stored', async () => {
    const scene = await buildScoringScene(t);
    const send = sender(t);
    const body = tableBody(scene);
    const [group, quantitative, qualitative, fixed, bonus] = body.criteria;
    const cases = [
      [scene.head, body, 403],
      [scene.otherOfficer, body, 403],
      [scene.manager, { ...body, criteria: [quantitative, group] }, 400],
      [
        scene.manager,
        { ...body, criteria: [group, quantitative, { ...qualitative, parentCode: '1.1' }] },
        400,
      ],
      [scene.manager, { ...body, criteria: [group, group] }, 400],
      [
        scene.manager,
        { ...body, criteria: [fixed, bonus, { ...fixed, code: 'IV', pointsPerItem: null }] },
        400,
      ],
      [scene.manager, { ...body, criteria: [{ ...bonus, minPoints: 20 }] }, 400],
      [scene.manager, { ...body, tieBreak: [{ kind: 'criterion', criterionCode: '9.9' }] }, 400],
      [scene.manager, { ...body, criteria: [{ ...qualitative, parentCode: null, maxPoints: 1.005 }] }, 400],
      [scene.manager, { ...body, name: 'Bảng\u0007' }, 400],
      [scene.manager, { ...body, year: 2025 }, 400],
    ] as const;
    for (const [client, payload, status] of cases) {
      const reply = await expectNothingStored(t.handle, () =>
        send(
          'POST',
          '/api/scoring-tables',
          { ...client.headers, 'idempotency-key': crypto.randomUUID() },
          payload,
        ),
      );
      expect(reply.statusCode, reply.body).toBe(status);
    }
  });
});

describe('PATCH /api/scoring-tables/:id', () => {
  it('replaces the criteria while draft, keeping the ids and targets of the codes that stay', async () => {
    const scene = await buildScoringScene(t);
    const send = sender(t);
    const { table, criterion } = await createTable(t, scene);
    const targeted = await send('PUT', `/api/scoring-tables/${table.id}/targets`, scene.manager.headers, {
      unitId: scene.two.id,
      targets: [{ criterionId: criterion('1.1'), target: 50 }],
      version: table.version,
    });
    expect(targeted.statusCode, targeted.body).toBe(200);
    expect(await auditOf(t, 'scoring_table.targets', table.id)).toHaveLength(1);
    const [group, quantitative] = tableBody(scene).criteria;
    const changed = await send('PATCH', `/api/scoring-tables/${table.id}`, scene.manager.headers, {
      name: 'Bảng đã sửa',
      tieBreak: [{ kind: 'vote' }],
      criteria: [group, { ...quantitative, maxPoints: 60 }],
      version: targeted.json().version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Bảng đã sửa', version: 3 });
    const stored = await criteriaOf(table.id);
    expect(stored.map((row) => row.code)).toEqual(['I', '1.1']);
    expect(stored[1]?.id).toBe(criterion('1.1'));
    expect(stored[1]?.maxPoints).toBe(60);
    const targets = await t.handle.db
      .select()
      .from(scoringTargets)
      .where(eq(scoringTargets.criterionId, criterion('1.1')));
    expect(targets).toHaveLength(1);
    expect(await auditOf(t, 'scoring_table.update', table.id)).toHaveLength(1);
  });

  it('refuses a stale version, a member unit, a table opened for scoring; nothing stored', async () => {
    const scene = await buildScoringScene(t);
    const send = sender(t);
    const { table } = await createTable(t, scene, { open: true });
    const draft = (await createTable(t, scene)).table;
    const cases = [
      [draft.id, scene.manager, { name: 'Cũ', version: draft.version + 1 }, 409],
      [draft.id, scene.head, { name: 'Khối trưởng', version: draft.version }, 403],
      [table.id, scene.manager, { leadingCount: 2, version: table.version }, 409],
      [table.id, scene.manager, { name: 'Đã mở', tieBreak: [], version: table.version }, 409],
      [table.id, scene.manager, { name: 'Cũ', version: table.version + 1 }, 409],
      [table.id, scene.head, { name: 'Khối trưởng', version: table.version }, 403],
    ] as const;
    for (const [id, client, payload, status] of cases) {
      const reply = await expectNothingStored(t.handle, () =>
        send('PATCH', `/api/scoring-tables/${id}`, client.headers, payload),
      );
      expect(reply.statusCode, reply.body).toBe(status);
    }
  });

  it('renames a table once scoring runs, audited; nothing else moves', async () => {
    const scene = await buildScoringScene(t);
    const send = sender(t);
    const { table } = await createTable(t, scene, { open: true });
    const seen = await send('GET', `/api/scoring-tables/${table.id}`, scene.manager.headers);
    expect(seen.json().actions).toEqual(expect.arrayContaining(['rename']));
    expect(seen.json().actions).not.toContain('edit');
    const renamed = await send('PATCH', `/api/scoring-tables/${table.id}`, scene.manager.headers, {
      name: 'Bảng chấm điểm năm 2024 (đã đổi tên)',
      version: table.version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'Bảng chấm điểm năm 2024 (đã đổi tên)',
      status: 'open',
      leadingCount: table.leadingCount,
      version: table.version + 1,
    });
    const [stored] = await t.handle.db.select().from(scoringTables).where(eq(scoringTables.id, table.id));
    expect(stored?.name).toBe('Bảng chấm điểm năm 2024 (đã đổi tên)');
    expect(stored?.tieBreak).toEqual(table.tieBreak);
    const audits = await auditOf(t, 'scoring_table.update', table.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]?.after).toMatchObject({ name: 'Bảng chấm điểm năm 2024 (đã đổi tên)' });
  });
});

describe('POST /api/scoring-tables/:id/copy and /open', () => {
  it("copies last year's table into a new draft with its quotas and report links, audited", async () => {
    const scene = await buildScoringScene(t);
    const send = sender(t);
    const { table } = await createTable(t, scene, { open: true });
    const quotas = [{ award: 'CO_BO_TINH' as const, maxCount: 1, maxPercent: null }];
    await t.handle.db
      .update(scoringTables)
      .set({ quotas, indicatorLinks: { '1.1': 'THU_NS' } })
      .where(eq(scoringTables.id, table.id));
    const [nextYear] = await t.handle.db
      .insert(blocs)
      .values({ councilId: scene.council.id, year: 2025, name: scene.bloc.name })
      .returning();
    const copied = await send(
      'POST',
      `/api/scoring-tables/${table.id}/copy`,
      { ...scene.manager.headers, 'idempotency-key': crypto.randomUUID() },
      { year: 2025 },
    );
    expect(copied.statusCode, copied.body).toBe(201);
    const copy = copied.json();
    expect(copy).toMatchObject({
      year: 2025,
      status: 'draft',
      blocId: nextYear?.id,
      name: 'Bảng chấm điểm thi đua Khối huyện năm 2025',
    });
    expect(copy.criteria.map((row: { code: string }) => row.code)).toEqual(
      table.criteria.map((row: { code: string }) => row.code),
    );
    const [event] = await auditOf(t, 'scoring_table.copy', copy.id);
    expect(event?.after).toMatchObject({ sourceTableId: table.id });
    const [stored] = await t.handle.db.select().from(scoringTables).where(eq(scoringTables.id, copy.id));
    expect(stored).toMatchObject({ quotas, indicatorLinks: { '1.1': 'THU_NS' } });
  });

  it('opens a draft: one sheet per member unit, audited; refuses a member unit and a second opening', async () => {
    const scene = await buildScoringScene(t);
    const send = sender(t);
    const { table } = await createTable(t, scene);
    const asHead = await expectNothingStored(t.handle, () =>
      send('POST', `/api/scoring-tables/${table.id}/open`, scene.head.headers, { version: table.version }),
    );
    expect(asHead.statusCode).toBe(403);
    const opened = await send('POST', `/api/scoring-tables/${table.id}/open`, scene.manager.headers, {
      version: table.version,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'open', actions: ['rename', 'set_targets', 'publish'] });
    const sheets = await t.handle.db.select().from(scoringSheets).where(eq(scoringSheets.tableId, table.id));
    expect(sheets.map((sheet) => sheet.unitId).sort()).toEqual(
      [scene.one.id, scene.two.id, scene.three.id].sort(),
    );
    expect(await auditOf(t, 'scoring_table.open', table.id)).toHaveLength(1);
    const again = await expectNothingStored(t.handle, () =>
      send('POST', `/api/scoring-tables/${table.id}/open`, scene.manager.headers, {
        version: opened.json().version,
      }),
    );
    expect(again.statusCode).toBe(409);
    const [row] = await t.handle.db.select().from(scoringTables).where(eq(scoringTables.id, table.id));
    expect(row?.status).toBe('open');
  });

  it('refuses a target on a qualitative criterion or for a unit outside the bloc; nothing stored', async () => {
    const scene = await buildScoringScene(t);
    const send = sender(t);
    const { table, criterion } = await createTable(t, scene);
    for (const payload of [
      {
        unitId: scene.two.id,
        targets: [{ criterionId: criterion('1.2'), target: 1 }],
        version: table.version,
      },
      {
        unitId: scene.outside.id,
        targets: [{ criterionId: criterion('1.1'), target: 1 }],
        version: table.version,
      },
      {
        unitId: scene.two.id,
        targets: [{ criterionId: criterion('1.1'), target: 0 }],
        version: table.version,
      },
    ]) {
      const reply = await expectNothingStored(t.handle, () =>
        send('PUT', `/api/scoring-tables/${table.id}/targets`, scene.manager.headers, payload),
      );
      expect(reply.statusCode, reply.body).toBe(400);
    }
  });
});

describe('GET /api/scoring-tables', () => {
  it('lists a table for its managers, the head, members and the supervisor, not for outsiders', async () => {
    const scene = await buildScoringScene(t);
    const send = sender(t);
    const { table } = await createTable(t, scene, { open: true });
    for (const client of [scene.manager, scene.head, scene.twoOfficer, scene.supervisor]) {
      const list = await send('GET', '/api/scoring-tables?year=2024', client.headers);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items.map((item: { id: string }) => item.id)).toContain(table.id);
    }
    for (const client of [scene.outsideOfficer, scene.otherOfficer]) {
      const list = await send('GET', '/api/scoring-tables', client.headers);
      expect(list.json().items.map((item: { id: string }) => item.id)).not.toContain(table.id);
      expect((await send('GET', `/api/scoring-tables/${table.id}`, client.headers)).statusCode).toBe(403);
    }
  });
});
