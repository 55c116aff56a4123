import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, decisions } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { decisionSetting, draftFor, issued, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const auditOf = (action: string, id: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, id)));
const stored = async (id: string) =>
  (await t.handle.db.select().from(decisions).where(eq(decisions.id, id)))[0];

describe('POST /api/decisions/:id/publish and /withdraw-publication', () => {
  it('publishes an issued decision, withdraws it, audited; a revocation ends the publication', async () => {
    const scene = await decisionSetting(t);
    const send = sender(t);
    const draft = await draftFor(t, scene.officer.headers, scene.province.id, [scene.person.id]);
    const decision = await issued(t, scene.officer.headers, draft);
    const before = await send('GET', `/api/decisions/${decision.id}`, scene.officer.headers);
    expect(before.json()).toMatchObject({
      publishedAt: null,
      actions: { publish: true, withdrawPublication: false },
    });

    const published = await send('POST', `/api/decisions/${decision.id}/publish`, scene.officer.headers, {
      version: decision.version,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      publishedAt: expect.any(String),
      version: decision.version + 1,
      actions: { publish: false, withdrawPublication: true },
    });
    expect((await stored(decision.id))?.publishedAt).toBeInstanceOf(Date);
    const [event] = await auditOf('decision.publish', decision.id);
    expect(event?.after).toMatchObject({ publishedAt: expect.any(String) });
    expect(event?.before).toEqual({ publishedAt: null });

    const withdrawn = await send(
      'POST',
      `/api/decisions/${decision.id}/withdraw-publication`,
      scene.officer.headers,
      { version: decision.version + 1 },
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().publishedAt).toBeNull();
    expect((await stored(decision.id))?.publishedAt).toBeNull();
    expect(await auditOf('decision.withdraw_publication', decision.id)).toHaveLength(1);

    const again = await send('POST', `/api/decisions/${decision.id}/publish`, scene.officer.headers, {
      version: decision.version + 2,
    });
    expect(again.statusCode, again.body).toBe(200);
    const revoked = await send('POST', `/api/decisions/${decision.id}/revoke`, scene.officer.headers, {
      version: decision.version + 3,
      reason: 'Hồ sơ khai không đúng thành tích.',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({
      status: 'revoked',
      publishedAt: null,
      actions: { publish: false, withdrawPublication: false },
    });
  });

  it('refuses a stale version, a draft, a second publication, a withdrawal of nothing and an officer elsewhere, storing nothing', async () => {
    const scene = await decisionSetting(t);
    const send = sender(t);
    const draft = await draftFor(t, scene.officer.headers, scene.province.id, [scene.person.id]);
    const refuse = async (path: string, headers: Record<string, string>, version: number, status: number) => {
      const reply = await expectNothingStored(t.handle, () =>
        send('POST', `/api/decisions/${draft.id}/${path}`, headers, { version }),
      );
      expect(reply.statusCode, reply.body).toBe(status);
      return reply;
    };
    const notIssued = await refuse('publish', scene.officer.headers, draft.version, 409);
    expect(notIssued.json().message).toContain('đã ban hành');
    const decision = await issued(t, scene.officer.headers, draft);
    const stale = await refuse('publish', scene.officer.headers, decision.version - 1, 409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    await refuse('publish', scene.stranger.headers, decision.version, 403);
    await refuse('withdraw-publication', scene.officer.headers, decision.version, 409);
    await refuse('publish', scene.officer.headers, 0, 400);
    const published = await send('POST', `/api/decisions/${decision.id}/publish`, scene.officer.headers, {
      version: decision.version,
    });
    expect(published.statusCode).toBe(200);
    await refuse('publish', scene.officer.headers, decision.version + 1, 409);
    await refuse('withdraw-publication', scene.stranger.headers, decision.version + 1, 403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/decisions/${decision.id}/withdraw-publication`,
      payload: { version: decision.version + 1 },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await stored(decision.id))?.publishedAt).toBeInstanceOf(Date);
  });
});
