import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, signIn } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

/** Stores `count` notifications for the user, one second apart, all unread. */
async function notify(userId: string, count: number, from = 0) {
  await t.handle.db.execute(sql`
    insert into notifications (user_id, kind, title, body, created_at)
    select ${userId}::uuid, 'movement.launched', 'Thông báo ' || i, 'Nội dung ' || i,
      timestamptz '2026-01-01 08:00+07' + i * interval '1 second'
    from generate_series(${from}::int, ${from + count - 1}::int) as i`);
}

describe('GET /api/notifications, keyset paging', () => {
  it('counts up to 10,000 unless the exact total is asked for', async () => {
    const user = await buildUser(t.handle.db);
    await notify(user.id, 10_005);
    const client = await signIn(t, user.username);
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/notifications?limit=5',
      headers: client.headers,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: { value: 10_000, exact: false }, unread: 10_000, prev: null });
    expect(page.json().items.map((item: { title: string }) => item.title)).toEqual([
      'Thông báo 10004',
      'Thông báo 10003',
      'Thông báo 10002',
      'Thông báo 10001',
      'Thông báo 10000',
    ]);
    const exact = await t.app.inject({
      method: 'GET',
      url: '/api/notifications?limit=5&exactTotal=true',
      headers: client.headers,
    });
    expect(exact.json().total).toEqual({ value: 10_005, exact: true });
  });

  it('keeps its order while new notifications arrive, and refuses a bad cursor', async () => {
    const user = await buildUser(t.handle.db);
    await notify(user.id, 7);
    const client = await signIn(t, user.username);
    const list = async (query: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/notifications?limit=3${query}`,
          headers: client.headers,
        })
      ).json();
    const first = await list('');
    await notify(user.id, 3, 100);
    const second = await list(`&after=${first.next}`);
    const third = await list(`&after=${second.next}`);
    expect(
      [...first.items, ...second.items, ...third.items].map((item: { title: string }) => item.title),
    ).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `Thông báo ${i}`));
    expect(third.next).toBeNull();
    expect(third.total).toEqual({ value: 10, exact: true });

    const bad = await t.app.inject({
      method: 'GET',
      url: `/api/notifications?after=${Buffer.from('["hôm qua","x"]').toString('base64url')}`,
      headers: client.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^Vị trí trang không hợp lệ/);
  });
});
