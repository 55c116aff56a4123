import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { nominations, nominees, notifications, publicNotices } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { workingDayAfter } from '../../nominations/index.ts';
import {
  auditOf,
  buildNoticeScene,
  buildPostedScene,
  type NoticeScene,
  postNotice,
  storedNotice,
} from '../test-support.ts';
import { dayBefore, vietnamToday } from './notice-rules.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const statuses = async (ids: string[]) =>
  (await t.handle.db.select().from(nominees).where(inArray(nominees.id, ids))).map((row) => row.status);
const nominationStatus = async (scene: NoticeScene) =>
  (await t.handle.db.select().from(nominations).where(eq(nominations.id, scene.nominationId)))[0]?.status;
const noticesOf = (ids: string[]) =>
  t.handle.db.select().from(publicNotices).where(inArray(publicNotices.nomineeId, ids));
const nomineeMoves = async (action: string, ids: string[]) =>
  (await auditOf(t, action)).filter((event) =>
    ids.every((id) => ((event.after as { nomineeIds?: string[] }).nomineeIds ?? []).includes(id)),
  );

describe('working days of a notice', () => {
  it('counts the first day: 10 working days from Wednesday 20/8/2025 end on 04/9/2025 (1–2/9 off)', async () => {
    expect(await workingDayAfter(t.handle.db, dayBefore('2025-08-20'), 10)).toBe('2025-09-04');
  });
});

describe('POST /api/public-notices', () => {
  it('posts appraised nominees for the working days of their award; nominees and tờ trình become posted; audited', async () => {
    const scene = await buildNoticeScene(t);
    const response = await postNotice(t, scene, { nomineeIds: scene.nomineeIds });
    expect(response.statusCode, response.body).toBe(201);
    const today = vietnamToday();
    const end = await workingDayAfter(t.handle.db, dayBefore(today), 10);
    const items = response.json().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      status: 'open',
      startDate: today,
      endDate: end,
      workingDays: 10,
      subjectName: 'Nguyễn Thị Hoa',
      position: 'Chuyên viên',
      unitName: 'Xã Tờ Trình',
      awardName: 'Chiến sĩ thi đua toàn quốc',
      nominee: { status: 'posted', nominationId: scene.nominationId },
      actions: ['moderate', 'withdraw'],
      version: 1,
    });
    expect(items[0].article).toContain('Điều 4');
    expect(items[0].noticeText).toContain('Tỉnh Tờ Trình công khai');
    expect(await statuses(scene.nomineeIds)).toEqual(['posted', 'posted']);
    expect(await nominationStatus(scene)).toBe('posted');
    const stored = await noticesOf(scene.nomineeIds);
    expect(stored.map((row) => row.previousStatus)).toEqual(['appraised', 'appraised']);
    for (const item of items) expect(await auditOf(t, 'public_notice.post', item.id)).toHaveLength(1);
    expect(await nomineeMoves('nominee.post', scene.nomineeIds)).toHaveLength(1);
    const told = await t.handle.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, scene.communeOfficer.user.id));
    expect(told).toContainEqual(
      expect.objectContaining({
        kind: 'nominees_posted',
        link: `/khen-thuong/to-trinh/${scene.nominationId}`,
      }),
    );

    const list = await t.app.inject({
      url: `/api/public-notices?nominationId=${scene.nominationId}`,
      headers: scene.provinceOfficer.headers,
    });
    expect(
      list
        .json()
        .items.map((item: { id: string }) => item.id)
        .sort(),
    ).toEqual(items.map((item: { id: string }) => item.id).sort());
    const stranger = await t.app.inject({
      url: `/api/public-notices?nominationId=${scene.nominationId}`,
      headers: scene.otherOfficer.headers,
    });
    expect(stranger.json().items).toEqual([]);
  });

  it('refuses nominees not yet appraised with 409 in Vietnamese, and stores nothing', async () => {
    const scene = await buildNoticeScene(t, { stage: 'received' });
    const response = await expectNothingStored(t.handle, () =>
      postNotice(t, scene, { nomineeIds: scene.nomineeIds }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toContain('đã thẩm định hoặc đang xét tại hội đồng');
    expect(await statuses(scene.nomineeIds)).toEqual(['received', 'received']);
  });

  it('refuses an award that needs no public notice with 422, and stores nothing', async () => {
    const scene = await buildNoticeScene(t, { award: 'BK_BO_TINH' });
    const response = await expectNothingStored(t.handle, () =>
      postNotice(t, scene, { nomineeIds: scene.nomineeIds }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(response.json().message).toContain('không thuộc diện phải công khai');
  });

  it('refuses officers of another province and of the proposing commune with 403, and stores nothing', async () => {
    const scene = await buildNoticeScene(t);
    for (const who of [scene.otherOfficer, scene.communeOfficer]) {
      const response = await expectNothingStored(t.handle, () =>
        postNotice(t, scene, { nomineeIds: scene.nomineeIds }, who.headers),
      );
      expect(response.statusCode).toBe(403);
    }
    expect(await statuses(scene.nomineeIds)).toEqual(['appraised', 'appraised']);
  });

  it('refuses a start date in the past (400) and a second posting of a posted nominee (409)', async () => {
    const scene = await buildNoticeScene(t);
    const past = await expectNothingStored(t.handle, () =>
      postNotice(t, scene, { nomineeIds: scene.nomineeIds, startDate: '2025-01-02' }),
    );
    expect(past.statusCode).toBe(400);
    expect((await postNotice(t, scene, { nomineeIds: scene.nomineeIds.slice(0, 1) })).statusCode).toBe(201);
    const twice = await expectNothingStored(t.handle, () =>
      postNotice(t, scene, { nomineeIds: scene.nomineeIds }),
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('đang được công khai');
  });
});

describe('POST /api/public-notices with an Idempotency-Key', () => {
  it('answers a repeated key with the first reply and posts once', async () => {
    const scene = await buildNoticeScene(t);
    const headers = { ...scene.provinceOfficer.headers, 'idempotency-key': crypto.randomUUID() };
    const first = await postNotice(t, scene, { nomineeIds: scene.nomineeIds }, headers);
    expect(first.statusCode).toBe(201);
    const again = await postNotice(t, scene, { nomineeIds: scene.nomineeIds }, headers);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await noticesOf(scene.nomineeIds)).toHaveLength(2);
  });
});

describe('GET /api/public-notices/candidates', () => {
  it('says which nominees may be posted, and why not', async () => {
    const scene = await buildNoticeScene(t);
    const url = `/api/public-notices/candidates?nominationId=${scene.nominationId}`;
    const mine = await t.app.inject({ url, headers: scene.provinceOfficer.headers });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items[0]).toMatchObject({
      canPost: true,
      requiresNotice: true,
      workingDays: 10,
      reason: null,
    });
    const commune = await t.app.inject({ url, headers: scene.communeOfficer.headers });
    expect(commune.json().items[0]).toMatchObject({ canPost: false });
    expect(commune.json().items[0].reason).toContain('cấp nhận tờ trình');
    expect(commune.json().canManage).toBe(false);
    expect(mine.json().canManage).toBe(true);
    const stranger = await t.app.inject({ url, headers: scene.otherOfficer.headers });
    expect(stranger.statusCode).toBe(403);
  });
});

describe('POST /api/public-notices/:id/withdraw', () => {
  it('withdraws with a reason: the nominee returns to its stage, the public page goes; audited', async () => {
    const scene = await buildPostedScene(t);
    const [notice] = scene.notices;
    if (!notice) throw new Error('no notice');
    const noReason = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: `/api/public-notices/${notice.id}/withdraw`,
        headers: scene.provinceOfficer.headers,
        payload: { version: 1, reason: '' },
      }),
    );
    expect(noReason.statusCode).toBe(400);
    const stranger = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: `/api/public-notices/${notice.id}/withdraw`,
        headers: scene.otherOfficer.headers,
        payload: { version: 1, reason: 'Nhầm' },
      }),
    );
    expect(stranger.statusCode).toBe(403);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/public-notices/${notice.id}/withdraw`,
      headers: scene.provinceOfficer.headers,
      payload: { version: 1, reason: 'Đơn vị đề nghị xin rút hồ sơ.' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'withdrawn', version: 2, actions: ['moderate'] });
    const row = await storedNotice(t, notice.id);
    expect(row?.withdrawnAt).not.toBeNull();
    expect(row?.withdrawReason).toBe('Đơn vị đề nghị xin rút hồ sơ.');
    expect(await statuses(scene.nomineeIds)).toContain('appraised');
    const [event] = await auditOf(t, 'public_notice.withdraw', notice.id);
    expect(event?.reason).toBe('Đơn vị đề nghị xin rút hồ sơ.');
    expect(await nomineeMoves('nominee.unpost', [row?.nomineeId ?? ''])).toHaveLength(1);
    const page = await t.app.inject({ url: `/cong-khai/lay-y-kien/${notice.id}` });
    expect(page.statusCode).toBe(404);

    const again = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: `/api/public-notices/${notice.id}/withdraw`,
        headers: scene.provinceOfficer.headers,
        payload: { version: 2, reason: 'Lần nữa' },
      }),
    );
    expect(again.statusCode).toBe(409);
  });
});
