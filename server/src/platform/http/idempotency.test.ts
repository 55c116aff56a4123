import Fastify, { type FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { registerIdempotency, requestHash } from './idempotency.ts';

const fakeRequest = (body: unknown, multipart = false, length = '100') =>
  ({
    params: { id: 'a' },
    query: {},
    body,
    headers: { 'content-length': length },
    isMultipart: () => multipart,
  }) as unknown as FastifyRequest;

describe('requestHash', () => {
  it('is the same for the same content in any key order and differs for another body or route', () => {
    const hash = requestHash('POST /api/x', fakeRequest({ name: 'A', period: { from: 1, to: 2 } }));
    expect(requestHash('POST /api/x', fakeRequest({ period: { to: 2, from: 1 }, name: 'A' }))).toBe(hash);
    expect(requestHash('POST /api/x', fakeRequest({ name: 'B', period: { from: 1, to: 2 } }))).not.toBe(hash);
    expect(requestHash('POST /api/y', fakeRequest({ name: 'A', period: { from: 1, to: 2 } }))).not.toBe(hash);
  });

  it('stands for an upload by its length, since the file is read later by the handler', () => {
    const upload = requestHash('POST /api/x', fakeRequest(undefined, true, '2048'));
    expect(requestHash('POST /api/x', fakeRequest(undefined, true, '2048'))).toBe(upload);
    expect(requestHash('POST /api/x', fakeRequest(undefined, true, '4096'))).not.toBe(upload);
  });
});

describe('registerIdempotency', () => {
  it('refuses to register a POST answering 201 that does not say whether it is idempotent', async () => {
    const app = Fastify();
    registerIdempotency(app, {} as Database);
    const created = { schema: { response: { 201: { type: 'object' } } } };
    expect(() => app.post('/api/undeclared', created, async () => ({}))).toThrow(/config\.idempotent/);
    expect(() =>
      app.post('/api/declared', { ...created, config: { idempotent: true } }, async () => ({})),
    ).not.toThrow();
    expect(() => app.post('/api/login', async () => ({}))).not.toThrow();
    await app.close();
  });
});
