import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, persons, roleGrants, sessions, users } from '#server/platform/db/schema.ts';
import {
  buildPerson,
  buildUnit,
  buildUser,
  type Client,
  randomAddress,
  signIn,
  signInAs,
} from '../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

let counter = 0;
const uniqueName = (prefix: string) => `${prefix}.${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A province with a department and a commune under it, and another province beside it. */
async function buildTree() {
  const province = await buildUnit(t.handle.db, { name: 'Ủy ban nhân dân tỉnh' });
  const commune = await buildUnit(t.handle.db, { parentId: province.id, name: 'Ủy ban nhân dân xã Bình Lư' });
  const other = await buildUnit(t.handle.db, { name: 'Ủy ban nhân dân tỉnh khác' });
  return { province, commune, other };
}

const post = (client: Client, url: string, payload: unknown, key?: string) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: key ? { ...client.headers, 'idempotency-key': key } : client.headers,
    payload: payload as object,
  });

const auditsOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

async function createAccount(client: Client, body: Record<string, unknown>) {
  const response = await post(client, '/api/accounts', body, crypto.randomUUID());
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function issuePassword(client: Client, account: { id: string; version: number }) {
  const response = await post(client, `/api/accounts/${account.id}/one-time-password`, {
    version: account.version,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { account: { id: string; version: number }; oneTimePassword: string };
}

describe('accounts: an administrator', () => {
  it('creates an account with a role on a unit, linked to a person, and issues a one-time password', async () => {
    const admin = await signInAs(t, 'admin');
    const { commune } = await buildTree();
    const person = await buildPerson(t.handle.db, { unitId: commune.id, fullName: 'Lò Thị Hương' });
    const username = uniqueName('can.bo.xa');
    const key = crypto.randomUUID();
    const body = {
      username,
      fullName: 'Lò Thị Hương',
      role: 'tdkt_officer',
      unitId: commune.id,
      personId: person.id,
    };
    const response = await post(admin, '/api/accounts', body, key);
    expect(response.statusCode).toBe(201);
    const account = response.json();
    expect(account).toMatchObject({
      username,
      isActive: true,
      mustChangePassword: true,
      version: 1,
      grants: [{ role: 'tdkt_officer', unitId: commune.id, unitName: commune.name }],
      person: { id: person.id, fullName: 'Lò Thị Hương', unitName: commune.name },
      canManage: true,
    });
    // The same key again (a double click) answers the first reply and creates nothing more.
    const again = await post(admin, '/api/accounts', body, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(account.id);
    expect(await t.handle.db.select().from(users).where(eq(users.username, username))).toHaveLength(1);

    expect(await auditsOf('user.create', account.id)).toHaveLength(1);
    expect((await auditsOf('user.grant', account.id))[0]?.after).toEqual({
      userId: account.id,
      role: 'tdkt_officer',
      unitId: commune.id,
    });
    expect((await auditsOf('user.link_person', account.id))[0]?.after).toEqual({
      personId: person.id,
      personName: 'Lò Thị Hương',
    });

    // Nobody can sign in before a password is issued; then only with the one-time password.
    const issued = await issuePassword(admin, account);
    expect(issued.oneTimePassword).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(issued.account.version).toBe(2);
    expect(await auditsOf('user.password_reset', account.id)).toHaveLength(1);
    const [stored] = await t.handle.db.select().from(users).where(eq(users.id, account.id));
    expect(stored?.passwordHash).not.toContain(issued.oneTimePassword);
    const events = await t.handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, account.id));
    expect(JSON.stringify(events)).not.toContain(issued.oneTimePassword);
    const owner = await signIn(t, username, issued.oneTimePassword);
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: owner.headers });
    expect(session.json().user.mustChangePassword).toBe(true);
  });

  it('grants and revokes roles, with the version of the account (409 when stale)', async () => {
    const admin = await signInAs(t, 'admin');
    const { province, commune } = await buildTree();
    const account = await createAccount(admin, {
      username: uniqueName('nguoi.dung'),
      fullName: 'Đinh Văn Sơn',
      role: 'staff',
      unitId: commune.id,
    });
    const granted = await post(admin, `/api/accounts/${account.id}/grants`, {
      role: 'unit_head',
      unitId: province.id,
      version: account.version,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().grants).toHaveLength(2);
    expect(granted.json().version).toBe(account.version + 1);

    // The form still holds the first version: refused, with the account as it stands now.
    const stale = await expectNothingStored(t.handle, () =>
      post(admin, `/api/accounts/${account.id}/grants/revoke`, {
        role: 'staff',
        unitId: commune.id,
        version: account.version,
      }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      conflict: { version: account.version + 1 },
    });
    expect(stale.json().conflict.current.grants).toHaveLength(2);

    const revoked = await post(admin, `/api/accounts/${account.id}/grants/revoke`, {
      role: 'staff',
      unitId: commune.id,
      version: granted.json().version,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().grants).toEqual([
      { role: 'unit_head', unitId: province.id, unitName: province.name },
    ]);
    expect((await auditsOf('user.revoke', account.id))[0]?.before).toMatchObject({
      role: 'staff',
      unitId: commune.id,
    });
  });

  it('disables an account: its sessions end at once and it cannot sign in (ACCOUNT_DISABLED); enables it again', async () => {
    const admin = await signInAs(t, 'admin');
    const { commune } = await buildTree();
    const user = await buildUser(t.handle.db, { role: 'staff', unitId: commune.id });
    const owner = await signIn(t, user.username);
    const [row] = await t.handle.db.select().from(users).where(eq(users.id, user.id));
    const disabled = await post(admin, `/api/accounts/${user.id}/active`, {
      isActive: false,
      version: row?.version,
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().isActive).toBe(false);
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/todo', headers: owner.headers })).statusCode).toBe(
      401,
    );
    expect(await auditsOf('user.disable', user.id)).toHaveLength(1);

    const login = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password },
        remoteAddress: randomAddress(),
      });
    const refused = await login(user.password);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'ACCOUNT_DISABLED',
      message: expect.stringContaining('bị khoá'),
    });
    // A wrong password says nothing about the account's state.
    expect((await login('mat-khau-sai-hoan-toan')).json().code).toBe('INVALID_CREDENTIALS');

    const enabled = await post(admin, `/api/accounts/${user.id}/active`, {
      isActive: true,
      version: disabled.json().version,
    });
    expect(enabled.statusCode).toBe(200);
    expect(await auditsOf('user.enable', user.id)).toHaveLength(1);
    expect((await login(user.password)).statusCode).toBe(200);
  });

  it('links an account to a person and refuses a person linked to another account', async () => {
    const admin = await signInAs(t, 'admin');
    const { commune } = await buildTree();
    const first = await buildPerson(t.handle.db, { unitId: commune.id });
    const second = await buildPerson(t.handle.db, { unitId: commune.id });
    const account = await createAccount(admin, {
      username: uniqueName('gan.can.bo'),
      fullName: 'Vàng A Páo',
      role: 'staff',
      unitId: commune.id,
      personId: first.id,
    });
    const moved = await post(admin, `/api/accounts/${account.id}/person`, {
      personId: second.id,
      version: account.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().person.id).toBe(second.id);
    const [firstAfter] = await t.handle.db.select().from(persons).where(eq(persons.id, first.id));
    expect(firstAfter?.userId).toBeNull();
    expect((await auditsOf('user.link_person', account.id)).map((event) => event.after)).toContainEqual({
      personId: second.id,
      personName: second.fullName,
    });

    const other = await createAccount(admin, {
      username: uniqueName('khac'),
      fullName: 'Người khác',
      role: 'staff',
      unitId: commune.id,
    });
    const refused = await expectNothingStored(t.handle, () =>
      post(admin, `/api/accounts/${other.id}/person`, { personId: second.id, version: other.version }),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().fields).toEqual([
      { path: 'personId', message: 'Cán bộ đã được gắn với tài khoản khác' },
    ]);
  });

  it('lists accounts with keyset paging and a search without diacritics', async () => {
    const admin = await signInAs(t, 'admin');
    const { commune } = await buildTree();
    const stem = uniqueName('trang');
    for (const suffix of ['a', 'b', 'c']) {
      await createAccount(admin, {
        username: `${stem}.${suffix}`,
        fullName: 'Hà Thị Trang',
        role: 'staff',
        unitId: commune.id,
      });
    }
    const first = await t.app.inject({
      method: 'GET',
      url: `/api/accounts?q=${stem}&limit=2`,
      headers: admin.headers,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((item: { username: string }) => item.username)).toEqual([
      `${stem}.a`,
      `${stem}.b`,
    ]);
    expect(first.json().total).toEqual({ value: 3, exact: true });
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/accounts?q=${stem}&limit=2&after=${first.json().next}`,
      headers: admin.headers,
    });
    expect(second.json().items.map((item: { username: string }) => item.username)).toEqual([`${stem}.c`]);
    expect(second.json().next).toBeNull();
    const byName = await t.app.inject({
      method: 'GET',
      url: '/api/accounts?q=ha thi trang',
      headers: admin.headers,
    });
    expect(byName.json().total.value).toBeGreaterThanOrEqual(3);
  });
});

describe('accounts: a TĐKT officer on their subtree', () => {
  it('creates a staff account in the subtree and manages it', async () => {
    const { province, commune } = await buildTree();
    const officer = await signInAs(t, 'tdkt_officer', province.id);
    const account = await createAccount(officer, {
      username: uniqueName('cong.chuc'),
      fullName: 'Sùng A Dơ',
      role: 'staff',
      unitId: commune.id,
    });
    expect(account.canManage).toBe(true);
    const issued = await issuePassword(officer, account);
    const disabled = await post(officer, `/api/accounts/${account.id}/active`, {
      isActive: false,
      version: issued.account.version,
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/accounts?limit=200',
      headers: officer.headers,
    });
    const usernames = list.json().items.map((item: { username: string }) => item.username);
    expect(usernames).toContain(account.username);
  });

  it('cannot grant admin, a role at or above theirs, or a role outside the subtree; nothing is stored', async () => {
    const { province, commune, other } = await buildTree();
    const officer = await signInAs(t, 'tdkt_officer', province.id);
    const refusedCreate = async (role: string, unitId: string | null) => {
      const username = uniqueName('bi.tu.choi');
      const response = await expectNothingStored(t.handle, () =>
        post(
          officer,
          '/api/accounts',
          { username, fullName: 'Người bị từ chối', role, unitId },
          crypto.randomUUID(),
        ),
      );
      expect(response.statusCode, `${role} ${unitId}`).toBe(403);
      expect(response.json().code).toBe('OUT_OF_SCOPE');
      expect(await t.handle.db.select().from(users).where(eq(users.username, username))).toHaveLength(0);
    };
    await refusedCreate('admin', null);
    await refusedCreate('tdkt_officer', commune.id);
    await refusedCreate('staff', other.id);

    // Nor on an account it manages.
    const account = await createAccount(officer, {
      username: uniqueName('duoc.quan.ly'),
      fullName: 'Lý Thị Mai',
      role: 'staff',
      unitId: commune.id,
    });
    for (const grant of [
      { role: 'admin', unitId: null },
      { role: 'tdkt_officer', unitId: commune.id },
      { role: 'unit_head', unitId: other.id },
    ]) {
      const response = await expectNothingStored(t.handle, () =>
        post(officer, `/api/accounts/${account.id}/grants`, { ...grant, version: account.version }),
      );
      expect(response.statusCode, JSON.stringify(grant)).toBe(403);
    }
    expect(await t.handle.db.select().from(roleGrants).where(eq(roleGrants.userId, account.id))).toHaveLength(
      1,
    );
  });

  it('cannot touch an account holding a role at or above theirs, or outside the subtree, or its own', async () => {
    const { province, commune, other } = await buildTree();
    const officer = await signInAs(t, 'tdkt_officer', province.id);
    const peer = await buildUser(t.handle.db, { role: 'tdkt_officer', unitId: commune.id });
    const outside = await buildUser(t.handle.db, { role: 'staff', unitId: other.id });
    for (const target of [peer.id, outside.id, officer.user.id]) {
      const disable = await expectNothingStored(t.handle, () =>
        post(officer, `/api/accounts/${target}/active`, { isActive: false, version: 1 }),
      );
      expect(disable.statusCode).toBe(403);
      const reset = await expectNothingStored(t.handle, () =>
        post(officer, `/api/accounts/${target}/one-time-password`, { version: 1 }),
      );
      expect(reset.statusCode).toBe(403);
    }
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/accounts?limit=200',
      headers: officer.headers,
    });
    const items: { username: string; canManage: boolean }[] = list.json().items;
    expect(items.find((item) => item.username === peer.username)?.canManage).toBe(false);
    expect(items.map((item) => item.username)).not.toContain(outside.username);
  });

  it('refuses staff and unit heads with 403', async () => {
    const staff = await signInAs(t, 'staff');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/accounts', headers: staff.headers })).statusCode,
    ).toBe(403);
  });
});
