import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, decisions, movements, users } from '#server/platform/db/schema.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';
import { DEMO_DECISION_TITLE } from './demo-round-decision.ts';

/**
 * The checks of what the demo publishes on the public portal (issue 15 item 2), run by
 * demo.api.test.ts after its seed (the same shared database): the decision, the office-culture
 * movement and three exemplars, published by the province's officer (audited), read without sign-in.
 */
export function demoPortalChecks(app: () => TestApp) {
  describe('demo portal', () => {
    it('publishes a decision, the office-culture movement and exemplars, read by a visitor without an account', async () => {
      const t = app();
      const [decision] = await t.handle.db
        .select()
        .from(decisions)
        .where(eq(decisions.title, DEMO_DECISION_TITLE));
      const [movement] = await t.handle.db
        .select()
        .from(movements)
        .where(
          eq(movements.name, 'Cán bộ, công chức, viên chức tỉnh Lai Châu thi đua thực hiện văn hóa công sở'),
        );
      expect(decision?.publishedAt).toBeInstanceOf(Date);
      expect(movement?.publishedAt).toBeInstanceOf(Date);
      const [officer] = await t.handle.db.select().from(users).where(eq(users.username, 'demo.officer'));
      for (const [action, id] of [
        ['decision.publish', decision?.id],
        ['movement.publish', movement?.id],
      ] as const) {
        const events = await t.handle.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, id ?? '')));
        expect(events.map((event) => event.actorId)).toEqual([officer?.id]);
      }

      const home = await t.app.inject({ url: '/cong-khai' });
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain(`/cong-khai/quyet-dinh/${decision?.id}`);
      expect(home.body).toContain(`/cong-khai/phong-trao/${movement?.id}`);
      const page = await t.app.inject({ url: `/cong-khai/quyet-dinh/${decision?.id}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`Quyết định số ${decision?.number}`);
      expect(page.body).toContain('Bằng khen');
      const plan = await t.app.inject({ url: `/cong-khai/phong-trao/${movement?.id}` });
      expect(plan.body).toContain('75/KH-UBND');
      expect(plan.body).toContain('Kế hoạch tổ chức thực hiện');
      const exemplarsPage = await t.app.inject({ url: '/cong-khai/dien-hinh?q=cong+so+xanh' });
      expect(exemplarsPage.body).toContain('Công sở xanh – sạch – đẹp');
    });
  });
}
