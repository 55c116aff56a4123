import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TodoList } from '#contracts/todo.ts';
import {
  auditEvents,
  awardRounds,
  councilAgendaItems,
  councilSessions,
  decisionRecipients,
  decisions,
  fundEntries,
  nominations,
  nominees,
  publicComments,
  publicNotices,
} from '#server/platform/db/schema.ts';
import { signIn } from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';
import { DEMO_ROUND_TITLE } from './demo-nominations.ts';
import { BROKEN_CHAIN_REASON } from './demo-reward-flow.ts';
import { DEMO_SESSION_TITLE } from './demo-round-council.ts';
import { DEMO_DECISION_TITLE } from './demo-round-decision.ts';
import { DEMO_NOTICE_NOMINATION, DEMO_PUBLIC_COMMENT } from './demo-round-notice.ts';
import { DEMO_CLOSED_SESSION_TITLE } from './demo-round-vote.ts';

/**
 * The checks of the demo's 2025 tổng kết round, followed from the tờ trình to the payout (issue 12
 * item 10), run by demo.api.test.ts after its seed (the same shared database).
 */
export function demoRoundChecks(app: () => TestApp, PASSWORD: string) {
  const auditOf = (action: string, entityId: string) =>
    app()
      .handle.db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
  describe('demo round of commendation', () => {
    const roundNominations = async () => {
      const [round] = await app()
        .handle.db.select()
        .from(awardRounds)
        .where(eq(awardRounds.title, DEMO_ROUND_TITLE));
      expect(round?.receivingUnitId).toBeTruthy();
      const list = await app()
        .handle.db.select({ id: nominations.id, status: nominations.status, title: nominations.title })
        .from(nominations)
        .where(eq(nominations.roundId, round?.id ?? ''));
      return { round, list };
    };
    const nomineesOfTitle = async (part: string) => {
      const { list } = await roundNominations();
      const nomination = list.find((row) => row.title.includes(part));
      return app()
        .handle.db.select()
        .from(nominees)
        .where(eq(nominees.nominationId, nomination?.id ?? ''));
    };

    it('has the 2025 tổng kết round with tờ trình in every state, one returned and resubmitted', async () => {
      const { round, list } = await roundNominations();
      // CSTĐ toàn quốc appraised (to post), Sở Nội vụ's decided, Sở Y tế's draft, Tam Đường's provincial
      // one before the council, its Huân chương out for comment.
      expect(list.map((row) => row.status).sort()).toEqual([
        'appraised',
        'decided',
        'draft',
        'in_council',
        'posted',
      ]);
      const resubmitted = list.find((row) => row.title.includes('bổ sung biên bản'));
      expect(await auditOf('nomination.return', resubmitted?.id ?? '')).toHaveLength(1);
      expect(await auditOf('nomination.submit', resubmitted?.id ?? '')).toHaveLength(2);
      const client = await signIn(app(), 'demo.officer', PASSWORD);
      const page = await app().app.inject({
        url: `/api/award-rounds/${round?.id}/nominations`,
        headers: client.headers,
      });
      expect(page.statusCode, page.body).toBe(200);
      // The provincial officer's grant covers every department: Sở Y tế's draft is listed too.
      expect(page.json().items).toHaveLength(5);
    });

    it('appraised the provincial tờ trình: two before the council, the broken chain declined with its reason', async () => {
      const list = await nomineesOfTitle('bổ sung biên bản');
      expect(list.map((row) => `${row.awardCode}:${row.status}`).sort()).toEqual([
        'BK_BO_TINH:in_council',
        'CSTD_BO_TINH:declined',
        'CSTD_BO_TINH:in_council',
      ]);
      const declined = list.find((row) => row.status === 'declined');
      const [event] = await auditOf('nominee.appraise_decline', declined?.id ?? '');
      expect(event?.reason).toBe(BROKEN_CHAIN_REASON);
      expect(event?.reason).toContain('Không đủ điều kiện: năm 2024 chỉ hoàn thành nhiệm vụ');
      // The CSTĐ toàn quốc proposal of the public-notice journey is appraised, ready to post.
      const national = await nomineesOfTitle(DEMO_NOTICE_NOMINATION);
      expect(national.map((row) => [row.awardCode, row.status])).toEqual([['CSTDTQ', 'appraised']]);
      expect(national[0]?.achievements).toContain('Một cửa điện tử tại xã');
    });

    it('posted the Huân chương proposal with one comment from the public, held and answered', async () => {
      const [nominee] = await nomineesOfTitle('Huân chương Lao động');
      expect(nominee?.status).toBe('posted');
      const notices = await app()
        .handle.db.select()
        .from(publicNotices)
        .where(eq(publicNotices.nomineeId, nominee?.id ?? ''));
      expect(notices).toHaveLength(1);
      const comments = await app()
        .handle.db.select()
        .from(publicComments)
        .where(eq(publicComments.noticeId, notices[0]?.id ?? ''));
      expect(comments.map((row) => [row.body, row.status, Boolean(row.answer)])).toEqual([
        [DEMO_PUBLIC_COMMENT, 'pending', true],
      ]);
      expect(await auditOf('public_comment.answer', comments[0]?.id ?? '')).toHaveLength(1);
    });

    it('opened a council session with the two nominees, everyone present, and demo.council has a ballot to cast', async () => {
      const [session] = await app()
        .handle.db.select()
        .from(councilSessions)
        .where(eq(councilSessions.title, DEMO_SESSION_TITLE));
      expect(session?.status).toBe('open');
      const agenda = await app()
        .handle.db.select()
        .from(councilAgendaItems)
        .where(eq(councilAgendaItems.sessionId, session?.id ?? ''));
      expect(agenda).toHaveLength(2);
      const client = await signIn(app(), 'demo.council', PASSWORD);
      const view = await app().app.inject({
        url: `/api/council-sessions/${session?.id}`,
        headers: client.headers,
      });
      expect(view.statusCode, view.body).toBe(200);
      expect(
        view.json().members.every((member: { attendance: string }) => member.attendance === 'present'),
      ).toBe(true);
      expect(view.json().myMemberId).toBeTruthy();
      expect(view.json().actions).toContain('vote');
      const todo = await app().app.inject({ url: '/api/todo', headers: client.headers });
      expect((todo.json() as TodoList).items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'ballot_pending', title: `Bỏ phiếu kín: ${DEMO_SESSION_TITLE}` }),
        ]),
      );
    });

    it("held a council session on Sở Nội vụ's nominees: four member accounts voted, the chair closed it, both passed", async () => {
      const db = app().handle.db;
      const [session] = await db
        .select()
        .from(councilSessions)
        .where(eq(councilSessions.title, DEMO_CLOSED_SESSION_TITLE));
      expect(session?.status).toBe('closed');
      const agenda = await db
        .select()
        .from(councilAgendaItems)
        .where(eq(councilAgendaItems.sessionId, session?.id ?? ''));
      expect(agenda.map((item) => item.result)).toEqual(['passed', 'passed']);
      expect(agenda[0]?.tally).toMatchObject({ agree: 4, disagree: 0, quorumMet: true });
      const votes = await db
        .select({ username: auditEvents.actorUsername })
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, 'council_session.vote'), eq(auditEvents.entityId, session?.id ?? '')),
        );
      expect(votes.map((vote) => vote.username).sort()).toEqual([
        'demo.council.btdkt',
        'demo.council.chair',
        'demo.council.ldld',
        'demo.council.snv',
      ]);
      const [closed] = await db
        .select({ username: auditEvents.actorUsername })
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, 'council_session.close'), eq(auditEvents.entityId, session?.id ?? '')),
        );
      expect(closed?.username).toBe('demo.council.chair');
      const chair = await signIn(app(), 'demo.council.chair', PASSWORD);
      const minutes = await app().app.inject({
        url: `/api/council-sessions/${session?.id}/minutes`,
        headers: chair.headers,
      });
      expect(minutes.statusCode, minutes.body.slice(0, 200)).toBe(200);
    });

    it("issued Sở Nội vụ's decision with its two recipients and paid them from the province's fund", async () => {
      const [decision] = await app()
        .handle.db.select()
        .from(decisions)
        .where(eq(decisions.title, DEMO_DECISION_TITLE));
      expect(decision?.status).toBe('issued');
      expect(decision?.number).toMatch(/^\d+\/QĐ-/);
      const recipients = await app()
        .handle.db.select()
        .from(decisionRecipients)
        .where(eq(decisionRecipients.decisionId, decision?.id ?? ''));
      expect(recipients).toHaveLength(2);
      expect((await nomineesOfTitle('Sở Nội vụ')).map((row) => row.status)).toEqual(['decided', 'decided']);
      const lines = await app()
        .handle.db.select()
        .from(fundEntries)
        .where(eq(fundEntries.unitId, decision?.unitId ?? ''));
      const year = Number(decision?.decisionDate.slice(0, 4));
      expect(
        lines.filter((row) => row.kind === 'income' && row.category === 'budget' && row.year === year),
      ).toHaveLength(1);
      const payouts = lines.filter((row) => row.kind === 'payout' && row.decisionId === decision?.id);
      expect(payouts).toHaveLength(2);
      expect(payouts.every((row) => Number(row.amount) > 0)).toBe(true);
      const client = await signIn(app(), 'demo.officer', PASSWORD);
      const page = await app().app.inject({ url: `/api/decisions/${decision?.id}`, headers: client.headers });
      expect(page.statusCode, page.body).toBe(200);
    });
  });
}
