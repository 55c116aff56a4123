import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, type Client, signInAs } from '../../../../tests/support/factories.ts';
import { countAllRows } from '../../../../tests/support/row-counts.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { csrfTokenMatches } from '../auth/access.ts';
import { users } from '../db/schema.ts';

let t: TestApp;
let admin: Client;
let otherAdmin: Client;
beforeAll(async () => {
  t = await getTestApp();
  admin = await signInAs(t, 'admin');
  otherAdmin = await signInAs(t, 'admin');
});

let counter = 0;
const newUser = () => ({
  username: `csrf.probe.${Date.now()}.${counter++}`,
  fullName: 'Người thử CSRF',
  password: 'mat-khau-dai-du-12',
  role: 'admin',
  unitId: null,
  email: null,
});

const storedUsers = async (username: string) =>
  (await t.handle.db.select({ n: count() }).from(users).where(eq(users.username, username)))[0]?.n;

describe('CSRF token on state-changing routes', () => {
  const cases: [string, () => Record<string, string | string[]>][] = [
    ['is missing', () => ({ cookie: admin.cookie })],
    ['is empty', () => ({ cookie: admin.cookie, 'x-csrf-token': '' })],
    // One character changed (to another character: a token that already ends in "x" stays wrong).
    [
      'is wrong',
      () => ({
        cookie: admin.cookie,
        'x-csrf-token': `${admin.csrfToken.slice(0, -1)}${admin.csrfToken.endsWith('x') ? 'y' : 'x'}`,
      }),
    ],
    ['belongs to another session', () => ({ cookie: admin.cookie, 'x-csrf-token': otherAdmin.csrfToken })],
    ['is sent twice', () => ({ cookie: admin.cookie, 'x-csrf-token': [admin.csrfToken, admin.csrfToken] })],
  ];
  for (const [what, headers] of cases) {
    for (const url of ['/api/users', '/%61pi/users']) {
      it(`refuses POST ${url} with 403 CSRF_INVALID when the token ${what}, and stores nothing`, async () => {
        const body = newUser();
        const before = await countAllRows(t.handle);
        const response = await t.app.inject({ method: 'POST', url, headers: headers(), payload: body });
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({
          code: 'CSRF_INVALID',
          message: 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang và thử lại.',
        });
        expect(await storedUsers(body.username)).toBe(0);
        expect(await countAllRows(t.handle)).toEqual(before);
      });
    }
  }

  it('accepts the session’s own token (the refusals above are about the token alone)', async () => {
    const body = newUser();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: body,
    });
    expect(response.statusCode).toBe(201);
    expect(await storedUsers(body.username)).toBe(1);
  });

  it('refuses a staff member escalating through an encoded path with 403, and stores nothing', async () => {
    const staff = await signInAs(t, 'staff', (await buildUnit(t.handle.db)).id);
    const body = newUser();
    const before = await countAllRows(t.handle);
    for (const url of ['/api/users', '/%61pi/users', '/api/%75sers']) {
      const response = await t.app.inject({ method: 'POST', url, headers: staff.headers, payload: body });
      expect(response.statusCode, url).toBe(403);
      expect(response.json().code).toBe('FORBIDDEN');
    }
    expect(await countAllRows(t.handle)).toEqual(before);
  });
});

describe('csrfTokenMatches', () => {
  it('matches only the exact token, and never an absent expected token', () => {
    expect(csrfTokenMatches('abc', 'abc')).toBe(true);
    expect(csrfTokenMatches('abd', 'abc')).toBe(false);
    expect(csrfTokenMatches('abcd', 'abc')).toBe(false);
    expect(csrfTokenMatches('', '')).toBe(false);
    expect(csrfTokenMatches(undefined, null)).toBe(false);
    expect(csrfTokenMatches(['abc'], 'abc')).toBe(false);
  });
});

describe('Cache-Control of API replies', () => {
  it('sends no-store with the session (it carries the CSRF token), signed in or not, however the path is spelt', async () => {
    for (const headers of [{}, { cookie: admin.cookie }]) {
      for (const url of ['/api/auth/session', '/%61pi/auth/session']) {
        const response = await t.app.inject({ method: 'GET', url, headers });
        expect(response.statusCode).toBe(200);
        expect(response.headers['cache-control'], url).toBe('no-store');
      }
    }
  });

  it('sends no-store with an export of personal data, and with refusals and unknown paths', async () => {
    const unit = await buildUnit(t.handle.db);
    const officer = await signInAs(t, 'tdkt_officer', unit.id);
    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/persons/export',
      headers: officer.headers,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('danh-sach-can-bo.xlsx');
    expect(exported.headers['cache-control']).toBe('no-store');
    for (const url of ['/api/persons/export', '/api/no-such-thing']) {
      expect((await t.app.inject({ method: 'GET', url })).headers['cache-control'], url).toBe('no-store');
    }
  });
});
