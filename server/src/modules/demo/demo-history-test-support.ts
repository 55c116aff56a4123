import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { nominations } from '#server/platform/db/schema.ts';
import { signIn } from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';

/** The history of the demo's returned and resubmitted tờ trình (issue 12), run by demo.api.test.ts after its seed. */
export function demoHistoryChecks(app: () => TestApp, PASSWORD: string) {
  describe('tờ trình history', () => {
    const resubmitted = async () => {
      const rows = await app().handle.db.select().from(nominations);
      const row = rows.find((item) => item.title.includes('bổ sung biên bản'));
      if (!row) throw new Error('no demo tờ trình');
      return row;
    };

    it('shows submitted, returned with the reason, resubmitted, received, appraised, paged', async () => {
      const row = await resubmitted();
      const client = await signIn(app(), 'demo.officer', PASSWORD);
      const all: { action: string; label: string; reason: string | null; nomineeName: string | null }[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const response: { statusCode: number; body: string; json: () => unknown } = await app().app.inject({
          url: `/api/nominations/${row.id}/history?limit=3${after ? `&after=${after}` : ''}`,
          headers: client.headers,
        });
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json() as { items: typeof all; next: string | null };
        expect(page.items.length).toBeLessThanOrEqual(3);
        all.push(...page.items);
        after = page.next;
        pages += 1;
      } while (after && pages < 20);
      expect(pages).toBeGreaterThan(1);
      const actions = all.map((event) => event.action);
      expect(actions.slice(0, 4)).toEqual([
        'nomination.create',
        'nomination.submit',
        'nomination.return',
        'nomination.update',
      ]);
      expect(actions).toEqual(
        expect.arrayContaining(['nomination.receive', 'nominee.appraise_decline', 'nomination.appraise']),
      );
      expect(actions.filter((action) => action === 'nomination.submit')).toHaveLength(2);
      expect(actions).not.toContain('nominee.appraisal_save');
      const returned = all.find((event) => event.action === 'nomination.return');
      expect(returned?.label).toBe('Trả lại tờ trình đề nghị khen thưởng');
      expect(returned?.reason).toContain('Thiếu biên bản bình xét');
      expect(all.find((event) => event.action === 'nominee.appraise_decline')?.nomineeName).toBeTruthy();
    });

    it('refuses a caller outside both units and a broken cursor', async () => {
      const row = await resubmitted();
      const outsider = await signIn(app(), 'demo.head', PASSWORD);
      const refused = await app().app.inject({
        url: `/api/nominations/${row.id}/history`,
        headers: outsider.headers,
      });
      expect(refused.statusCode).toBe(403);
      const client = await signIn(app(), 'demo.officer', PASSWORD);
      const bad = await app().app.inject({
        url: `/api/nominations/${row.id}/history?after=bm90LWpzb24`,
        headers: client.headers,
      });
      expect(bad.statusCode).toBe(400);
      expect(
        (await app().handle.db.select().from(nominations).where(eq(nominations.id, row.id)))[0]?.version,
      ).toBe(row.version);
    });
  });
}
