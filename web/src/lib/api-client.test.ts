import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, newIdempotencyKey } from './api-client.ts';

afterEach(() => vi.unstubAllGlobals());

/** Replaces fetch with one answering the status and body, recording the requests. */
function stubFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

describe('idempotency keys', () => {
  it('are random UUIDs (v4) made without crypto.randomUUID, which plain-HTTP intranets lack', () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
    expect(keys.size).toBe(50);
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('go with every create as the Idempotency-Key header, the same one on a retry', async () => {
    const calls = stubFetch(201, { id: 'm1' });
    const key = newIdempotencyKey();
    await api.create('/api/movements', { name: 'A' }, { idempotencyKey: key });
    await api.create('/api/movements', { name: 'A' }, { idempotencyKey: key });
    expect(calls.map((call) => (call.init.headers as Record<string, string>)['idempotency-key'])).toEqual([
      key,
      key,
    ]);
    await api.post('/api/auth/logout');
    expect(((calls[2]?.init.headers ?? {}) as Record<string, string>)['idempotency-key']).toBeUndefined();
  });
});

describe('version conflicts', () => {
  it('reach the form with who changed the record and the record as it now stands', async () => {
    stubFetch(409, {
      code: 'VERSION_CONFLICT',
      message: 'Đơn vị này đã được Nguyễn Văn A sửa lúc 10:32 30/11/2026, sau khi bạn mở ra.',
      conflict: {
        version: 3,
        updatedAt: '2026-11-30T03:32:00Z',
        updatedBy: 'Nguyễn Văn A',
        current: { id: 'u1' },
      },
    });
    const error = await api
      .patch('/api/units/u1', { name: 'B', version: 2 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('VERSION_CONFLICT');
    expect((error as ApiError).conflict).toMatchObject({
      version: 3,
      updatedBy: 'Nguyễn Văn A',
      current: { id: 'u1' },
    });
  });
});
