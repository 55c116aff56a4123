import { beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, systemActor } from '#server/platform/audit/audit.ts';
import { signInAs } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** Writes `count` events on one entity type; `together` puts them in one transaction (one moment). */
async function writeEvents(entityType: string, from: number, count: number, together: boolean) {
  const write = (executor: Parameters<typeof recordAudit>[0], index: number) =>
    recordAudit(executor, systemActor('test'), {
      action: 'council.update',
      entityType,
      entityId: String(index),
    });
  if (together) {
    await t.handle.db.transaction(async (tx) => {
      for (let i = from; i < from + count; i++) await write(tx, i);
    });
  } else {
    for (let i = from; i < from + count; i++) await t.handle.db.transaction((tx) => write(tx, i));
  }
}

describe('GET /api/audit-events, keyset paging', () => {
  it('keeps a stable newest-first order while events are written between pages', async () => {
    const admin = await signInAs(t, 'admin');
    const entityType = `paging-${Date.now().toString(36)}`;
    // Twelve events share one moment (one transaction): the id breaks the tie.
    await writeEvents(entityType, 0, 13, false);
    await writeEvents(entityType, 13, 12, true);
    const list = async (query: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/audit-events?entityType=${entityType}&limit=10${query}`,
        headers: admin.headers,
      });
      expect(response.statusCode).toBe(200);
      return response.json() as {
        items: { entityId: string }[];
        next: string | null;
        prev: string | null;
        total: { value: number; exact: boolean };
      };
    };
    const first = await list('');
    expect(first.total).toEqual({ value: 25, exact: true });
    expect(first.prev).toBeNull();
    const second = await list(`&after=${first.next}`);
    // Newer events arrive while the user reads: they go before page 1, never into later pages.
    await writeEvents(entityType, 25, 5, false);
    const third = await list(`&after=${second.next}`);
    expect(third.next).toBeNull();
    const ids = [...first.items, ...second.items, ...third.items].map((event) => Number(event.entityId));
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => 24 - i));
    // Going back from page 3 shows page 2 again; the first page now starts with the new events.
    expect((await list(`&before=${third.prev}`)).items).toEqual(second.items);
    const fresh = await list('');
    expect(fresh.items.slice(0, 5).map((event) => Number(event.entityId))).toEqual([29, 28, 27, 26, 25]);
    expect(fresh.total).toEqual({ value: 30, exact: true });
    // Backwards past the start falls back to the first page.
    expect((await list(`&before=${fresh.next}`)).items).toEqual(fresh.items);
  });

  it('refuses a cursor it did not write with a Vietnamese 400', async () => {
    const admin = await signInAs(t, 'admin');
    const cursors = [
      'không-phải-vị-trí',
      cursorOf(['2026-01-01T00:00:00.000000Z']),
      cursorOf([42, 1]),
      cursorOf(['hôm qua', 1]),
      cursorOf(['2026-13-45T00:00:00.000000Z', 1]),
      'bm90IGpzb24',
    ];
    for (const cursor of cursors) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/audit-events?after=${encodeURIComponent(cursor)}`,
        headers: admin.headers,
      });
      expect(response.statusCode, cursor).toBe(400);
      expect(response.json().fields[0]).toMatchObject({
        path: 'after',
        message: 'Vị trí trang không hợp lệ',
      });
    }
    const good = cursorOf(['2026-01-01T00:00:00.000000Z', 1]);
    const both = await t.app.inject({
      method: 'GET',
      url: `/api/audit-events?after=${good}&before=${good}`,
      headers: admin.headers,
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().message).toMatch(/^Vị trí trang không hợp lệ/);
  });
});
