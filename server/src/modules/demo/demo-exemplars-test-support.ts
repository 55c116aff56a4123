import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listPublishedExemplars } from '#server/modules/exemplars/index.ts';
import { exemplars, movements } from '#server/platform/db/schema.ts';
import { signIn } from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';

/**
 * The checks of the demo's exemplars of the office-culture movement (issue 15 item 6), run by
 * demo.api.test.ts after its seed (the same shared database).
 */
export function demoExemplarChecks(app: () => TestApp, PASSWORD: string) {
  describe('demo exemplars', () => {
    it('has exemplars of the office-culture movement at each stage, three published, one awaiting the province', async () => {
      const t = app();
      const rows = await t.handle.db
        .select({
          id: exemplars.id,
          stage: exemplars.stage,
          status: exemplars.status,
          isPublished: exemplars.isPublished,
          movement: movements.name,
        })
        .from(exemplars)
        .innerJoin(movements, eq(movements.id, exemplars.movementId));
      const demo = rows.filter((row) => row.movement.includes('văn hóa công sở'));
      expect(new Set(demo.map((row) => row.stage))).toEqual(
        new Set(['discover', 'nurture', 'sum_up', 'replicate']),
      );
      expect(demo.map((row) => row.status).sort()).toEqual([
        'confirmed',
        'confirmed',
        'confirmed',
        'proposed',
        'returned',
      ]);
      const published = demo.filter((row) => row.isPublished).map((row) => row.id);
      expect(published).toHaveLength(3);
      const portal = await listPublishedExemplars(t.handle.db, { limit: 50 });
      expect(portal.rows.map((row) => row.id)).toEqual(expect.arrayContaining(published));
      const officer = await signIn(t, 'demo.officer', PASSWORD);
      const todo = (await t.app.inject({ url: '/api/todo', headers: officer.headers })).json();
      expect(todo.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'exemplar_confirm',
            title: expect.stringContaining('Thứ Hai không giấy tờ'),
          }),
        ]),
      );
      const replicated = demo.find((row) => row.stage === 'replicate');
      const view = (
        await t.app.inject({ url: `/api/exemplars/${replicated?.id}`, headers: officer.headers })
      ).json();
      expect(view).toMatchObject({ replicationCount: 2, isPublished: true, subject: 'person' });
      expect(view.moves).toHaveLength(4);
    });
  });
}
