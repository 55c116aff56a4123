import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { movements } from '#server/platform/db/schema.ts';
import { buildMovement } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildProvince } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const stored = async (id: string) =>
  (await t.handle.db.select().from(movements).where(eq(movements.id, id)))[0];
const post = (url: string, headers: Record<string, string>, version: number) =>
  t.app.inject({ method: 'POST', url, headers, payload: { version } });

describe('POST /api/movements/:id/publish and /withdraw-publication', () => {
  it('publishes a launched movement and withdraws it, audited, for the managers of the launching unit', async () => {
    const scene = await buildProvince(t);
    const movement = await buildMovement(t.handle.db, {
      launchingUnitId: scene.province.id,
      status: 'launched',
    });
    const headers = scene.provinceOfficer.headers;
    const view = await t.app.inject({ url: `/api/movements/${movement.id}`, headers });
    expect(view.json()).toMatchObject({ publishedAt: null, actions: expect.arrayContaining(['publish']) });

    const published = await post(`/api/movements/${movement.id}/publish`, headers, movement.version);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      publishedAt: expect.any(String),
      version: movement.version + 1,
    });
    expect((await stored(movement.id))?.publishedAt).toBeInstanceOf(Date);
    const [event] = await auditOf(t, 'movement.publish', movement.id);
    expect(event?.before).toEqual({ publishedAt: null });

    const district = await t.app.inject({
      url: `/api/movements/${movement.id}`,
      headers: scene.districtOfficer.headers,
    });
    expect(district.json().actions).not.toContain('publish');

    const withdrawn = await post(
      `/api/movements/${movement.id}/withdraw-publication`,
      headers,
      movement.version + 1,
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().publishedAt).toBeNull();
    expect((await stored(movement.id))?.publishedAt).toBeNull();
    expect(await auditOf(t, 'movement.withdraw_publication', movement.id)).toHaveLength(1);
  });

  it('refuses a draft, a stale version, a non-manager and a withdrawal of nothing, storing nothing', async () => {
    const scene = await buildProvince(t);
    const draft = await buildMovement(t.handle.db, { launchingUnitId: scene.province.id });
    const launched = await buildMovement(t.handle.db, {
      launchingUnitId: scene.province.id,
      status: 'launched',
    });
    const refuse = async (id: string, path: string, headers: Record<string, string>, version: number) => {
      const reply = await expectNothingStored(t.handle, () =>
        post(`/api/movements/${id}/${path}`, headers, version),
      );
      return reply;
    };
    const officer = scene.provinceOfficer.headers;
    const notLaunched = await refuse(draft.id, 'publish', officer, draft.version);
    expect(notLaunched.statusCode).toBe(409);
    expect(notLaunched.json().message).toContain('đã phát động');
    const stale = await refuse(launched.id, 'publish', officer, launched.version + 5);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(
      (await refuse(launched.id, 'publish', scene.districtOfficer.headers, launched.version)).statusCode,
    ).toBe(403);
    expect((await refuse(launched.id, 'withdraw-publication', officer, launched.version)).statusCode).toBe(
      409,
    );
    expect((await stored(launched.id))?.publishedAt).toBeNull();
  });
});
