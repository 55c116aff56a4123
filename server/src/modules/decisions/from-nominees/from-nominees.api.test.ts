import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  awardsReceived,
  decisionRecipients,
  decisions,
  nominations,
  nominees,
  notifications,
} from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { preIssueChecks } from '../index.ts';
import { auditNaming, decisionFields, receivedScene } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const tag = () => Math.random().toString(36).slice(2, 8);
type Headers = Record<string, string>;
const post = (url: string, headers: Headers, payload: object) =>
  t.app.inject({ method: 'POST', url, headers, payload });
const fromNominees = (headers: Headers, unitId: string, nomineeIds: string[]) =>
  post(
    '/api/decisions/from-nominees',
    { ...headers, 'idempotency-key': `n-${tag()}` },
    { ...decisionFields(unitId), nomineeIds },
  );
const statuses = async (ids: string[]) =>
  (await t.handle.db.select().from(nominees).where(inArray(nominees.id, ids)))
    .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
    .map((row) => row.status);

describe('GET /api/decisions/nominee-candidates', () => {
  it('lists the received nominees the province may decide, searchable without diacritics, keyset-paged', async () => {
    const scene = await receivedScene(t);
    const url = `/api/decisions/nominee-candidates?unitId=${scene.province.id}&decisionDate=2025-12-15`;
    const all = await t.app.inject({ url, headers: scene.provinceOfficer.headers });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().items.map((item: { id: string }) => item.id)).toEqual(scene.nomineeIds);
    expect(all.json().items[0]).toMatchObject({
      name: 'Nguyễn Thị Hoa',
      awardCode: 'BK_BO_TINH',
      status: 'received',
      nominationId: scene.nominationId,
    });
    const found = await t.app.inject({ url: `${url}&q=tran van`, headers: scene.provinceOfficer.headers });
    expect(found.json().items.map((item: { name: string }) => item.name)).toEqual(['Trần Văn Bình']);
    const first = await t.app.inject({ url: `${url}&limit=1`, headers: scene.provinceOfficer.headers });
    expect(first.json().items).toHaveLength(1);
    const second = await t.app.inject({
      url: `${url}&limit=1&after=${first.json().next}`,
      headers: scene.provinceOfficer.headers,
    });
    expect(second.json().items[0].id).toBe(scene.nomineeIds[1]);
    const stranger = await t.app.inject({ url, headers: scene.otherOfficer.headers });
    expect(stranger.statusCode).toBe(403);
  });
});

describe('POST /api/decisions/from-nominees, then issue and revoke', () => {
  it('builds the draft from the nominees, issues it (nominees decided, proposers told), revokes it (history kept)', async () => {
    const scene = await receivedScene(t);
    const created = await fromNominees(scene.provinceOfficer.headers, scene.province.id, scene.nomineeIds);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ status: 'draft', recipientCount: 2, nomineeCount: 2 });
    const list = await t.app.inject({
      url: `/api/decisions/${id}/recipients`,
      headers: scene.provinceOfficer.headers,
    });
    expect(list.json().items[0]).toMatchObject({
      name: 'Nguyễn Thị Hoa',
      nomineeId: scene.nomineeIds[0],
      nomination: { id: scene.nominationId },
      year: 2025,
    });
    const stored = await t.handle.db
      .select()
      .from(decisionRecipients)
      .where(eq(decisionRecipients.decisionId, id));
    expect(stored.map((row) => row.nomineeId).sort()).toEqual([...scene.nomineeIds].sort());
    const [added] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'decision.recipients_add'), eq(auditEvents.entityId, id)));
    expect(added?.after).toMatchObject({ added: 2, source: 'nominations' });
    expect(await statuses(scene.nomineeIds)).toEqual(['received', 'received']);

    const seen: string[][] = [];
    preIssueChecks.push(async (_tx, context) => {
      if (context.decisionId === id) seen.push([...context.nomineeIds]);
    });
    const issued = await post(`/api/decisions/${id}/issue`, scene.provinceOfficer.headers, { version: 2 });
    preIssueChecks.pop();
    expect(issued.statusCode, issued.body).toBe(200);
    expect(seen).toEqual([scene.nomineeIds]);
    expect(await statuses(scene.nomineeIds)).toEqual(['decided', 'decided']);
    const [nomination] = await t.handle.db
      .select()
      .from(nominations)
      .where(eq(nominations.id, scene.nominationId));
    expect(nomination?.status).toBe('decided');
    const decided = await auditNaming(t, 'nominee.decide', id);
    expect(decided).toHaveLength(1);
    expect(decided[0]?.after).toMatchObject({ nomineeIds: scene.nomineeIds, status: 'decided' });
    const told = await t.handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, scene.communeOfficer.user.id), eq(notifications.entityId, id)));
    expect(told.map((notice) => notice.title).join(' ')).toContain('Tờ trình đã có quyết định');

    const twice = await expectNothingStored(t.handle, () =>
      post(`/api/decisions/${id}/issue`, scene.provinceOfficer.headers, { version: 2 }),
    );
    expect(twice.statusCode).toBe(409);
    expect(await auditNaming(t, 'nominee.decide', id)).toHaveLength(1);

    const revoked = await post(`/api/decisions/${id}/revoke`, scene.provinceOfficer.headers, {
      version: issued.json().version,
      reason: 'Phát hiện thành tích không trung thực.',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await statuses(scene.nomineeIds)).toEqual(['decided', 'decided']);
    const records = await t.handle.db
      .select()
      .from(awardsReceived)
      .where(
        inArray(
          awardsReceived.personId,
          scene.people.map((person) => person.id),
        ),
      );
    expect(records).toHaveLength(0);
    const [event] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'decision.revoke'), eq(auditEvents.entityId, id)));
    expect(event?.after).toMatchObject({ nomineesKept: 2 });
    expect(JSON.stringify(event?.after)).toContain('lịch sử xét duyệt');
  });

  it('refuses a stale version of the nominee list at issue when a nominee was declined meanwhile (409, nothing stored)', async () => {
    const scene = await receivedScene(t);
    const created = await fromNominees(scene.provinceOfficer.headers, scene.province.id, scene.nomineeIds);
    const id = created.json().id as string;
    await t.handle.db
      .update(nominees)
      .set({ status: 'declined' })
      .where(eq(nominees.id, scene.nomineeIds[0] as string));
    const refused = await expectNothingStored(t.handle, () =>
      post(`/api/decisions/${id}/issue`, scene.provinceOfficer.headers, { version: 2 }),
    );
    expect(refused.statusCode).toBe(409);
    const [decision] = await t.handle.db.select().from(decisions).where(eq(decisions.id, id));
    expect(decision).toMatchObject({ status: 'draft', number: null });
  });
});

describe('refusals of the nominee picker', () => {
  it('refuses another province (403), a nominee not yet received (409) and one already on another draft (409)', async () => {
    const scene = await receivedScene(t);
    const stranger = await expectNothingStored(t.handle, () =>
      fromNominees(scene.otherOfficer.headers, scene.province.id, scene.nomineeIds),
    );
    expect(stranger.statusCode).toBe(403);
    const otherUnit = await expectNothingStored(t.handle, () =>
      fromNominees(scene.otherOfficer.headers, scene.other.id, scene.nomineeIds),
    );
    expect(otherUnit.statusCode).toBe(403);

    const drafted = await t.app.inject({
      method: 'POST',
      url: '/api/nominations',
      headers: scene.communeOfficer.headers,
      payload: scene.draft(),
    });
    const draftIds = (
      await t.handle.db.select().from(nominees).where(eq(nominees.nominationId, drafted.json().id))
    ).map((row) => row.id);
    const notReceived = await expectNothingStored(t.handle, () =>
      fromNominees(scene.provinceOfficer.headers, scene.province.id, draftIds),
    );
    expect(notReceived.statusCode).toBe(409);
    expect(notReceived.json().message).toContain('chưa được tiếp nhận');

    const first = await fromNominees(scene.provinceOfficer.headers, scene.province.id, [
      scene.nomineeIds[0] as string,
    ]);
    expect(first.statusCode).toBe(201);
    const again = await expectNothingStored(t.handle, () =>
      fromNominees(scene.provinceOfficer.headers, scene.province.id, scene.nomineeIds),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('quyết định khác');
    const addAgain = await expectNothingStored(t.handle, () =>
      post(`/api/decisions/${first.json().id}/nominees`, scene.provinceOfficer.headers, {
        version: 2,
        nomineeIds: [scene.nomineeIds[0]],
      }),
    );
    expect(addAgain.statusCode).toBe(409);
    const added = await post(`/api/decisions/${first.json().id}/nominees`, scene.provinceOfficer.headers, {
      version: 2,
      nomineeIds: [scene.nomineeIds[1]],
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ recipientCount: 2, nomineeCount: 2 });
  });

  it('refuses an award the province may not decide (422, nothing stored)', async () => {
    const scene = await receivedScene(t);
    await t.handle.db
      .update(nominees)
      .set({ awardCode: 'HCLD_HANG_BA' })
      .where(eq(nominees.id, scene.nomineeIds[0] as string));
    const refused = await expectNothingStored(t.handle, () =>
      fromNominees(scene.provinceOfficer.headers, scene.province.id, scene.nomineeIds),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain('không có thẩm quyền');
    const picker = await t.app.inject({
      url: `/api/decisions/nominee-candidates?unitId=${scene.province.id}&decisionDate=2025-12-15`,
      headers: scene.provinceOfficer.headers,
    });
    expect(picker.json().items.map((item: { id: string }) => item.id)).toEqual([scene.nomineeIds[1]]);
  });

  it('refuses a nominee link through the hand-typed recipients route (400)', async () => {
    const scene = await receivedScene(t);
    const created = await fromNominees(scene.provinceOfficer.headers, scene.province.id, [
      scene.nomineeIds[0] as string,
    ]);
    const refused = await expectNothingStored(t.handle, () =>
      post(`/api/decisions/${created.json().id}/recipients`, scene.provinceOfficer.headers, {
        version: 2,
        recipients: [
          {
            personId: scene.people[1]?.id,
            awardCode: 'BK_BO_TINH',
            year: 2025,
            nomineeId: scene.nomineeIds[1],
          },
        ],
      }),
    );
    expect(refused.statusCode).toBe(400);
  });
});

describe('POST /api/decisions/:id/decline-nominees', () => {
  it('declines a nominee with the reason: it leaves the draft, moves to declined, audited', async () => {
    const scene = await receivedScene(t);
    const created = await fromNominees(scene.provinceOfficer.headers, scene.province.id, scene.nomineeIds);
    const id = created.json().id as string;
    const declined = await post(`/api/decisions/${id}/decline-nominees`, scene.provinceOfficer.headers, {
      version: 2,
      nomineeIds: [scene.nomineeIds[1]],
      reason: 'Hội đồng không đủ tỷ lệ phiếu đồng ý.',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ recipientCount: 1, version: 3 });
    expect(await statuses(scene.nomineeIds)).toEqual(['received', 'declined']);
    const [event] = await auditNaming(t, 'nominee.decline', id);
    expect(event?.reason).toBe('Hội đồng không đủ tỷ lệ phiếu đồng ý.');
    const removed = await t.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'decision.recipient_remove'));
    expect(removed.some((row) => row.reason === 'Hội đồng không đủ tỷ lệ phiếu đồng ý.')).toBe(true);
    const noReason = await expectNothingStored(t.handle, () =>
      post(`/api/decisions/${id}/decline-nominees`, scene.provinceOfficer.headers, {
        version: 3,
        nomineeIds: [scene.nomineeIds[0]],
        reason: '',
      }),
    );
    expect(noReason.statusCode).toBe(400);
    const twice = await expectNothingStored(t.handle, () =>
      post(`/api/decisions/${id}/decline-nominees`, scene.provinceOfficer.headers, {
        version: 3,
        nomineeIds: [scene.nomineeIds[1]],
        reason: 'Lần thứ hai.',
      }),
    );
    expect(twice.statusCode).toBe(409);
  });
});
