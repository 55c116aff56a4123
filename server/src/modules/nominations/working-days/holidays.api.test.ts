import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, publicHolidays } from '#server/platform/db/schema.ts';
import { type Client, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { expectOptimisticLocking } from '../../../../../tests/support/versioning.ts';

let t: TestApp;
let admin: Client;
let officer: Client;
beforeAll(async () => {
  t = await getTestApp();
  admin = await signInAs(t, 'admin');
  officer = await signInAs(t, 'tdkt_officer');
});

const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const stored = (date: string) =>
  t.handle.db.select().from(publicHolidays).where(eq(publicHolidays.date, date));

describe('GET /api/holidays and /api/working-days', () => {
  it('lists the seeded holidays of 2025 with Tết by the lunar calendar', async () => {
    const response = await t.app.inject({ url: '/api/holidays?year=2025', headers: officer.headers });
    expect(response.statusCode).toBe(200);
    const dates = response.json().items.map((item: { date: string }) => item.date);
    expect(dates).toEqual(expect.arrayContaining(['2025-01-29', '2025-04-07', '2025-09-02']));
    expect(dates).toEqual([...dates].sort());
  });

  it('counts five working days across Tết from the table', async () => {
    const response = await t.app.inject({
      url: '/api/working-days?from=2025-01-24&days=5',
      headers: officer.headers,
    });
    expect(response.json()).toEqual({ from: '2025-01-24', days: 5, date: '2025-02-07' });
  });

  it('refuses an unreal date with 400', async () => {
    const response = await t.app.inject({
      url: '/api/working-days?from=2025-02-30&days=5',
      headers: officer.headers,
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('POST, PATCH, DELETE /api/holidays', () => {
  it('lets an administrator add, change and remove a day, each audited, and changes the sums', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/holidays',
      headers: admin.headers,
      payload: { date: '2099-03-03', name: 'Nghỉ thử', kind: 'holiday' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    expect(await stored('2099-03-03')).toHaveLength(1);
    expect(await auditOf('holiday.create', id)).toHaveLength(1);
    // 2099-03-02 is a Monday: one working day later skips Tuesday the 3rd.
    const sum = await t.app.inject({
      url: '/api/working-days?from=2099-03-02&days=1',
      headers: officer.headers,
    });
    expect(sum.json().date).toBe('2099-03-04');

    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/holidays/${id}`,
      headers: admin.headers,
      payload: { name: 'Nghỉ thử (sửa)', version: 1 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Nghỉ thử (sửa)', version: 2 });
    expect(await auditOf('holiday.update', id)).toHaveLength(1);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/holidays/${id}`,
      headers: admin.headers,
    });
    expect(removed.statusCode).toBe(200);
    expect(await stored('2099-03-03')).toHaveLength(0);
    expect(await auditOf('holiday.delete', id)).toHaveLength(1);
  });

  it('refuses a date already in the table with 409 and stores nothing', async () => {
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/holidays',
        headers: admin.headers,
        payload: { date: '2025-01-01', name: 'Trùng' },
      }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe('Ngày này đã có trong bảng ngày nghỉ.');
  });

  it('refuses an officer with 403 and stores nothing', async () => {
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/holidays',
        headers: officer.headers,
        payload: { date: '2099-05-05', name: 'Không được' },
      }),
    );
    expect(response.statusCode).toBe(403);
  });

  it('refuses a stale version with 409 naming who changed the day', async () => {
    const second = await signInAs(t, 'admin');
    const [row] = await t.handle.db
      .insert(publicHolidays)
      .values({ date: '2099-06-06', name: 'Nghỉ khóa', kind: 'holiday' })
      .returning();
    if (!row) throw new Error('no row');
    await expectOptimisticLocking(t, {
      first: admin,
      second,
      update: (version, writer) => ({
        method: 'PATCH',
        url: `/api/holidays/${row.id}`,
        payload: { name: writer === 'first' ? 'Tên một' : 'Tên hai', version },
      }),
      missing: {
        method: 'PATCH',
        url: '/api/holidays/00000000-0000-4000-8000-000000000000',
        payload: { name: 'X', version: 1 },
      },
      stored: async () => (await stored('2099-06-06'))[0],
      version: async () => (await stored('2099-06-06'))[0]?.version ?? 0,
      replyVersion: (body) => body.version as number,
      action: 'holiday.update',
      entityId: row.id,
    });
  });
});
