import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { statisticalYearOf } from '#server/modules/statistics/index.ts';
import { decisions, units } from '#server/platform/db/schema.ts';
import { signIn } from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';
import { DEMO_DECISION_TITLE } from './demo-round-decision.ts';

type Cells = { cells: { row: string; column: string; value: number }[] };
const cellOf = (body: Cells, row: string, column: string) =>
  body.cells.find((cell) => cell.row === row && cell.column === column)?.value;

/**
 * The checks of Lai Châu's statutory statistics (issue 15 item 6), run by demo.api.test.ts after its
 * seed (the same shared database).
 */
export function demoStatisticsChecks(app: () => TestApp, PASSWORD: string) {
  describe('demo statistics', () => {
    it("shows Lai Châu's 2025 awards on biểu 0603, and the reward flow's decision in its own statistical year", async () => {
      const t = app();
      const client = await signIn(t, 'demo.officer', PASSWORD);
      const [province] = await t.handle.db.select().from(units).where(eq(units.code, 'LCI'));
      const get = async (url: string) => {
        const reply = await t.app.inject({ method: 'GET', url, headers: client.headers });
        expect(reply.statusCode, reply.body).toBe(200);
        return reply.json();
      };
      const form = await get(`/api/statistics/forms/0603?year=2025&unitId=${province?.id}`);
      expect(cellOf(form, '02', '2')).toBe(3);
      expect(cellOf(form, '05', '5')).toBe(3);
      expect(cellOf(form, '01', '1')).toBeGreaterThanOrEqual(6);
      const behind = await get(
        `/api/statistics/forms/0603/records?year=2025&unitId=${province?.id}&row=02&column=2`,
      );
      expect(behind.items.map((item: { decisionNumber: string }) => item.decisionNumber)).toEqual([
        '95/QĐ-UBND',
        '95/QĐ-UBND',
        '95/QĐ-UBND',
      ]);
      const [issued] = await t.handle.db
        .select({ number: decisions.number, date: decisions.decisionDate })
        .from(decisions)
        .where(eq(decisions.title, DEMO_DECISION_TITLE));
      expect(issued?.number).toBeTruthy();
      const year = statisticalYearOf(String(issued?.date));
      const records = await get(
        `/api/statistics/forms/${year >= 2023 ? '0603' : '0703'}/records?year=${year}&unitId=${province?.id}&row=01&column=1&limit=200`,
      );
      const flow = records.items.filter(
        (item: { decisionNumber: string }) => item.decisionNumber === issued?.number,
      );
      expect(flow.length).toBeGreaterThan(0);
    });
  });
}
