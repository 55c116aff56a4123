import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectionRemedyReminders, notifications } from '#server/platform/db/schema.ts';
import type { Mailer, MailMessage } from '#server/platform/mail/mailer.ts';
import { buildUser } from '../../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildInspectionScene, createPlanWithTargets, sender } from '../test-support.ts';
import { createRemedyReminders } from './remedy-reminders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const noticesOf = (remedyId: string) =>
  t.handle.db.select().from(notifications).where(eq(notifications.entityId, remedyId));

describe('createRemedyReminders', () => {
  it('reminds the unit three working days before and after a remedy deadline, once each, in-app and by e-mail', async () => {
    const scene = await buildInspectionScene(t);
    const email = `truong.xa.${crypto.randomUUID().slice(0, 8)}@example.vn`;
    const head = await buildUser(t.handle.db, { role: 'unit_head', unitId: scene.commune.id, email });
    const { commune } = await createPlanWithTargets(t, scene, { approve: true });
    const send = sender(t);
    const headers = scene.provinceOfficer.headers;
    let view = (await send('GET', `/api/inspection-targets/${commune}`, headers)).json();
    // Tuesday 31/12/2024: three working days before is Thursday 26/12.
    for (const text of ['Treo biển cấm hút thuốc.', 'Bổ sung biên bản họp xét khen thưởng.']) {
      const added = await send('POST', `/api/inspection-targets/${commune}/remedies`, headers, {
        text,
        dueOn: '2024-12-31',
        version: view.version,
      });
      expect(added.statusCode, added.body).toBe(200);
      view = added.json();
    }
    const [open, fixed] = view.remedies as { id: string; version: number }[];
    if (!open || !fixed) throw new Error('remedies missing');
    const reported = await send(
      'POST',
      `/api/inspection-remedies/${fixed.id}/follow-up`,
      scene.communeOfficer.headers,
      {
        status: 'done',
        note: 'Đã bổ sung.',
        version: fixed.version,
      },
    );
    expect(reported.statusCode, reported.body).toBe(200);
    const sent: MailMessage[] = [];
    const mailer: Mailer = {
      isConfigured: true,
      sendMail: async (message) => {
        sent.push(message);
      },
      close: () => {},
    };
    await createRemedyReminders(t.handle.db, '2024-12-25', { mailer });
    expect(await noticesOf(open.id)).toEqual([]);

    await createRemedyReminders(t.handle.db, '2024-12-26', { mailer });
    await createRemedyReminders(t.handle.db, '2024-12-27', { mailer });
    const soon = await noticesOf(open.id);
    // The commune's officer and its head, once each.
    expect(soon).toHaveLength(2);
    expect(soon[0]).toMatchObject({
      kind: 'reminder.inspection_due_soon',
      link: `/kiem-tra/doi-tuong/${commune}`,
      entityType: 'inspection_remedy',
    });
    expect(soon.map((notice) => notice.userId)).toContain(head.id);
    expect(soon[0]?.body).toContain('31/12/2024');
    expect(sent.filter((mail) => mail.to.address === email)).toHaveLength(1);
    expect(sent[0]?.subject).toBe('[TĐKT] Sắp đến hạn khắc phục sau kiểm tra');
    // A remedy reported fixed is not reminded.
    expect(await noticesOf(fixed.id)).toEqual([]);

    await createRemedyReminders(t.handle.db, '2025-01-02', { mailer });
    await createRemedyReminders(t.handle.db, '2025-01-03', { mailer });
    const all = await noticesOf(open.id);
    expect(all.map((notice) => notice.kind).sort()).toEqual([
      'reminder.inspection_due_soon',
      'reminder.inspection_due_soon',
      'reminder.inspection_overdue',
      'reminder.inspection_overdue',
    ]);
    expect(sent.filter((mail) => mail.to.address === email)).toHaveLength(2);
    const stored = await t.handle.db
      .select()
      .from(inspectionRemedyReminders)
      .where(eq(inspectionRemedyReminders.remedyId, open.id));
    expect(stored.map((row) => [row.kind, row.dueOn]).sort()).toEqual([
      ['due_soon', '2024-12-31'],
      ['overdue', '2024-12-31'],
    ]);
  });
});
