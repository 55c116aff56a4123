import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, awardRounds, nominations } from '#server/platform/db/schema.ts';
import { signIn } from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';
import { DEMO_ROUND_TITLE } from './demo-nominations.ts';

/** The checks of the demo round's dossiers and appraisal verdicts (issue 12), run by demo.api.test.ts after its seed. */
export function demoDossierChecks(app: () => TestApp, PASSWORD: string) {
  describe('demo round dossiers', () => {
    const byTitle = async () => {
      const db = app().handle.db;
      const [round] = await db.select().from(awardRounds).where(eq(awardRounds.title, DEMO_ROUND_TITLE));
      const list = await db
        .select({ id: nominations.id, status: nominations.status, title: nominations.title })
        .from(nominations)
        .where(eq(nominations.roundId, round?.id ?? ''));
      return (part: string) => list.find((row) => row.title.includes(part));
    };

    it('files every sent tờ trình complete (generated reports, minutes) and leaves the draft lacking its report', async () => {
      const find = await byTitle();
      const client = await signIn(app(), 'demo.officer', PASSWORD);
      const dossier = async (id: string | undefined) => {
        const response = await app().app.inject({
          url: `/api/nominations/${id}/dossier`,
          headers: client.headers,
        });
        expect(response.statusCode, response.body).toBe(200);
        return response.json();
      };
      for (const part of ['Sở Nội vụ', 'bổ sung biên bản', 'Huân chương', 'Chiến sĩ thi đua toàn quốc']) {
        const view = await dossier(find(part)?.id);
        expect(view.missing, part).toBe(0);
        expect(view.nominationFiles.length, part).toBeGreaterThanOrEqual(1);
      }
      const resubmitted = await dossier(find('bổ sung biên bản')?.id);
      expect(resubmitted.nominationFiles.map((file: { component: string }) => file.component).sort()).toEqual(
        ['bien_ban', 'to_trinh'],
      );
      const draft = find('Sở Y tế');
      expect(draft?.status).toBe('draft');
      const view = await dossier(draft?.id);
      expect(view.missing).toBeGreaterThan(0);
      expect(
        view.nominees[0].items.find((item: { code: string }) => item.code === 'bao_cao_thanh_tich').present,
      ).toBe(false);
      const generated = await app()
        .handle.db.select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, 'nomination_file.generate'),
            eq(auditEvents.actorUsername, 'demo.officer.tamduong'),
          ),
        );
      expect(generated.length).toBeGreaterThan(0);
    });

    it("appraised each nominee as the engine's verdict supports: agree only when eligible, else the reason", async () => {
      const find = await byTitle();
      const client = await signIn(app(), 'demo.officer', PASSWORD);
      const national = await app().app.inject({
        url: `/api/nominations/${find('Chiến sĩ thi đua toàn quốc')?.id}/appraisal`,
        headers: client.headers,
      });
      expect(national.statusCode, national.body).toBe(200);
      const [nominee] = national.json().nominees;
      expect(nominee.eligibility.verdict).toBe('eligible');
      expect(nominee.opinion.proposal).toBe('agree');
      const provincial = await app().app.inject({
        url: `/api/nominations/${find('bổ sung biên bản')?.id}/appraisal`,
        headers: client.headers,
      });
      for (const row of provincial.json().nominees as {
        eligibility: { verdict: string };
        opinion: { proposal: string; opinion: string };
      }[]) {
        expect(row.opinion.proposal).toBe(row.eligibility.verdict === 'eligible' ? 'agree' : 'disagree');
        if (row.opinion.proposal === 'disagree') expect(row.opinion.opinion).toMatch(/^Không đủ điều kiện: /);
      }
    });
  });
}
