import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoringTables, units } from '#server/platform/db/schema.ts';
import { signIn } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { DEMO_SCORING_TABLE } from './demo-bloc-scoring.ts';
import { seedDemo } from './index.ts';

let t: TestApp;
const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-demo-scoring-'));
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the demo 2024 scoring of the first district cluster (six members)', () => {
  it('is published with Tam Đường leading after a tie broken on criterion 1.1, and Tam Đường is eligible for the Cờ', async () => {
    await seedDemo(t.handle.db, { dataDir, fixedPassword: 'demo-password-123' });
    const [table] = await t.handle.db
      .select()
      .from(scoringTables)
      .where(eq(scoringTables.name, DEMO_SCORING_TABLE));
    expect(table?.status).toBe('published');
    const officer = await signIn(t, 'demo.officer', 'demo-password-123');
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: officer.headers });
    const ranking = await get(`/api/scoring-tables/${table?.id}/blocs/${table?.blocId}/ranking`);
    expect(ranking.statusCode, ranking.body).toBe(200);
    const rows = ranking.json().rows as {
      unitName: string;
      total: number;
      rank: number;
      isLeading: boolean;
      decidedBy: unknown;
    }[];
    expect(rows).toHaveLength(6);
    expect(rows.slice(0, 2).map((row) => [row.unitName, row.total, row.rank, row.isLeading])).toEqual([
      ['Ủy ban nhân dân huyện Tam Đường', 92, 1, true],
      ['Ủy ban nhân dân huyện Than Uyên', 92, 2, false],
    ]);
    expect(rows[1]?.decidedBy).toEqual({ kind: 'criterion', criterionCode: '1.1' });
    const sheets = await get(`/api/scoring-tables/${table?.id}/sheets?limit=50`);
    const muongTe = (sheets.json().items as { id: string; unitName: string }[]).find((item) =>
      item.unitName.includes('Mường Tè'),
    );
    const sheet = (await get(`/api/scoring-sheets/${muongTe?.id}`)).json();
    const models = sheet.rows.find((row: { criterion: { code: string } }) => row.criterion.code === '2.2');
    expect(models.events.map((event: { stage: string }) => event.stage)).toEqual([
      'self',
      'review1',
      'explanation',
      'review2',
      'final',
    ]);
    expect(models.score).toBe(4);
    const [tamDuong] = await t.handle.db.select().from(units).where(eq(units.code, 'LCI.H.TDG'));
    const eligibility = await get(`/api/units/${tamDuong?.id}/eligibility?award=CO_BO_TINH&forYear=2024`);
    expect(eligibility.json()).toMatchObject({ verdict: 'eligible', facts: { leadsBloc: true } });
    const meeting = await get(`/api/scoring-tables/${table?.id}/blocs/${table?.blocId}/meeting`);
    expect(meeting.json()).toMatchObject({
      proposals: [{ unitName: 'Ủy ban nhân dân huyện Tam Đường', award: 'CO_BO_TINH' }],
      quotas: [{ award: 'CO_BO_TINH', limit: 1 }],
      nextHead: { unitName: 'Ủy ban nhân dân huyện Tam Đường' },
      actions: ['minutes', 'proposal', 'create_next_bloc'],
    });
  }, 120_000);
});
