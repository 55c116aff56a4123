import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, type Client, signInAs } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditEvents, idempotencyKeys, movements, units } from '../db/schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A province and one of its officers, who may create movements there. */
async function officerOfProvince() {
  const province = await buildUnit(t.handle.db, { name: `Tỉnh Gửi Trùng ${tag()}`, kind: 'province' });
  return { province, officer: await signInAs(t, 'tdkt_officer', province.id) };
}

const movementBody = (launchingUnitId: string, name: string) => ({
  name,
  kind: 'thematic',
  periodFrom: 2026,
  periodTo: 2030,
  launchingUnitId,
});

const createMovement = (client: Client, payload: object, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/movements',
    headers: { ...client.headers, ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });

const movementsNamed = (name: string) => t.handle.db.select().from(movements).where(eq(movements.name, name));

const createAudits = (id: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'movement.create'), eq(auditEvents.entityId, id)));

describe('Idempotency-Key on create routes', () => {
  it('makes one movement from two identical POST /api/movements at once, and both replies are equal', async () => {
    const { province, officer } = await officerOfProvince();
    const name = `Phong trào gửi hai lần ${tag()}`;
    const key = randomUUID();
    const body = movementBody(province.id, name);
    const [one, two] = await Promise.all([
      createMovement(officer, body, key),
      createMovement(officer, body, key),
    ]);
    expect([one.statusCode, two.statusCode]).toEqual([201, 201]);
    expect(two.body).toBe(one.body);
    expect([one.headers['idempotent-replayed'], two.headers['idempotent-replayed']].sort()).toEqual([
      'true',
      undefined,
    ]);
    const stored = await movementsNamed(name);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).toBe(one.json().id);
    expect(await createAudits(one.json().id)).toHaveLength(1);

    const later = await createMovement(officer, body, key);
    expect(later.statusCode).toBe(201);
    expect(later.body).toBe(one.body);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(await movementsNamed(name)).toHaveLength(1);
  });

  it('refuses a key reused with a different body with 422 in Vietnamese, creating nothing', async () => {
    const { province, officer } = await officerOfProvince();
    const key = randomUUID();
    const first = await createMovement(officer, movementBody(province.id, `Phong trào A ${tag()}`), key);
    expect(first.statusCode).toBe(201);
    const otherName = `Phong trào B ${tag()}`;
    const reused = await createMovement(officer, movementBody(province.id, otherName), key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(reused.json().message).toMatch(/trùng/);
    expect(await movementsNamed(otherName)).toHaveLength(0);
  });

  it('keeps behaviour unchanged without a key: two requests make two movements', async () => {
    const { province, officer } = await officerOfProvince();
    const name = `Phong trào không mã ${tag()}`;
    const body = movementBody(province.id, name);
    expect((await createMovement(officer, body)).statusCode).toBe(201);
    expect((await createMovement(officer, body)).statusCode).toBe(201);
    expect(await movementsNamed(name)).toHaveLength(2);
  });

  it('scopes a key to its user: another officer sending the same key creates their own record', async () => {
    const { province, officer } = await officerOfProvince();
    const colleague = await signInAs(t, 'tdkt_officer', province.id);
    const key = randomUUID();
    const name = `Phong trào hai người ${tag()}`;
    const body = movementBody(province.id, name);
    const mine = await createMovement(officer, body, key);
    const theirs = await createMovement(colleague, body, key);
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect(await movementsNamed(name)).toHaveLength(2);
  });

  it('frees the key when the first request fails, so the corrected form can be sent with it', async () => {
    const { province, officer } = await officerOfProvince();
    const taken = await buildUnit(t.handle.db, { parentId: province.id });
    const key = randomUUID();
    const create = (code: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/units',
        headers: { ...officer.headers, 'idempotency-key': key },
        payload: { parentId: province.id, name: 'Phòng Thi đua', code },
      });
    const refused = await create(taken.code);
    expect(refused.statusCode).toBe(409);
    const code = `PTD${tag()}`.toUpperCase();
    const corrected = await create(code);
    expect(corrected.statusCode).toBe(201);
    expect(await t.handle.db.select().from(units).where(eq(units.code, code))).toHaveLength(1);
    const again = await create(code);
    expect(again.body).toBe(corrected.body);
    expect(await t.handle.db.select().from(units).where(eq(units.code, code))).toHaveLength(1);
  });

  it('refuses a malformed key with 400 and creates nothing', async () => {
    const { province, officer } = await officerOfProvince();
    const name = `Phong trào mã hỏng ${tag()}`;
    const response = await createMovement(officer, movementBody(province.id, name), 'ngắn');
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/Mã chống gửi trùng/);
    expect(await movementsNamed(name)).toHaveLength(0);
  });

  it('forgets a key after 24 hours and takes over a claim abandoned for 5 minutes', async () => {
    const { province, officer } = await officerOfProvince();
    const key = randomUUID();
    await createMovement(officer, movementBody(province.id, `Phong trào cũ ${tag()}`), key);
    await t.handle.db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(idempotencyKeys.key, key));
    const name = `Phong trào mới ${tag()}`;
    expect((await createMovement(officer, movementBody(province.id, name), key)).statusCode).toBe(201);
    expect(await movementsNamed(name)).toHaveLength(1);

    const abandoned = randomUUID();
    await t.handle.db.insert(idempotencyKeys).values({
      userId: officer.user.id,
      key: abandoned,
      route: 'POST /api/movements',
      requestHash: 'from a process that died',
      createdAt: sql`now() - interval '6 minutes'`,
    });
    const revived = `Phong trào tiếp quản ${tag()}`;
    expect((await createMovement(officer, movementBody(province.id, revived), abandoned)).statusCode).toBe(
      201,
    );
    expect(await movementsNamed(revived)).toHaveLength(1);
    const [row] = await t.handle.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, officer.user.id), eq(idempotencyKeys.key, abandoned)));
    expect(row?.status).toBe(201);
  });
});
