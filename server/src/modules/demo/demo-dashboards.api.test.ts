import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, dashboardSettings, units } from '#server/platform/db/schema.ts';
import { signIn } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { seedDemo } from './index.ts';

let t: TestApp;
const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-demo-dashboards-'));
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Row {
  group: string;
  awards: number;
  awardBase: number;
  awardShare: number | null;
  staff: number;
  staffBase: number;
  staffShare: number | null;
}

describe('the demo dashboards of Lai Châu', () => {
  it('show the real 2025 shares of the demo’s awards against its staff, with the office’s thresholds and a note', async () => {
    await seedDemo(t.handle.db, { dataDir, fixedPassword: 'demo-password-123' });
    const [province] = await t.handle.db.select().from(units).where(eq(units.code, 'LCI'));
    const officer = await signIn(t, 'demo.officer', 'demo-password-123');
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: officer.headers });
    const reply = await get(`/api/dashboards/${province?.id}/fairness?year=2025`);
    expect(reply.statusCode, reply.body).toBe(200);
    const view = reply.json();
    expect(view.settings).toMatchObject({ source: 'own', womenGap: 2, smallCollectiveSize: 15, version: 1 });
    const rows = Object.fromEntries((view.rows as Row[]).map((row) => [row.group, row]));
    for (const group of ['direct_worker', 'leader', 'women']) {
      const row = rows[group] as Row;
      // Non-trivial: hundreds of awards and people, each group a real part of both, never all.
      expect(row.awardBase, group).toBeGreaterThan(100);
      expect(row.staffBase, group).toBeGreaterThan(300);
      expect(row.awards, group).toBeGreaterThan(0);
      expect(row.awardShare, group).toBeGreaterThan(5);
      expect(row.awardShare, group).toBeLessThan(95);
      expect(row.staffShare, group).toBeGreaterThan(5);
      expect(row.staffShare, group).toBeLessThan(95);
    }
    expect(rows.small_collective?.staffBase).toBeGreaterThan(10);
    const women = rows.women as Row;
    const isWomenBelow = (women.awardShare ?? 0) < (women.staffShare ?? 0) - 2;
    expect(view.notes.some((note: string) => note.startsWith('Tỷ lệ khen thưởng nữ'))).toBe(isWomenBelow);
    const awards = await get(`/api/dashboards/${province?.id}/awards?year=2025`);
    expect(awards.json().total).toBe(women.awardBase + (rows.small_collective?.awardBase ?? 0));
    expect(awards.json().byLevel.length).toBeGreaterThan(1);
    const [settings] = await t.handle.db
      .select()
      .from(dashboardSettings)
      .where(eq(dashboardSettings.unitId, province?.id ?? ''));
    const events = await t.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'dashboard_settings.update'),
          eq(auditEvents.entityId, settings?.id ?? ''),
        ),
      );
    expect(events).toHaveLength(1);
    const scores = await get(`/api/dashboards/${province?.id}/reports?year=2024`);
    expect(scores.json().blocResults.length).toBeGreaterThan(0);
  });
});
