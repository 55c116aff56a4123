import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, roleGrants, users } from '#server/platform/db/schema.ts';
import { buildUnit, buildUser, signInAs } from '../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const newUser = (suffix: string, unitId: string | null = null) => ({
  username: `can.bo.${suffix}.${Date.now().toString(36)}`,
  fullName: 'Nguyễn Văn An',
  password: 'mat-khau-rat-dai',
  role: 'tdkt_officer',
  unitId,
});

describe('POST /api/users', () => {
  it('creates the account with its grant on a unit and audits it in the same transaction', async () => {
    const admin = await signInAs(t, 'admin');
    const unit = await buildUnit(t.handle.db, { name: 'Sở Nội vụ' });
    const payload = { ...newUser('a', unit.id), email: 'an.nv@sonoivu.laichau.gov.vn' };
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload,
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ username: payload.username, fullName: 'Nguyễn Văn An', isActive: true });
    const [stored] = await t.handle.db.select().from(users).where(eq(users.id, body.id));
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.email).toBe('an.nv@sonoivu.laichau.gov.vn');
    const grants = await t.handle.db.select().from(roleGrants).where(eq(roleGrants.userId, body.id));
    expect(grants).toMatchObject([{ role: 'tdkt_officer', unitId: unit.id }]);
    const [event] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.create'), eq(auditEvents.entityId, body.id)));
    expect(event).toMatchObject({ actorId: admin.user.id, entityType: 'user' });
    expect(JSON.stringify(event?.after)).not.toContain('mat-khau');
    const [grant] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.grant'), eq(auditEvents.entityId, body.id)));
    expect(grant?.after).toEqual({ userId: body.id, role: 'tdkt_officer', unitId: unit.id });
  });

  it('refuses a taken username with 409 and changes nothing', async () => {
    const admin = await signInAs(t, 'admin');
    const payload = newUser('b');
    await t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload });
    const again = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().fields).toEqual([{ path: 'username', message: 'Tên đăng nhập đã được sử dụng' }]);
    expect(await t.handle.db.select().from(users).where(eq(users.username, payload.username))).toHaveLength(
      1,
    );
  });

  it('refuses a grant on a unit that does not exist', async () => {
    const admin = await signInAs(t, 'admin');
    const payload = newUser('c', crypto.randomUUID());
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload }),
    );
    expect(response.statusCode).toBe(400);
    expect(await t.handle.db.select().from(users).where(eq(users.username, payload.username))).toHaveLength(
      0,
    );
  });

  it('refuses an officer (not an administrator) with 403', async () => {
    const officer = await signInAs(t, 'tdkt_officer');
    const payload = newUser('d');
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({ method: 'POST', url: '/api/users', headers: officer.headers, payload }),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
    expect(await t.handle.db.select().from(users).where(eq(users.username, payload.username))).toHaveLength(
      0,
    );
  });
});

describe('GET /api/users', () => {
  it('finds users without diacritics and shows their grants', async () => {
    const admin = await signInAs(t, 'admin');
    const unit = await buildUnit(t.handle.db, { name: 'Phòng Nội vụ Tam Đường' });
    const payload = { ...newUser('e', unit.id), fullName: 'Đỗ Thị Hằng Nguyệt' };
    await t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/users?q=do thi hang nguyet',
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total.value).toBeGreaterThanOrEqual(1);
    expect(body.items.find((u: { username: string }) => u.username === payload.username)?.grants).toEqual([
      { role: 'tdkt_officer', unitId: unit.id, unitName: 'Phòng Nội vụ Tam Đường' },
    ]);
  });

  it('pages by username with cursors that stay put while accounts are added', async () => {
    const admin = await signInAs(t, 'admin');
    const prefix = `trang${Date.now().toString(36)}`;
    for (const letter of ['a', 'c', 'e', 'g'])
      await buildUser(t.handle.db, { username: `${prefix}.${letter}` });
    const list = async (query: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/users?q=${prefix}&limit=2${query}`,
        headers: admin.headers,
      });
      expect(response.statusCode).toBe(200);
      return response.json();
    };
    const names = (page: { items: { username: string }[] }) =>
      page.items.map((user) => user.username.slice(prefix.length + 1));
    const first = await list('');
    expect(names(first)).toEqual(['a', 'c']);
    expect(first.total).toEqual({ value: 4, exact: true });
    // One account sorts before the cursor, one after: the first never shows up later, the second does.
    await buildUser(t.handle.db, { username: `${prefix}.b` });
    await buildUser(t.handle.db, { username: `${prefix}.f` });
    const second = await list(`&after=${first.next}`);
    expect(names(second)).toEqual(['e', 'f']);
    const third = await list(`&after=${second.next}`);
    expect(names(third)).toEqual(['g']);
    expect(third.next).toBeNull();
    expect(names(await list(`&before=${third.prev}`))).toEqual(['e', 'f']);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/users?after=WzEsMl0',
      headers: admin.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ path: 'after', message: 'Vị trí trang không hợp lệ' });
  });

  it('refuses a staff member with 403 and an anonymous caller with 401', async () => {
    const staff = await signInAs(t, 'staff');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/users', headers: staff.headers })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });
});
