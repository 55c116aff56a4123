import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, fundEntries } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { decisionSetting, draftFor, issued, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const key = (headers: Record<string, string>) => ({ ...headers, 'idempotency-key': randomUUID() });

describe('reward fund', () => {
  it('records income and spending, pays an issued decision once, and balances the year', async () => {
    const { province, person, second, officer, stranger } = await decisionSetting(t);
    const send = sender(t);
    const line = (body: object) =>
      send('POST', '/api/fund-entries', key(officer.headers), { unitId: province.id, ...body });
    const earlier = await line({
      kind: 'income',
      category: 'budget',
      entryDate: '2024-03-01',
      amount: 5_000_000,
      description: 'Dư quỹ 2024',
    });
    expect(earlier.statusCode, earlier.body).toBe(201);
    expect(await auditOf('fund.entry_create', earlier.json().id)).toHaveLength(1);
    expect(
      (
        await line({
          kind: 'income',
          category: 'budget',
          entryDate: '2025-02-01',
          amount: 45_000_000,
          description: 'Ngân sách cấp năm 2025',
        })
      ).statusCode,
    ).toBe(201);
    const organising = await line({
      kind: 'spending',
      category: 'organising',
      entryDate: '2025-04-01',
      amount: 2_000_000,
      description: 'Hội nghị phát động',
    });
    expect(organising.statusCode).toBe(201);

    const wrongCategory = await expectNothingStored(t.handle, () =>
      line({
        kind: 'income',
        category: 'organising',
        entryDate: '2025-04-01',
        amount: 1,
        description: 'Sai loại',
      }),
    );
    expect(wrongCategory.statusCode).toBe(400);
    const outside = await expectNothingStored(t.handle, () =>
      send('POST', '/api/fund-entries', key(stranger.headers), {
        unitId: province.id,
        kind: 'income',
        category: 'budget',
        entryDate: '2025-01-01',
        amount: 1,
        description: 'Ngoài phạm vi',
      }),
    );
    expect(outside.statusCode).toBe(403);

    const draft = await draftFor(t, officer.headers, province.id, [person.id, second.id]);
    const early = await expectNothingStored(t.handle, () =>
      send('POST', `/api/decisions/${draft.id}/payouts`, officer.headers, { entryDate: '2025-12-20' }),
    );
    expect(early.statusCode).toBe(409);
    const decision = await issued(t, officer.headers, draft);
    const [paid, again] = await Promise.all([
      send('POST', `/api/decisions/${decision.id}/payouts`, officer.headers, { entryDate: '2025-12-20' }),
      send('POST', `/api/decisions/${decision.id}/payouts`, officer.headers, { entryDate: '2025-12-20' }),
    ]);
    const replies = [paid, again].sort((a, b) => a.statusCode - b.statusCode);
    expect(replies.map((reply) => reply.statusCode)).toEqual([200, 409]);
    expect(replies[0]?.json()).toEqual({ paid: 2, amount: 7_020_000, withoutAmount: 0 });
    expect(replies[1]?.json().message).toMatch(/không chi lần thứ hai/);
    expect(await auditOf('fund.payout', decision.id)).toHaveLength(1);
    const third = await expectNothingStored(t.handle, () =>
      send('POST', `/api/decisions/${decision.id}/payouts`, officer.headers, { entryDate: '2025-12-21' }),
    );
    expect(third.statusCode).toBe(409);
    const payoutLines = await t.handle.db
      .select()
      .from(fundEntries)
      .where(eq(fundEntries.decisionId, decision.id));
    expect(payoutLines.map((row) => [row.kind, row.amount, row.year])).toEqual([
      ['payout', 3_510_000, 2025],
      ['payout', 3_510_000, 2025],
    ]);

    const ledger = await send('GET', `/api/fund?unitId=${province.id}&year=2025&limit=2`, officer.headers);
    expect(ledger.statusCode, ledger.body).toBe(200);
    expect(ledger.json().totals).toEqual({
      opening: 5_000_000,
      income: 45_000_000,
      payouts: 7_020_000,
      organising: 2_000_000,
      otherSpending: 0,
      balance: 5_000_000 + 45_000_000 - 7_020_000 - 2_000_000,
      organisingShare: 0.04,
    });
    expect(ledger.json().items).toHaveLength(2);
    expect(ledger.json().items[0]).toMatchObject({ kind: 'payout', decisionNumber: decision.number });
    const rest = await send(
      'GET',
      `/api/fund?unitId=${province.id}&year=2025&limit=2&after=${ledger.json().next}`,
      officer.headers,
    );
    expect(rest.json().items.map((item: { category: string }) => item.category)).toEqual([
      'organising',
      'budget',
    ]);

    const payoutEdit = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/fund-entries/${payoutLines[0]?.id}`, officer.headers, { amount: 1, version: 1 }),
    );
    expect(payoutEdit.statusCode).toBe(409);
    const id = organising.json().id;
    const stale = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/fund-entries/${id}`, officer.headers, { amount: 3_000_000, version: 2 }),
    );
    expect(stale.statusCode).toBe(409);
    const changed = await send('PATCH', `/api/fund-entries/${id}`, officer.headers, {
      amount: 3_000_000,
      version: 1,
    });
    expect(changed.json()).toEqual({ id, version: 2 });
    expect(await auditOf('fund.entry_update', id)).toHaveLength(1);

    const report = await send('GET', `/api/fund/report?unitId=${province.id}&year=2025`, officer.headers);
    expect(report.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const rows: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).join('|')));
    expect(rows).toContain('IV|Số dư cuối năm|39980000');
    expect(rows).toContain(`+|Quyết định số ${decision.number} ngày 15/12/2025 (2 người, tập thể)|7020000`);

    const removed = await send('DELETE', `/api/fund-entries/${id}?version=2`, officer.headers);
    expect(removed.statusCode).toBe(200);
    expect(await t.handle.db.select().from(fundEntries).where(eq(fundEntries.id, id))).toEqual([]);
    expect(await auditOf('fund.entry_delete', id)).toHaveLength(1);
  });
});
