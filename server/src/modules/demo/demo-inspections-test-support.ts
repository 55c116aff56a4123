import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { councils, inspectionPlans, units } from '#server/platform/db/schema.ts';
import { signIn } from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';
import { DEMO_INSPECTION_TITLE } from './demo-inspections.ts';

/**
 * The checks of the demo's 2024 inspection of Lai Châu's council (issue 13 item 7), run by
 * demo.api.test.ts after its seed (the same shared database).
 */
export function demoInspectionChecks(app: () => TestApp, PASSWORD: string) {
  describe('demo inspection', () => {
    it('has the 2024 inspection with two targets, findings, and one remedy outstanding', async () => {
      const t = app();
      // The inspections tests give their plans the same title: the demo's is the one of Lai Châu's council.
      const [found] = await t.handle.db
        .select({ plan: inspectionPlans })
        .from(inspectionPlans)
        .innerJoin(councils, eq(councils.id, inspectionPlans.councilId))
        .innerJoin(units, eq(units.id, councils.unitId))
        .where(and(eq(inspectionPlans.title, DEMO_INSPECTION_TITLE), eq(units.code, 'LCI')));
      const plan = found?.plan;
      expect(plan).toMatchObject({ year: 2024, status: 'approved' });
      const officer = await signIn(t, 'demo.officer', PASSWORD);
      const get = (url: string, headers = officer.headers) => t.app.inject({ method: 'GET', url, headers });
      const view = (await get(`/api/inspections/${plan?.id}`)).json();
      expect(view).toMatchObject({ targetCount: 2, overdueCount: 1, isFullView: true });
      expect(view.team.map((member: { role: string }) => member.role)).toEqual([
        'lead',
        'member',
        'secretary',
      ]);
      const targets = (await get(`/api/inspections/${plan?.id}/targets`)).json().items;
      expect(targets.map((target: { unitName: string }) => target.unitName)).toEqual([
        'Ủy ban nhân dân xã Tam Đường',
        'Sở Y tế tỉnh Lai Châu',
      ]);
      const tamDuong = (await get(`/api/inspection-targets/${targets[0].id}`)).json();
      expect(tamDuong.findings).toHaveLength(4);
      expect(tamDuong.remedies).toEqual([expect.objectContaining({ status: 'done', isOverdue: false })]);
      const health = (await get(`/api/inspection-targets/${targets[1].id}`)).json();
      expect(health.remedies).toEqual([expect.objectContaining({ status: 'in_progress', isOverdue: true })]);
      const commune = await signIn(t, 'demo.officer.tamduong', PASSWORD);
      const own = (await get(`/api/inspection-targets/${targets[0].id}`, commune.headers)).json();
      expect(own.actions).toEqual(['follow_up']);
      expect((await get(`/api/inspection-targets/${targets[1].id}`, commune.headers)).statusCode).toBe(403);
      const notice = await get(`/api/inspection-targets/${targets[0].id}/notice`);
      expect(notice.statusCode).toBe(200);
    });
  });
}
