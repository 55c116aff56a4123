import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, signInAs } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditEvents, units, users } from '../db/schema.ts';
import { mapDatabaseError } from './database-errors.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

/** The error the database raises for a statement, as the application receives it (wrapped by drizzle). */
async function errorOf(statement: ReturnType<typeof sql>): Promise<unknown> {
  try {
    await t.handle.db.execute(statement);
  } catch (error) {
    return error;
  }
  throw new Error('the statement did not fail');
}

describe('mapDatabaseError on the real engine', () => {
  it('maps a unique violation to 409 with the field it concerns', async () => {
    const unit = await buildUnit(t.handle.db);
    const error = await errorOf(
      sql`insert into units (id, path, name, code, kind) values (gen_random_uuid(), '/x/', 'Bản sao', ${unit.code}, 'other')`,
    );
    const mapped = mapDatabaseError(error);
    expect(mapped).toMatchObject({ status: 409, code: 'CONFLICT', fields: [{ path: 'code' }] });
  });

  it('maps a missing reference to 400 and a row still referenced to 409', async () => {
    const missing = await errorOf(
      sql`insert into units (id, parent_id, path, name, code, kind) values (gen_random_uuid(), gen_random_uuid(), '/y/', 'Mồ côi', ${`FK${Date.now()}`}, 'other')`,
    );
    expect(mapDatabaseError(missing)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const parent = await buildUnit(t.handle.db);
    await buildUnit(t.handle.db, { parentId: parent.id });
    const referenced = await errorOf(sql`delete from units where id = ${parent.id}`);
    expect(mapDatabaseError(referenced)).toMatchObject({ status: 409, code: 'CONFLICT' });
  });

  it('maps data the database cannot take to 400: impossible dates, NUL, bad numbers', async () => {
    for (const statement of [
      sql`select '2026-02-30'::date`,
      sql`select '0000-01-01'::date`,
      sql`select ${'a\u0000b'}::text`,
      sql`select '{"a":"\\u0000"}'::jsonb::text`,
      sql`select 'x'::uuid`,
      sql`select 99999999999::int`,
    ]) {
      const mapped = mapDatabaseError(await errorOf(statement));
      expect(mapped, JSON.stringify(statement.queryChunks)).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(mapped?.message).toMatch(/^Dữ liệu/);
    }
  });

  it('leaves other failures (a missing table) to the 500 path', async () => {
    expect(mapDatabaseError(await errorOf(sql`select * from no_such_table`))).toBeNull();
    expect(mapDatabaseError(new Error('plain'))).toBeNull();
  });
});

describe('POST /api/users twice at the same moment', () => {
  it('creates the account once: one 201, one 409 naming the username, never a 500', async () => {
    const admin = await signInAs(t, 'admin');
    const username = `song.song.${Date.now().toString(36)}`;
    const payload = { username, fullName: 'Phạm Văn Song', password: 'mat-khau-rat-dai', role: 'staff' };
    const before = await t.handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.create'));
    const replies = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload }),
      ),
    );
    const statuses = replies.map((reply) => reply.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const reply of replies.filter((r) => r.statusCode === 409)) {
      expect(reply.json().fields).toEqual([{ path: 'username', message: 'Tên đăng nhập đã được sử dụng' }]);
    }
    expect(await t.handle.db.select().from(users).where(eq(users.username, username))).toHaveLength(1);
    const after = await t.handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.create'));
    expect(after.length - before.length).toBe(1);
  });
});

describe('POST /api/units with one code at the same moment', () => {
  it('creates the unit once and answers the others 409', async () => {
    const admin = await signInAs(t, 'admin');
    const code = `SONG${Date.now().toString(36)}`;
    const replies = await Promise.all(
      Array.from({ length: 3 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/units',
          headers: admin.headers,
          payload: { name: `Sở ${i}`, code },
        }),
      ),
    );
    expect(replies.map((reply) => reply.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await t.handle.db.select().from(units).where(eq(units.code, code))).toHaveLength(1);
  });
});
